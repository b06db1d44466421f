#pragma once
// A column that costs nothing while every row holds the same value: the confidence of a
// million ties that have none, the kind of every node of an edge list. It turns into one value
// per row at the first row that differs.
#include <cstddef>
#include <vector>

namespace tg {

template <class T>
class UniformColumn {
public:
    std::size_t size() const { return size_; }
    bool uniform() const { return values_.empty(); }
    T operator[](std::size_t i) const { return values_.empty() ? value_ : values_[i]; }

    void push_back(const T& value) {
        if (size_ == 0) value_ = value;
        if (values_.empty() && value != value_) values_.assign(size_, value_);
        if (!values_.empty()) values_.push_back(value);
        ++size_;
    }
    void set(std::size_t i, const T& value) {
        if (values_.empty()) {
            if (value == value_ || (size_ == 1 && i == 0)) {
                value_ = value;
                return;
            }
            values_.assign(size_, value_);
        }
        values_[i] = value;
    }
    void reserve(std::size_t n) {
        if (!values_.empty()) values_.reserve(n);
    }

private:
    T value_{};
    std::size_t size_ = 0;
    std::vector<T> values_; // empty while every row holds value_
};

} // namespace tg
