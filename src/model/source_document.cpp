#include "model/source_document.hpp"

namespace tg {

const Section* SourceDocument::section(const std::string& section_id) const {
    for (const auto& s : sections)
        if (s.id == section_id) return &s;
    return nullptr;
}

} // namespace tg
