#include "cli/progress_bar.hpp"

#include "cli/parameter_words.hpp"
#include "core/error.hpp"
#include "core/output.hpp"

#include <cmath>
#include <ostream>

namespace tg::cli {

void ProgressBar::clear() {
    if (width_ == 0) return;
    err_ << '\r' << std::string(width_, ' ') << '\r' << std::flush;
    width_ = 0;
}

void ProgressBar::update(const std::string& task, std::size_t done, std::size_t total) {
    if (!enabled_) return;
    const auto now = Clock::now();
    if (task != task_) {
        clear();
        task_ = task;
        started_ = now;
        drawn_at_ = {};
    }
    if (done >= total) {
        clear();
        task_.clear();
        return;
    }
    // Redrawn five times a second at most, and only once the task has run for half a second.
    const double elapsed = std::chrono::duration<double>(now - started_).count();
    if (elapsed < 0.5 || std::chrono::duration<double>(now - drawn_at_).count() < 0.2) return;
    drawn_at_ = now;
    constexpr std::size_t kCells = 30;
    const double share = total ? static_cast<double>(done) / static_cast<double>(total) : 0.0;
    const auto filled = static_cast<std::size_t>(share * kCells);
    std::string line = spell_parameters(task, flag_words) + " [" + std::string(filled, '#') + std::string(kCells - filled, '.') + "] " +
                       std::to_string(static_cast<int>(share * 100)) + "%";
    if (done > 0) line += ", " + duration_text(elapsed * static_cast<double>(total - done) / static_cast<double>(done)) + " left";
    line += " (Ctrl-C stops)";
    const std::size_t shown = line.size();
    if (shown < width_) line += std::string(width_ - shown, ' ');
    err_ << '\r' << line << std::flush;
    width_ = std::max(width_, shown);
}

} // namespace tg::cli
