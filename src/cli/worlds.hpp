#pragma once
// --uncertainty N: the options and the columns every command that runs Monte-Carlo worlds
// shares, so that a median, an interval and a top-k share print the same everywhere.
#include "analysis/uncertainty.hpp"
#include "cli/context.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace tg {
class JsonWriter;
}

namespace tg::cli {

struct WorldArgs {
    std::size_t worlds = 0; // 0: no worlds, the answer as if every relation held
    std::uint64_t seed = 0;
};

// Adds --uncertainty N and, unless the command has its own --seed (`seed_option` false),
// --world-seed S. A command with its own --seed passes it in WorldArgs::seed itself.
void add_world_options(CLI::App& command, WorldArgs& args, bool seed_option);

// The options for the worlds: threads from the machine, progress on the context's meter.
WorldOptions world_options(const WorldArgs& args, Context& context);

// The header line saying what the worlds are; `scores` adds how scores are summed up and `top_k`
// (when not 0) what the top-k share means.
std::string worlds_line(const WorldArgs& args, std::size_t top_k, bool scores);

// A note on the error stream when every relation in view is certain (every world the same).
void warn_if_certain(const View& view, Context& context);

// "0.412", "0.31-0.52" and "87%" for a table; "-" where an entity had no score.
std::string spread_median(const Spread& s);
std::string spread_interval(const Spread& s);
std::string spread_share(const Spread& s);
// A share of worlds (0-1) as "87%".
std::string share_text(double share);

// "median", "low", "high", "top_share" into the open JSON object.
void write_spread_json(JsonWriter& json, const Spread& s);

// The "uncertainty" member: {"worlds", "seed", "top_k", "interval": 0.9}.
void write_worlds_json(JsonWriter& json, const WorldArgs& args, std::size_t top_k);

} // namespace tg::cli
