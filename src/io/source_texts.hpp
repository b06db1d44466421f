#pragma once
// The source documents' texts, read from a folder the user names (--sources), to show the exact
// passage behind a piece of evidence. A text whose SHA-256 differs from the recorded one is
// never used: its offsets would point at the wrong words.
#include "model/evidence.hpp"
#include "model/source_document.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

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

// Where the texts are when nobody said: the first of `texts/` inside the data folder, then
// `corpus/` and `shared/corpus/` beside the data folder or beside any folder above it, that holds
// one of the sources' files with its recorded SHA-256. Empty when none does.
std::string discover_source_folder(const std::string& data_dir, const std::vector<SourceDocument>& sources);

} // namespace tg
