#include "model/attribute.hpp"

#include <cmath>
#include <cstdio>

namespace tg {

std::string format_value(const AttributeValue& value) {
    if (const auto* b = std::get_if<bool>(&value)) return *b ? "true" : "false";
    if (const auto* s = std::get_if<std::string>(&value)) return *s;
    const double d = std::get<double>(value);
    char buffer[64];
    if (std::floor(d) == d && std::fabs(d) < 1e15)
        std::snprintf(buffer, sizeof buffer, "%.0f", d);
    else
        std::snprintf(buffer, sizeof buffer, "%.10g", d);
    return buffer;
}

} // namespace tg
