#pragma once
// A short list per row (an entity's aliases, a relation's evidence), all rows' items end to end
// in one vector. Costs nothing while no row has an item: a network of a million nodes without
// aliases holds no alias structure at all.
#include "core/span.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tg {

template <class T>
class RowLists {
public:
    std::size_t rows() const { return rows_; }
    Span<T> operator[](std::size_t row) const {
        if (row + 1 >= begins_.size()) return {};
        return Span<T>(items_.data() + begins_[row], items_.data() + begins_[row + 1]);
    }
    // Appends a row holding `items`.
    template <class Items>
    void push_row(Items&& items) {
        if (!items.empty() && begins_.empty()) begins_.assign(rows_ + 1, 0);
        for (auto& item : items) items_.push_back(std::move(item));
        if (!begins_.empty()) begins_.push_back(items_.size());
        ++rows_;
    }
    // Appends `count` empty rows.
    void push_empty_rows(std::size_t count) {
        if (!begins_.empty()) begins_.resize(begins_.size() + count, items_.size());
        rows_ += count;
    }

private:
    std::size_t rows_ = 0;
    std::vector<std::size_t> begins_; // row r is [begins_[r], begins_[r + 1]); empty while every row is empty
    std::vector<T> items_;
};

} // namespace tg
