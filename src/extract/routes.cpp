#include "extract/routes.hpp"

#include "core/text.hpp"
#include "extract/name_words.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace tg {

namespace {

enum class Role { origin, transit, destination };

// Words of movement, folded: a sentence without one describes no route.
const WordSet kMovement = {
    "traffic",    "trafficked", "trafficking", "smuggle",   "smuggled",  "smuggling",  "shipment",  "shipments", "shipped",
    "move",       "moves",      "moved",       "moving",    "movement",  "movements",  "flow",      "flows",     "flowing",
    "transit",    "transits",   "transiting",  "cross",     "crosses",   "crossed",    "crossing",  "migrant",   "migrants",
    "originate",  "originates", "originated",  "originating", "enter",   "enters",     "entered",   "entering",  "arrive",
    "arrives",    "arrived",    "arriving",    "route",     "routes",    "corridor",   "corridors", "passing",   "passes",
    "passed",     "trafico",    "trafican",    "traficada", "traficadas", "traficado", "traficados", "contrabando", "cargamento",
    "cargamentos", "envios",    "transita",    "transitan", "cruza",     "cruzan",     "cruzaron",  "ingresa",   "ingresan",
    "llega",      "llegan",     "proviene",    "provienen", "origina",   "originan",   "ruta",      "rutas",     "corredor",
    "migrante",   "migrantes",  "cruzando",  "atraviesa", "atraviesan"};

struct MarkerForm {
    const char* words; // folded, space-separated
    Role role;
};

// Longer forms first where one begins another ("passing through" before "through").
const MarkerForm kMarkers[] = {
    {"originates in", Role::origin},      {"originate in", Role::origin},    {"originated in", Role::origin},
    {"originating in", Role::origin},     {"coming from", Role::origin},     {"out of", Role::origin},
    {"from", Role::origin},               {"procedente de", Role::origin},   {"proveniente de", Role::origin},
    {"proviene de", Role::origin},        {"provienen de", Role::origin},    {"se origina en", Role::origin},
    {"desde", Role::origin},              {"procedentes de", Role::origin},  {"provenientes de", Role::origin},
    {"passing through", Role::transit},   {"by way of", Role::transit},      {"via", Role::transit},
    {"through", Role::transit},           {"across", Role::transit},         {"transiting", Role::transit},
    {"crossing", Role::transit},          {"crosses", Role::transit},        {"crossed", Role::transit},
    {"en transito por", Role::transit},   {"a traves de", Role::transit},    {"pasa por", Role::transit},
    {"pasan por", Role::transit},         {"pasando por", Role::transit},    {"cruza", Role::transit},
    {"cruzan", Role::transit},            {"cruzando", Role::transit},       {"atraviesa", Role::transit},
    {"atraviesan", Role::transit},        {"bound for", Role::destination},
    {"destined for", Role::destination},  {"into", Role::destination},       {"toward", Role::destination},
    {"towards", Role::destination},       {"to", Role::destination},         {"con destino a", Role::destination},
    {"rumbo a", Role::destination},       {"hacia", Role::destination},
};

const WordSet kJoiners = {"and", "or", "y", "o", "e"};

struct Word {
    std::size_t begin, end;
    std::string folded;
};

std::vector<Word> words_of(std::string_view text, TextSpan sentence) {
    std::vector<Word> out;
    for (const auto& w : words_in(text, sentence)) out.push_back({w.begin, w.end, fold_words(text.substr(w.begin, w.end - w.begin))});
    return out;
}

struct Marker {
    Role role;
    std::size_t first, last; // words
    bool chained = false;    // joined to the next marker by "and": that one takes the place
};

// The markers among a sentence's words, the longest form at each word.
std::vector<Marker> markers_in(const std::vector<Word>& words) {
    static const auto forms = [] {
        std::vector<std::pair<std::vector<std::string>, Role>> out;
        for (const auto& m : kMarkers) {
            std::vector<std::string> w;
            std::string_view rest(m.words);
            while (!rest.empty()) {
                const auto space = rest.find(' ');
                w.emplace_back(rest.substr(0, space));
                rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
            }
            out.emplace_back(std::move(w), m.role);
        }
        return out;
    }();
    std::vector<Marker> out;
    for (std::size_t i = 0; i < words.size(); ++i)
        for (const auto& [form, role] : forms) {
            if (i + form.size() > words.size()) continue;
            bool same = true;
            for (std::size_t k = 0; k < form.size() && same; ++k) same = words[i + k].folded == form[k];
            if (!same) continue;
            out.push_back({role, i, i + form.size() - 1});
            i += form.size() - 1;
            break;
        }
    // "into and through the country": the place is shared, in the first marker's role.
    for (std::size_t k = 1; k < out.size(); ++k)
        if (out[k].first == out[k - 1].last + 2 && kJoiners.contains(words[out[k - 1].last + 1].folded)) {
            out[k].role = out[k - 1].role;
            out[k - 1].chained = true;
        }
    return out;
}

using Key = std::tuple<std::vector<std::size_t>, std::vector<std::size_t>, std::vector<std::size_t>>;

} // namespace

