#include "io/source_texts.hpp"

#include "core/sha256.hpp"
#include "io/text_file.hpp"

#include <filesystem>

namespace tg {

std::optional<std::string> SourceTexts::passage(const SourceDocument& source, const Evidence& evidence) {
    auto it = texts_.find(source.id);
    if (it == texts_.end()) {
        std::optional<std::string> text;
        const auto path = (std::filesystem::path(dir_) / source.file).string();
        if (file_exists(path)) {
            auto content = read_file(path);
            if (sha256_hex(content) == source.sha256) text = std::move(content);
        }
        it = texts_.emplace(source.id, std::move(text)).first;
    }
    if (!it->second || evidence.end > it->second->size() || evidence.start >= evidence.end) return std::nullopt;
    return it->second->substr(evidence.start, evidence.end - evidence.start);
}

} // namespace tg
