#include "io/xml_text.hpp"

#include "core/error.hpp"

#include <cstdio>

namespace tg {

std::string xml_escaped(std::string_view text, const std::string& what) {
    std::string out;
    out.reserve(text.size() + 8);
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&apos;";
                break;
            case '\t':
                out += "&#9;";
                break;
            case '\n':
                out += "&#10;";
                break;
            case '\r':
                out += "&#13;";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char code[8];
                    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(static_cast<unsigned char>(c)));
                    throw DataError(what + " holds the control character " + code + ", which XML cannot hold",
                                    "remove it from graph-data, or export to json, which keeps it");
                }
                out += c;
        }
    }
    return out;
}

} // namespace tg
