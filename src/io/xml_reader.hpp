#pragma once
// A small pull parser for the XML that graph formats use (GraphML, GEXF): elements, attributes,
// text, the five named entities and numeric character references; comments, processing
// instructions and DOCTYPE are skipped. No DTDs, no external entities. Internal to io/.
#include "core/source_text.hpp"

#include <string>
#include <utility>
#include <vector>

namespace tg {

struct XmlEvent {
    enum Type { start, end, text, done } type = done;
    std::string name; // element name for start and end
    std::vector<std::pair<std::string, std::string>> attributes;
    bool self_closing = false;
    std::string content; // for text, entities decoded
    std::size_t offset = 0;

    const std::string* attribute(const std::string& key) const;
};

// An element's name without its namespace prefix ("viz:color" is "color").
std::string xml_local_name(const std::string& name);

class XmlReader {
public:
    explicit XmlReader(SourceTextPtr source) : source_(std::move(source)) {}
    // The next event; throws DataError at the offending position on malformed XML.
    XmlEvent next();
    const SourceTextPtr& source() const { return source_; }

private:
    [[noreturn]] void fail(std::size_t offset, const std::string& message) const;
    std::string decode(std::size_t begin, std::size_t end) const;

    SourceTextPtr source_;
    std::size_t pos_ = 0;
    std::vector<std::string> open_;
    bool pending_end_ = false;
    bool doctype_seen_ = false;
    bool root_seen_ = false;
    std::string pending_name_;
};

} // namespace tg
