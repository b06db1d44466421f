#pragma once
// Monte-Carlo worlds as every statement and command that runs them describes them, so that a
// median, an interval and a top-k share print the same everywhere.
#include "analysis/uncertainty.hpp"
#include "core/progress.hpp"

#include <cstdint>
#include <string>

namespace tg {
class JsonWriter;
}

namespace tg::query {

struct WorldRequest {
    std::size_t worlds = 0; // 0: no worlds, the answer as if every relation held
    std::uint64_t seed = 0;
};

// The options for the worlds: threads from the machine, progress on `meter`.
WorldOptions world_options(const WorldRequest& request, const ProgressMeter& meter);

// The header line saying what the worlds are; `scores` adds how scores are summed up and `top_k`
// (when not 0) what the top-k share means.
std::string worlds_line(const WorldRequest& request, std::size_t top_k, bool scores);

// The note worth giving when every relation in view is certain (every world the same), or empty.
std::string certainty_note(const View& view);

// "0.412", "0.31-0.52" and "87%" for a table; "-" where an entity had no score.
std::string spread_median(const Spread& s);
std::string spread_interval(const Spread& s);
std::string spread_share(const Spread& s);
// A share of worlds (0-1) as "87%".
std::string share_text(double share);

// "median", "low", "high", "top_share" into the open JSON object.
void write_spread_json(JsonWriter& json, const Spread& s);

// The "uncertainty" member: {"worlds", "seed", "top_k", "interval": 0.9}.
void write_worlds_json(JsonWriter& json, const WorldRequest& request, std::size_t top_k);

} // namespace tg::query
