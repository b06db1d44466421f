#pragma once
// Up to 64 breadth-first searches at once, one bit per search in a word per vertex (Then,
// Kaufmann, Chirigati, Hoang-Vu, Pham, Kemper, Neumann and Vo 2014, MS-BFS): each arc is read
// once per level for all 64, so a batch costs a few single searches. What the diameter and the
// average path length of a large network are computed with.
#include "analysis/view.hpp"
#include "core/progress.hpp"

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace tg {

class MultiSourceSearch {
public:
    static constexpr std::size_t kWidth = 64;

    struct Result {
        std::array<std::uint32_t, kWidth> eccentricity{}; // deepest level reached
        std::array<double, kWidth> total{};               // sum of the distances to every vertex reached
        std::array<double, kWidth> inverse_total{};       // sum of their inverses (harmonic, efficiency)
        std::array<std::size_t, kWidth> reached{};        // vertices reached, the source included
    };

    // Holds three words per vertex of the view, reused by every run.
    MultiSourceSearch(const View& view, Direction direction);

    // Searches from sources[0 .. count), count at most kWidth; result i is for source i.
    // Inactive sources reach nothing.
    Result run(const Vertex32* sources, std::size_t count);

private:
    const View& view_;
    Direction direction_;
    std::vector<std::uint64_t> seen_, frontier_, next_;
};

// Searches from many sources, 64 at a time, on several threads, each with its own words.
class SearchPool {
public:
    SearchPool(const View& view, Direction direction, unsigned threads) : threads_(std::max(1u, threads)) {
        for (unsigned t = 0; t < threads_; ++t) searches_.push_back(std::make_unique<MultiSourceSearch>(view, direction));
    }
    unsigned threads() const { return threads_; }

    // Searches from sources[first, last); on_batch(begin, result) gets the result of
    // sources[begin, begin + 64) on some thread. Stops early once stop() holds or a stop is
    // requested (the caller calls check_interrupt). The calling thread reports progress in
    // sources searched.
    template <class OnBatch, class Stop>
    void run(const std::vector<Vertex32>& sources, std::size_t first, std::size_t last, OnBatch&& on_batch, Stop&& stop,
             const ProgressMeter& progress = {}, const std::string& task = {}) {
        constexpr auto width = MultiSourceSearch::kWidth;
        const std::size_t count = (last - first + width - 1) / width;
        std::atomic<std::size_t> next{0}, done{0};
        if (progress) progress(task, 0, last - first);
        const auto work = [&](unsigned t, bool reports) {
            for (std::size_t b; !stop() && !interrupt_requested() && (b = next.fetch_add(1)) < count;) {
                const auto begin = first + b * width;
                on_batch(begin, searches_[t]->run(sources.data() + begin, std::min(width, last - begin)));
                const auto finished = ++done;
                if (reports && progress) progress(task, std::min(finished * width, last - first), last - first);
            }
        };
        std::vector<std::thread> helpers;
        for (unsigned t = 1; t < threads_ && t < count; ++t) helpers.emplace_back(work, t, false);
        work(0, true);
        for (auto& h : helpers) h.join();
        if (progress) progress(task, last - first, last - first);
    }
    template <class OnBatch>
    void run(const std::vector<Vertex32>& sources, OnBatch&& on_batch, const ProgressMeter& progress = {}, const std::string& task = {}) {
        run(
            sources, 0, sources.size(), on_batch, [] { return false; }, progress, task);
    }

private:
    unsigned threads_;
    std::vector<std::unique_ptr<MultiSourceSearch>> searches_;
};

} // namespace tg
