#pragma once
// A document facts are taken from, with the section index that evidence points into.
#include <cstddef>
#include <string>
#include <vector>

namespace tg {

struct Section {
    std::string id;
    std::string title;
    std::size_t start = 0; // byte offsets, end exclusive
    std::size_t end = 0;
};

struct SourceDocument {
    std::string id;
    std::string title;
    std::string publisher;
    std::string date;
    std::string file;       // file name of the text, looked up in the --sources folder
    std::string sha256;     // of that file, lower-case hex
    std::size_t length = 0; // bytes
    std::vector<Section> sections;

    const Section* section(const std::string& section_id) const;
};

} // namespace tg