std::vector<RouteCandidate> find_routes(std::string_view text, const std::vector<TextSpan>& sentences,
                                        const std::vector<Mention>& mentions, const std::vector<std::string>& kinds,
                                        const Ontology& ontology) {
    constexpr std::size_t kWordsToPlace = 5;
    std::vector<RouteCandidate> out;
    std::map<Key, std::size_t> index;
    const auto is_place = [&](std::size_t e) { return ontology.is_a(kinds[e], "place"); };
    const auto is_carried = [&](std::size_t e) { return ontology.is_a(kinds[e], "commodity") || ontology.is_a(kinds[e], "illicit_activity"); };
    auto m = mentions.begin();
    for (const auto& sentence : sentences) {
        while (m != mentions.end() && m->span.begin < sentence.begin) ++m;
        std::vector<const Mention*> places, carried;
        for (auto it = m; it != mentions.end() && it->span.begin < sentence.end; ++it) {
            if (it->span.end > sentence.end) continue;
            if (is_place(it->entity)) places.push_back(&*it);
            else if (is_carried(it->entity)) carried.push_back(&*it);
        }
        if (places.empty()) continue;
        const auto words = words_of(text, sentence);
        if (std::none_of(words.begin(), words.end(), [](const Word& w) { return kMovement.contains(w.folded); })) continue;
        const auto markers = markers_in(words);

        std::vector<std::pair<std::size_t, Role>> role_of; // place entity -> its first role, in order given
        std::set<std::size_t> given;
        const auto give = [&](std::size_t e, Role r) {
            if (given.insert(e).second) role_of.emplace_back(e, r);
        };
        // Words and places are in text order: a marker's place and the words before it are found
        // by binary search, so a "sentence" of a megabyte costs no more per marker than a real one.
        const auto first_word_from = [&](std::size_t at) {
            return std::lower_bound(words.begin(), words.end(), at, [](const Word& w, std::size_t x) { return w.begin < x; }) - words.begin();
        };
        for (std::size_t k = 0; k < markers.size(); ++k) {
            if (markers[k].chained) continue;
            const auto after = words[markers[k].last].end;
            const auto place = std::lower_bound(places.begin(), places.end(), after, [](const Mention* p, std::size_t x) { return p->span.begin < x; });
            if (place == places.end()) continue;
            const auto before = (*place)->span.begin;
            const auto between = first_word_from(before) - first_word_from(after);
            const bool other_marker = k + 1 < markers.size() && words[markers[k + 1].first].begin < before;
            if (static_cast<std::size_t>(between) > kWordsToPlace || other_marker) continue;
            give((*place)->entity, markers[k].role);
            for (auto next = place + 1; next != places.end() && listed_together(text, (*(next - 1))->span.end, (*next)->span.begin); ++next)
                give((*next)->entity, markers[k].role);
        }

        RouteCandidate route;
        for (const auto& [e, r] : role_of)
            (r == Role::origin ? route.origins : r == Role::transit ? route.transits : route.destinations).push_back(e);
        const int roles = !route.origins.empty() + !route.transits.empty() + !route.destinations.empty();
        route.rule = "route-pattern";
        route.confidence = 0.6;
        if (roles == 1 && route.transits.empty()) {
            // One end given: the one other place the sentence names is the other end.
            std::set<std::size_t> others;
            for (const auto* p : places)
                if (!given.count(p->entity) && others.insert(p->entity).second && others.size() > 1) break;
            if (others.size() != 1) continue;
            (route.origins.empty() ? route.origins : route.destinations).push_back(*others.begin());
            route.rule = "route-pattern:one-end-completed";
            route.confidence = 0.45;
        } else if (roles < 2) {
            continue;
        }
        for (auto* list : {&route.origins, &route.transits, &route.destinations}) std::sort(list->begin(), list->end());
        for (const auto* c : carried) route.carried.push_back(c->entity);
        std::sort(route.carried.begin(), route.carried.end());
        route.carried.erase(std::unique(route.carried.begin(), route.carried.end()), route.carried.end());
        route.sentences.push_back(sentence);

        const auto [slot, fresh] = index.try_emplace(Key{route.origins, route.transits, route.destinations}, out.size());
        if (fresh) {
            out.push_back(std::move(route));
            continue;
        }
        auto& known = out[slot->second];
        known.sentences.push_back(sentence);
        if (route.confidence > known.confidence) {
            known.confidence = route.confidence;
            known.rule = route.rule;
        }
        for (const auto c : route.carried)
            if (!std::binary_search(known.carried.begin(), known.carried.end(), c))
                known.carried.insert(std::upper_bound(known.carried.begin(), known.carried.end(), c), c);
    }
    return out;
}

} // namespace tg
