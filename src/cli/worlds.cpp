#include "cli/worlds.hpp"

#include "core/output.hpp"
#include "cli/view_options.hpp"
#include "io/json_writer.hpp"

#include <CLI/CLI.hpp>

#include <cmath>
#include <ostream>
#include <thread>

namespace tg::cli {

void add_world_options(CLI::App& command, WorldArgs& args, bool seed_option) {
    command.add_option("--uncertainty", args.worlds,
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

WorldOptions world_options(const WorldArgs& args, Context& context) {
    WorldOptions options;
    options.worlds = args.worlds;
    options.seed = args.seed;
    options.threads = std::max(1u, std::thread::hardware_concurrency());
    options.progress = context.meter();
    return options;
}

std::string worlds_line(const WorldArgs& args, std::size_t top_k, bool scores) {
    std::string line = "uncertainty: " + count_of(args.worlds, "world") +
                       ", each keeping every relation with probability equal to its confidence (seed " + std::to_string(args.seed) + ")";
    if (scores) line += "; median and 90% interval over the worlds";
    if (top_k == 1) line += "; top 1: the share of worlds in which the entity ranks first";
    if (top_k > 1) line += "; top " + std::to_string(top_k) + ": the share of worlds in which the entity ranks among the " + std::to_string(top_k) + " highest";
    return line + "\n";
}

void warn_if_certain(const View& view, Context& context) {
    if (!has_uncertain_relations(view))
        context.err() << "threatgraph: note: every relation in view has confidence 1, so every world is the network itself\n";
}

std::string spread_median(const Spread& s) { return std::isnan(s.median) ? "-" : format_number(s.median, 4); }

std::string spread_interval(const Spread& s) {
    if (std::isnan(s.low)) return "-";
    return format_number(s.low, 3) + "-" + format_number(s.high, 3);
}

std::string share_text(double share) {
    if (std::isnan(share)) return "-";
    return format_number(std::round(share * 1000) / 10, 4) + "%";
}

std::string spread_share(const Spread& s) { return share_text(s.top_share); }

void write_spread_json(JsonWriter& json, const Spread& s) {
    const auto number = [&](const char* key, double x) {
        json.key(key);
        if (std::isnan(x))
            json.null();
        else
            json.value(x);
    };
    number("median", s.median);
    number("low", s.low);
    number("high", s.high);
    number("top_share", s.top_share);
}

void write_worlds_json(JsonWriter& json, const WorldArgs& args, std::size_t top_k) {
    json.key("uncertainty").begin_object().key("worlds").value(args.worlds).key("seed").value(static_cast<std::size_t>(args.seed));
    if (top_k) json.key("top_k").value(top_k);
    json.key("interval").value(0.9).end_object();
}

} // namespace tg::cli
