#pragma once
// Texts end to end in one block: a million node labels cost their characters and four bytes
// each, not a string object each. Rows are appended; row i is a view into the block, valid
// until the next append.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tg {

class StringColumn {
public:
    std::size_t size() const { return ends_.size(); }
    bool empty() const { return ends_.empty(); }
    std::string_view operator[](std::size_t i) const {
        const std::size_t begin = i == 0 ? 0 : ends_[i - 1];
        return std::string_view(text_).substr(begin, ends_[i] - begin);
    }
    // Throws DataError past 4 GiB of text in all.
    void push_back(std::string_view text);
    // Gives the last row another text.
    void replace_last(std::string_view text);
    void reserve(std::size_t rows, std::size_t characters) {
        ends_.reserve(rows);
        text_.reserve(characters);
    }
    std::size_t characters() const { return text_.size(); }
    // Bytes held, for memory estimates.
    std::size_t bytes() const { return text_.capacity() + ends_.capacity() * sizeof(std::uint32_t); }

private:
    std::string text_;
    std::vector<std::uint32_t> ends_;
};

} // namespace tg
