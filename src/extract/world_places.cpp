#include "extract/world_places.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <set>
#include <string>

namespace tg {

extern const char kCityList[];

std::vector<WorldPlace> parse_city_list(std::string_view text) {
    std::vector<WorldPlace> out;
    std::size_t line_number = 0;
    for (std::size_t begin = 0; begin < text.size();) {
        auto end = text.find('\n', begin);
        if (end == std::string_view::npos) end = text.size();
        const auto line = text.substr(begin, end - begin);
        begin = end + 1;
        ++line_number;
        if (line.empty() || line.front() == '#') continue;
        std::vector<std::string> fields;
        for (std::size_t b = 0;;) {
            const auto tab = line.find('\t', b);
            fields.emplace_back(line.substr(b, tab == std::string_view::npos ? std::string_view::npos : tab - b));
            if (tab == std::string_view::npos) break;
            b = tab + 1;
        }
        if (fields.size() < 2 || fields.size() > 3 || fields[0].empty() || fields[1].size() != 2)
            throw InternalError("the city list's line " + std::to_string(line_number) + " is not NAME TAB CODE [TAB NAMES]");
        WorldPlace city{fields[0], "city", fields[1], {fields[0]}, "cities"};
        if (fields.size() == 3)
            for (std::size_t b = 0;;) {
                const auto bar = fields[2].find('|', b);
                const auto other = fields[2].substr(b, bar == std::string::npos ? std::string::npos : bar - b);
                if (!other.empty() && other != city.name) city.names.push_back(other);
                if (bar == std::string::npos) break;
                b = bar + 1;
            }
        out.push_back(std::move(city));
    }
    return out;
}

std::vector<WorldPlace> major_cities() { return parse_city_list(kCityList); }

Gazetteer world_gazetteer(const std::vector<WorldPlace>& places) {
    Gazetteer g;
    std::set<std::string> taken; // folded names already given to a place
    for (std::size_t k = 0; k < places.size(); ++k)
        for (const auto& name : places[k].names)
            if (taken.insert(fold_words(name)).second) g.add(name, k);
    return g;
}

} // namespace tg
