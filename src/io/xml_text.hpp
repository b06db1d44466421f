#pragma once
// Text made safe for XML 1.0 element content and attribute values. Internal to io/.
#include <string>
#include <string_view>

namespace tg {

// Escapes & < > " ' and writes tab, line feed and carriage return as character references, so
// that attribute values keep them. Throws DataError naming `what` for a control character XML 1.0
// cannot hold at all.
std::string xml_escaped(std::string_view text, const std::string& what);

} // namespace tg
