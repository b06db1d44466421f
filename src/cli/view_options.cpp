#include "cli/view_options.hpp"

#include "command_line/help_format.hpp"
#include "core/error.hpp"

#include <CLI/CLI.hpp>

#include <cstdlib>

namespace tg::cli {

using command_line::count_validator;

void add_min_confidence(CLI::App& command, double& into, const std::string& help) {
    // A decimal number from 0 to 1: "nan" (which every comparison lets through), "inf" and hex
    // floats are refused with the same words wherever the option appears.
    const CLI::Validator confidence(
        [](std::string& input) -> std::string {
            const auto refused = "expected a number from 0 to 1, found \"" + input + "\"";
            if (input.empty() || input.find_first_not_of("0123456789.eE+-") != std::string::npos) return refused;
            char* end = nullptr;
            const double value = std::strtod(input.c_str(), &end);
            if (end != input.c_str() + input.size() || !(value >= 0 && value <= 1)) return refused;
            return {};
        },
        "X");
    command.add_option("--min-confidence", into, help)->check(confidence)->type_name("X");
}

void add_view_options(CLI::App& command, ViewRequest& args, const std::string& weight_help, bool domain_filter, bool direction_flag) {
    command
        .add_option("--lens", args.lens,
                    "threat (threat actors, activities, commodities, routes, places, without the counter-network's relations), "
                    "counter (the coalition and what it counters) or all (the default, but convergence, and paths and connect "
                    "between threat actors, activities, commodities or routes, default to threat)")
        ->type_name("NAME");
    command.add_option("--kinds", args.kinds, "only entities of these kinds (and their subkinds), comma-separated")
        ->delimiter(',')
        ->type_name("KINDS");
    command.add_option("--not-kinds", args.not_kinds, "leave out entities of these kinds (and their subkinds)")
        ->delimiter(',')
        ->type_name("KINDS");
    if (domain_filter)
        command.add_option("--domains", args.domains, "only entities carrying one of these threat domains")
            ->delimiter(',')
            ->type_name("DOMAINS");
    command.add_option("--via", args.via, "only relations of these types, comma-separated")->delimiter(',')->type_name("TYPES");
    command.add_option("--not-via", args.not_via, "leave out relations of these types, comma-separated")
        ->delimiter(',')
        ->type_name("TYPES");
    add_min_confidence(command, args.min_confidence, "only relations at least this confident (0-1)");
    command.add_option("--as-of", args.as_of, "only relations valid at this date (YYYY, YYYY-MM or YYYY-MM-DD)")->type_name("DATE");
    if (!weight_help.empty()) command.add_option("--weight", args.weight, weight_help)->type_name("hops|confidence|ATTR");
    if (direction_flag) command.add_flag("--ignore-direction", args.ignore_direction, "read every relation both ways");
}

} // namespace tg::cli
