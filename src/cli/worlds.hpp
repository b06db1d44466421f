#pragma once
// --uncertainty N and --world-seed S: the options every command that runs Monte-Carlo worlds
// shares (what the worlds are and how they print: query/worlds).
#include "cli/context.hpp"
#include "query/worlds.hpp"

namespace CLI {
class App;
}

namespace tg::cli {

using WorldArgs = query::WorldRequest;
using query::certainty_note;
using query::share_text;
using query::spread_interval;
using query::spread_median;
using query::spread_share;
using query::world_options;
using query::worlds_line;
using query::write_spread_json;
using query::write_worlds_json;

// Adds --uncertainty N and, unless the command has its own --seed (`seed_option` false),
// --world-seed S. A command with its own --seed passes it in WorldArgs::seed itself.
void add_world_options(CLI::App& command, WorldArgs& args, bool seed_option);

// The options for the worlds: threads from the machine, progress on the context's meter.
WorldOptions world_options(const WorldArgs& args, Context& context);

// A note on the error stream when every relation in view is certain (every world the same).
void warn_if_certain(const View& view, Context& context);

} // namespace tg::cli
