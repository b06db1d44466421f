#pragma once
// The source documents' texts, read from a folder the user names (--sources), to show the exact
// passage behind a piece of evidence. A text whose SHA-256 differs from the recorded one is
// never used: its offsets would point at the wrong words.
#include "model/evidence.hpp"
#include "model/source_document.hpp"

#include <map>
#include <optional>
#include <string>

namespace tg {

class SourceTexts {
public:
    explicit SourceTexts(std::string dir) : dir_(std::move(dir)) {}

    // The passage's exact text, or nothing when the text is missing or another version.
    std::optional<std::string> passage(const SourceDocument& source, const Evidence& evidence);

private:
    std::string dir_;
    std::map<std::string, std::optional<std::string>> texts_; // by source id
};

} // namespace tg
