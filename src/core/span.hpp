#pragma once
// A read-only view of consecutive elements (C++17 has no std::span): what a column store hands
// out for one row's list, without copying it.
#include <cstddef>
#include <vector>

namespace tg {

template <class T>
class Span {
public:
    Span() = default;
    Span(const T* begin, const T* end) : begin_(begin), end_(end) {}
    Span(const std::vector<T>& v) : begin_(v.data()), end_(v.data() + v.size()) {} // NOLINT: implicit on purpose

    const T* begin() const { return begin_; }
    const T* end() const { return end_; }
    std::size_t size() const { return static_cast<std::size_t>(end_ - begin_); }
    bool empty() const { return begin_ == end_; }
    const T& operator[](std::size_t i) const { return begin_[i]; }
    const T& front() const { return *begin_; }
    const T& back() const { return *(end_ - 1); }
    std::vector<T> to_vector() const { return std::vector<T>(begin_, end_); }

private:
    const T* begin_ = nullptr;
    const T* end_ = nullptr;
};

} // namespace tg
