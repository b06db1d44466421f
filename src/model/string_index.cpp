#include "model/string_index.hpp"

#include <functional>

namespace tg {

namespace {

std::uint64_t hash_of(std::string_view text) { return std::hash<std::string_view>{}(text); }

} // namespace

std::uint32_t StringIndex::find(const StringColumn& column, std::string_view text) const {
    if (slots_.empty()) return kNone;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash_of(text) & mask;; i = (i + 1) & mask) {
        const auto row = slots_[i];
        if (row == kNone) return kNone;
        if (column[row] == text) return row;
    }
}

void StringIndex::place(std::uint64_t hash, std::uint32_t row) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = hash & mask;
    while (slots_[i] != kNone) i = (i + 1) & mask;
    slots_[i] = row;
}

void StringIndex::grow(const StringColumn& column) {
    std::size_t size = slots_.empty() ? 16 : slots_.size() * 2;
    while (size < 2 * (count_ + 1)) size *= 2;
    slots_.assign(size, kNone);
    for (std::size_t row = 0; row < count_; ++row) place(hash_of(column[row]), static_cast<std::uint32_t>(row));
}

void StringIndex::add_last(const StringColumn& column) {
    if (2 * (count_ + 1) > slots_.size()) grow(column);
    const auto row = static_cast<std::uint32_t>(column.size() - 1);
    place(hash_of(column[row]), row);
    ++count_;
}

void StringIndex::catch_up(const StringColumn& column) {
    if (count_ == column.size()) return;
    std::size_t size = slots_.empty() ? 16 : slots_.size();
    while (size < 2 * column.size()) size *= 2;
    if (size != slots_.size()) {
        slots_.assign(size, kNone);
        count_ = 0;
    }
    for (; count_ < column.size(); ++count_) place(hash_of(column[count_]), static_cast<std::uint32_t>(count_));
}

std::uint32_t StringIndex::intern(StringColumn& column, std::string_view text, bool& added) {
    if (2 * (count_ + 1) > slots_.size()) grow(column);
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = hash_of(text) & mask;
    for (; slots_[i] != kNone; i = (i + 1) & mask)
        if (column[slots_[i]] == text) {
            added = false;
            return slots_[i];
        }
    column.push_back(text);
    const auto row = static_cast<std::uint32_t>(column.size() - 1);
    slots_[i] = row;
    ++count_;
    added = true;
    return row;
}

} // namespace tg
