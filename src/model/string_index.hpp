#pragma once
// The rows of a StringColumn by their text: open addressing over 32-bit row numbers, so that
// finding a million labels costs eight bytes a label, not a string and a node each.
#include "model/string_column.hpp"

#include <cstdint>
#include <limits>
#include <string_view>
#include <vector>

namespace tg {

class StringIndex {
public:
    static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

    // The first row of `column` holding `text`, or kNone.
    std::uint32_t find(const StringColumn& column, std::string_view text) const;
    // Indexes the column's last row. Rows must be added in order.
    void add_last(const StringColumn& column);
    // The row holding `text`, appending it to the column (and indexing it) when missing;
    // `added` says which.
    std::uint32_t intern(StringColumn& column, std::string_view text, bool& added);
    // Indexes every row of the column not indexed yet.
    void catch_up(const StringColumn& column);
    std::size_t size() const { return count_; }

private:
    void grow(const StringColumn& column);
    void place(std::uint64_t hash, std::uint32_t row);

    std::vector<std::uint32_t> slots_; // a power of two, at most half full
    std::size_t count_ = 0;            // rows indexed: 0 .. count_-1
};

} // namespace tg
