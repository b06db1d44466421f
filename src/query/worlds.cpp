#include "query/worlds.hpp"

#include "core/output.hpp"
#include "io/json_writer.hpp"

#include <algorithm>
#include <cmath>
#include <thread>

namespace tg::query {

WorldOptions world_options(const WorldRequest& request, const ProgressMeter& meter) {
    WorldOptions options;
    options.worlds = request.worlds;
    options.seed = request.seed;
    options.threads = std::max(1u, std::thread::hardware_concurrency());
    options.progress = meter;
    return options;
}

std::string worlds_line(const WorldRequest& args, std::size_t top_k, bool scores) {
    std::string line = "uncertainty: " + count_of(args.worlds, "world") +
                       ", each keeping every relation with probability equal to its confidence (seed " + std::to_string(args.seed) + ")";
    if (scores) line += "; median and 90% interval over the worlds";
    if (top_k == 1) line += "; top 1: the share of worlds in which the entity ranks first";
    if (top_k > 1)
        line += "; top " + std::to_string(top_k) + ": the share of worlds in which the entity ranks among the " + std::to_string(top_k) +
                " highest";
    return line + "\n";
}

std::string certainty_note(const View& view) {
    return has_uncertain_relations(view) ? std::string() : "every relation in view has confidence 1, so every world is the network itself";
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

void write_worlds_json(JsonWriter& json, const WorldRequest& args, std::size_t top_k) {
    json.key("uncertainty").begin_object().key("worlds").value(args.worlds).key("seed").value(static_cast<std::size_t>(args.seed));
    if (top_k) json.key("top_k").value(top_k);
    json.key("interval").value(0.9).end_object();
}

} // namespace tg::query
