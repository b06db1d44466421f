#include "core/huge_pages.hpp"

#include <cstdint>

#include <sys/mman.h>

namespace tg {

void advise_huge_pages(const void* data, std::size_t bytes) {
#ifdef MADV_HUGEPAGE
    constexpr std::uintptr_t kHuge = std::uintptr_t{1} << 21;
    const auto begin = (reinterpret_cast<std::uintptr_t>(data) + kHuge - 1) & ~(kHuge - 1);
    const auto end = (reinterpret_cast<std::uintptr_t>(data) + bytes) & ~(kHuge - 1);
    if (data == nullptr || end <= begin) return;
    // Only a request: a kernel without transparent huge pages says no, and the memory stays
    // on ordinary pages.
    madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#else
    (void)data, (void)bytes;
#endif
}

} // namespace tg
