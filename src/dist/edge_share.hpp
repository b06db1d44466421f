#pragma once
// This process's share of an edge list: the bytes from rank * size / ranks to the next share's
// start, moved forward to whole lines, so that every line is read by exactly one process and the
// file is never read whole by any. The lines are read by io's edge-list grammar, as threatgraph
// --input reads them: `source target [weight]`, blank lines and # or % comments skipped.
#include <cstdint>
#include <string>
#include <vector>

namespace tg::dist {

struct EdgeShare {
    std::vector<std::string> labels;     // this share's node labels, each once, in order of first appearance
    std::vector<std::uint32_t> from, to; // ties as indexes into labels
    std::vector<double> length;          // each tie's third field (1 when it has none), when lengths are read
    std::uint64_t lines = 0;             // lines in the share (up to the first problem)
    std::uint64_t bytes = 0;             // bytes read
    // The first malformed line, counted from the share's start (the lines of the shares before
    // it tell the file's line), and what is wrong with it; reading stops there.
    std::uint64_t problem_line = 0;
    std::string problem;
};

// Reads share `rank` of `ranks` of the file; IoError when it cannot be read. With `lengths`, a
// tie's weight is read as its length, which must be a finite number of 0 or more.
EdgeShare read_edge_share(const std::string& path, int rank, int ranks, bool lengths = false);

} // namespace tg::dist
