#include "core/image_format.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <filesystem>

namespace tg {

ImageFormat image_format_for(const std::string& path) {
    const auto extension = to_lower_ascii(std::filesystem::path(path).extension().string());
    if (extension == ".svg") return ImageFormat::svg;
    if (extension == ".png") return ImageFormat::png;
    if (extension == ".pdf") return ImageFormat::pdf;
    throw UsageError("cannot tell the image format of \"" + path + "\"", "end the file name in .svg, .png or .pdf");
}

std::string format_name(ImageFormat format) {
    switch (format) {
        case ImageFormat::svg:
            return "svg";
        case ImageFormat::png:
            return "png";
        case ImageFormat::pdf:
            return "pdf";
    }
    return "svg";
}

} // namespace tg
