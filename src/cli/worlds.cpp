#include "cli/worlds.hpp"

#include "cli/view_options.hpp"
#include "command_line/help_format.hpp"

#include <CLI/CLI.hpp>

#include <ostream>

namespace tg::cli {

using command_line::count_validator;

void add_world_options(CLI::App& command, WorldArgs& args, bool seed_option) {
    command
        .add_option("--uncertainty", args.worlds,
                    "run N Monte-Carlo worlds, each keeping every relation with probability equal to its confidence, and report "
                    "the spread (median, 90% interval, share of worlds in the top k)")
        ->check(count_validator())
        ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}))
        ->type_name("N");
    if (seed_option)
        command.add_option("--world-seed", args.seed, "seed of the --uncertainty worlds (default 0): the same seed, the same worlds")
            ->check(count_validator())
            ->type_name("S");
}

WorldOptions world_options(const WorldArgs& args, Context& context) { return query::world_options(args, context.meter()); }

void warn_if_certain(const View& view, Context& context) {
    if (const auto note = certainty_note(view); !note.empty()) context.err() << "threatgraph: note: " << note << "\n";
}

} // namespace tg::cli
