#include "io/xml_reader.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <cstdlib>
#include <cstring>

namespace tg {

std::string xml_local_name(const std::string& name) {
    const auto colon = name.find(':');
    return colon == std::string::npos ? name : name.substr(colon + 1);
}

const std::string* XmlEvent::attribute(const std::string& key) const {
    for (const auto& [k, v] : attributes)
        if (k == key) return &v;
    return nullptr;
}

void XmlReader::fail(std::size_t offset, const std::string& message) const {
    throw DataError({{Severity::error, source_, {}, offset, 1, "xml-syntax", "XML syntax error: " + message, {}}});
}

namespace {
bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == ':' || c == '-' || c == '.' ||
           static_cast<unsigned char>(c) >= 0x80;
}
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

} // namespace

std::string XmlReader::decode(std::size_t begin, std::size_t end) const {
    const auto& text = source_->content();
    std::string out;
    for (std::size_t i = begin; i < end; ++i) {
        if (text[i] != '&') {
            out += text[i];
            continue;
        }
        const auto semicolon = text.find(';', i);
        if (semicolon == std::string::npos || semicolon >= end) fail(i, "'&' without ';' (write &amp; for a literal &)");
        const std::string entity = text.substr(i + 1, semicolon - i - 1);
        if (entity == "lt")
            out += '<';
        else if (entity == "gt")
            out += '>';
        else if (entity == "amp")
            out += '&';
        else if (entity == "quot")
            out += '"';
        else if (entity == "apos")
            out += '\'';
        else if (!entity.empty() && entity[0] == '#') {
            const bool hex = entity.size() > 1 && (entity[1] == 'x' || entity[1] == 'X');
            const std::string digits = entity.substr(hex ? 2 : 1);
            char* stop = nullptr;
            const unsigned long cp = std::strtoul(digits.c_str(), &stop, hex ? 16 : 10);
            if (digits.empty() || *stop != '\0' || cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
                fail(i, "bad character reference \"&" + entity + ";\"");
            append_utf8(out, static_cast<std::uint32_t>(cp));
        } else {
            fail(i, "unknown entity \"&" + entity + ";\"");
        }
        i = semicolon;
    }
    return out;
}

XmlEvent XmlReader::next() {
    const auto& text = source_->content();
    if (pending_end_) {
        pending_end_ = false;
        XmlEvent e;
        e.type = XmlEvent::end;
        e.name = pending_name_;
        e.offset = pos_;
        return e;
    }
    while (pos_ < text.size()) {
        if (text[pos_] != '<') {
            const std::size_t start = pos_;
            const auto lt = text.find('<', pos_);
            pos_ = lt == std::string::npos ? text.size() : lt;
            if (open_.empty()) {
                for (std::size_t i = start; i < pos_; ++i)
                    if (!is_space(text[i])) fail(i, "text outside the root element");
                continue;
            }
            XmlEvent e;
            e.type = XmlEvent::text;
            e.content = decode(start, pos_);
            e.offset = start;
            return e;
        }
        const std::size_t start = pos_;
        if (text.compare(pos_, 4, "<!--") == 0) {
            const auto close = text.find("-->", pos_ + 4);
            if (close == std::string::npos) fail(start, "comment is never closed");
            pos_ = close + 3;
            continue;
        }
        if (text.compare(pos_, 9, "<![CDATA[") == 0) {
            const auto close = text.find("]]>", pos_ + 9);
            if (close == std::string::npos) fail(start, "CDATA section is never closed");
            XmlEvent e;
            e.type = XmlEvent::text;
            e.content = text.substr(pos_ + 9, close - pos_ - 9);
            e.offset = start;
            pos_ = close + 3;
            return e;
        }
        if (text.compare(pos_, 2, "<?") == 0) {
            // The XML declaration opens the file (after a byte-order mark) or is not there.
            const bool declaration = text.compare(pos_, 5, "<?xml") == 0 && pos_ + 5 < text.size() && is_space(text[pos_ + 5]);
            if (declaration && start != 0 && !(start == 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0))
                fail(start, "the XML declaration <?xml ...?> may only open the file");
            const auto close = text.find("?>", pos_ + 2);
            if (close == std::string::npos) fail(start, "processing instruction is never closed");
            pos_ = close + 2;
            continue;
        }
        if (text.compare(pos_, 2, "<!") == 0) {
            // Only one DOCTYPE, before the root element, and without an internal subset (no
            // entity can be declared, so none can expand). Each declaration is scanned once.
            if (text.compare(pos_, 9, "<!DOCTYPE") != 0) fail(start, "unexpected markup declaration outside a DOCTYPE");
            if (doctype_seen_ || root_seen_) fail(start, root_seen_ ? "DOCTYPE after the root element" : "a second DOCTYPE");
            doctype_seen_ = true;
            const auto close = text.find('>', pos_);
            if (close == std::string::npos) fail(start, "declaration is never closed");
            if (std::memchr(text.data() + pos_, '[', close - pos_)) fail(start, "DOCTYPE with an internal subset is not supported");
            pos_ = close + 1;
            continue;
        }
        XmlEvent e;
        e.offset = start;
        const bool closing = text.compare(pos_, 2, "</") == 0;
        pos_ += closing ? 2 : 1;
        const std::size_t name_start = pos_;
        while (pos_ < text.size() && is_name_char(text[pos_])) ++pos_;
        if (pos_ == name_start) fail(start, "expected an element name after '<'");
        e.name = text.substr(name_start, pos_ - name_start);
        if (closing) {
            while (pos_ < text.size() && is_space(text[pos_])) ++pos_;
            if (pos_ >= text.size() || text[pos_] != '>') fail(pos_, "expected '>'");
            ++pos_;
            if (open_.empty() || open_.back() != e.name)
                fail(start, "closing tag </" + e.name + "> does not match " +
                                (open_.empty() ? std::string("any open element") : "<" + open_.back() + ">"));
            open_.pop_back();
            e.type = XmlEvent::end;
            return e;
        }
        e.type = XmlEvent::start;
        if (open_.empty() && root_seen_) fail(start, "a second root element <" + e.name + ">");
        root_seen_ = true;
        while (true) {
            while (pos_ < text.size() && is_space(text[pos_])) ++pos_;
            if (pos_ >= text.size()) fail(start, "element <" + e.name + "> is never closed");
            if (text[pos_] == '>') {
                ++pos_;
                break;
            }
            if (text.compare(pos_, 2, "/>") == 0) {
                pos_ += 2;
                e.self_closing = true;
                break;
            }
            const std::size_t key_start = pos_;
            while (pos_ < text.size() && is_name_char(text[pos_])) ++pos_;
            if (pos_ == key_start) fail(pos_, "expected an attribute name");
            std::string key = text.substr(key_start, pos_ - key_start);
            while (pos_ < text.size() && is_space(text[pos_])) ++pos_;
            if (pos_ >= text.size() || text[pos_] != '=') fail(pos_, "expected '=' after attribute \"" + key + "\"");
            ++pos_;
            while (pos_ < text.size() && is_space(text[pos_])) ++pos_;
            if (pos_ >= text.size() || (text[pos_] != '"' && text[pos_] != '\'')) fail(pos_, "expected a quoted attribute value");
            const char quote = text[pos_++];
            const auto close = text.find(quote, pos_);
            if (close == std::string::npos) fail(pos_ - 1, "attribute value is never closed");
            e.attributes.emplace_back(std::move(key), decode(pos_, close));
            pos_ = close + 1;
        }
        if (e.self_closing) {
            pending_end_ = true;
            pending_name_ = e.name;
        } else {
            if (open_.size() >= 256) fail(start, "elements nested deeper than 256 levels");
            open_.push_back(e.name);
        }
        return e;
    }
    if (!open_.empty()) fail(text.size(), "end of file inside <" + open_.back() + ">");
    return XmlEvent{};
}

} // namespace tg
