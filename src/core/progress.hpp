#pragma once
// How a long computation says how far it got, and learns that the user wants it to stop,
// without knowing where the words go: the CLI draws a bar with the time left on a terminal and
// turns Ctrl-C into a request to stop; a test passes nothing.
#include <cstddef>
#include <functional>
#include <string>

namespace tg {

// A line saying what is being done ("step 3 of 10").
using ProgressReport = std::function<void(const std::string& line)>;

// Units of work done towards a total, for a bar with an estimate of the time left. Called from
// the thread that started the work; `done == total` ends the task.
using ProgressMeter = std::function<void(const std::string& task, std::size_t done, std::size_t total)>;

// Set from a signal handler (Ctrl-C). Loops that can run for minutes call check_interrupt()
// between units of work; it throws Interrupted once a stop was requested.
void request_interrupt() noexcept;
bool interrupt_requested() noexcept;
void clear_interrupt() noexcept;
void check_interrupt();

} // namespace tg
