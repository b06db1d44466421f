#pragma once
// The picture formats threatgraph draws to, told by a file's name: a request for a drawing is
// checked before any work is done.
#include <string>

namespace tg {

enum class ImageFormat { svg, png, pdf };

// By the file name's extension (.svg, .png, .pdf, any case); UsageError for another.
ImageFormat image_format_for(const std::string& path);
std::string format_name(ImageFormat format);

} // namespace tg
