#pragma once
// Large arrays on transparent huge pages, where the kernel offers them on request: one page
// fault per 2 MiB instead of one per 4 KiB. On a virtual machine a fault costs microseconds, so
// touching a few hundred megabytes for the first time otherwise dominates loading a network of
// millions of ties (bench/RESULTS.md).
#include <cstddef>
#include <vector>

namespace tg {

// Asks for huge pages behind the whole 2 MiB blocks of [data, data + bytes) that are not yet
// touched. Does nothing for small ranges or where the system has no such request.
void advise_huge_pages(const void* data, std::size_t bytes);

// Room for n elements, on huge pages when the block is large; v must be empty, so that nothing
// has touched the memory yet.
template <class T>
void reserve_huge(std::vector<T>& v, std::size_t n) {
    v.reserve(n);
    advise_huge_pages(v.data(), n * sizeof(T));
}

// n copies of value, on huge pages when the block is large.
template <class T>
std::vector<T> huge_vector(std::size_t n, const T& value = T()) {
    std::vector<T> v;
    reserve_huge(v, n);
    v.resize(n, value);
    return v;
}

} // namespace tg
