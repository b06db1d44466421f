#include "core/progress.hpp"

#include "core/error.hpp"

#include <atomic>

namespace tg {

namespace {
// Lock-free, so that a signal handler may set it.
std::atomic<bool> stop_requested{false};
static_assert(std::atomic<bool>::is_always_lock_free);
} // namespace

void request_interrupt() noexcept { stop_requested.store(true, std::memory_order_relaxed); }
bool interrupt_requested() noexcept { return stop_requested.load(std::memory_order_relaxed); }
void clear_interrupt() noexcept { stop_requested.store(false, std::memory_order_relaxed); }

void check_interrupt() {
    if (interrupt_requested()) throw Interrupted("interrupted", "the computation stopped before its end; nothing was written");
}

} // namespace tg
