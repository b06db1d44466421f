#pragma once
// A progress bar on standard error, redrawn in place at most a few times a second, with the
// time left estimated from the pace so far: what a long analysis shows on a terminal.
#include "core/progress.hpp"

#include <chrono>
#include <iosfwd>
#include <string>

namespace tg::cli {

class ProgressBar {
public:
    // Draws nothing unless `enabled` (standard error is a terminal).
    ProgressBar(std::ostream& err, bool enabled) : err_(err), enabled_(enabled) {}
    void update(const std::string& task, std::size_t done, std::size_t total);
    // Removes a bar still drawn, so that a line can be printed.
    void clear();

private:
    using Clock = std::chrono::steady_clock;
    std::ostream& err_;
    bool enabled_;
    std::string task_;
    Clock::time_point started_{}, drawn_at_{};
    std::size_t width_ = 0; // characters of the bar on screen, 0 when none is drawn
};

} // namespace tg::cli
