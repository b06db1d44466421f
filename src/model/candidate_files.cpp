#include "model/candidate_files.hpp"

namespace tg {

Diagnostic ItemPlace::diagnostic(const std::string& member, std::string code, std::string message, std::string hint,
                                 Severity severity) const {
    const auto it = offsets.find(member);
    const auto item = offsets.find("");
    const auto offset = it != offsets.end() ? it->second : item != offsets.end() ? item->second : 0;
    return {severity, file, {}, offset, 0, std::move(code), std::move(message), std::move(hint)};
}

} // namespace tg
