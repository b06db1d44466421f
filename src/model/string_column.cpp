#include "model/string_column.hpp"

#include "core/error.hpp"

#include <limits>

namespace tg {

void StringColumn::push_back(std::string_view text) {
    if (text_.size() + text.size() > std::numeric_limits<std::uint32_t>::max())
        throw DataError("more than 4 GiB of names or labels, more than one graph holds", "split the network, or shorten its labels");
    text_.append(text);
    ends_.push_back(static_cast<std::uint32_t>(text_.size()));
}

void StringColumn::replace_last(std::string_view text) {
    text_.resize(ends_.size() > 1 ? ends_[ends_.size() - 2] : 0);
    ends_.pop_back();
    push_back(text);
}

} // namespace tg
