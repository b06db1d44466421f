#include "extract/routes.hpp"

#include "core/text.hpp"
#include "extract/gazetteer.hpp"
#include "extract/name_words.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <tuple>

namespace tg {

namespace {

enum class Role { origin, transit, destination };

// Words of movement, folded: a sentence without one describes no route.
const char* const kMovementWords[] = {
    "traffic",     "trafficked", "trafficking", "smuggle",     "smuggled",   "smuggling", "shipment",   "shipments",   "shipped",
    "move",        "moves",      "moved",       "moving",      "movement",   "movements", "flow",       "flows",       "flowing",
    "transit",     "transits",   "transiting",  "cross",       "crosses",    "crossed",   "crossing",   "migrant",     "migrants",
    "originate",   "originates", "originated",  "originating", "enter",      "enters",    "entered",    "entering",    "arrive",
    "arrives",     "arrived",    "arriving",    "route",       "routes",     "corridor",  "corridors",  "passing",     "passes",
    "passed",      "trafico",    "trafican",    "traficada",   "traficadas", "traficado", "traficados", "contrabando", "cargamento",
    "cargamentos", "envios",     "transita",    "transitan",   "cruza",      "cruzan",    "cruzaron",   "ingresa",     "ingresan",
    "llega",       "llegan",     "proviene",    "provienen",   "origina",    "originan",  "ruta",       "rutas",       "corredor",
    "migrante",    "migrantes",  "cruzando",    "atraviesa",   "atraviesan"};

struct MarkerForm {
    const char* words; // folded, space-separated
    Role role;
};

const MarkerForm kMarkers[] = {
    {"originates in", Role::origin},
    {"originate in", Role::origin},
    {"originated in", Role::origin},
    {"originating in", Role::origin},
    {"coming from", Role::origin},
    {"out of", Role::origin},
    {"from", Role::origin},
    {"procedente de", Role::origin},
    {"proveniente de", Role::origin},
    {"proviene de", Role::origin},
    {"provienen de", Role::origin},
    {"se origina en", Role::origin},
    {"desde", Role::origin},
    {"procedentes de", Role::origin},
    {"provenientes de", Role::origin},
    {"passing through", Role::transit},
    {"by way of", Role::transit},
    {"via", Role::transit},
    {"through", Role::transit},
    {"across", Role::transit},
    {"transiting", Role::transit},
    {"crossing", Role::transit},
    {"crosses", Role::transit},
    {"crossed", Role::transit},
    {"en transito por", Role::transit},
    {"a traves de", Role::transit},
    {"pasa por", Role::transit},
    {"pasan por", Role::transit},
    {"pasando por", Role::transit},
    {"cruza", Role::transit},
    {"cruzan", Role::transit},
    {"cruzando", Role::transit},
    {"atraviesa", Role::transit},
    {"atraviesan", Role::transit},
    {"bound for", Role::destination},
    {"destined for", Role::destination},
    {"into", Role::destination},
    {"toward", Role::destination},
    {"towards", Role::destination},
    {"to", Role::destination},
    {"con destino a", Role::destination},
    {"rumbo a", Role::destination},
    {"hacia", Role::destination},
};

const WordSet kJoiners = {"and", "or", "y", "o", "e"};

// Pattern ids of route_words(): movement words first, then markers.
constexpr std::size_t kMovementCount = sizeof(kMovementWords) / sizeof(kMovementWords[0]);

struct Marker {
    Role role;
    TextSpan span;
    bool chained = false; // joined to the next marker by "and": that one takes the place
};

// True when [from, to) holds at most `most` words; reads no further than the word after that.
bool at_most_words(std::string_view text, std::size_t from, std::size_t to, std::size_t most) {
    std::size_t words = 0;
    bool in_word = false;
    for (std::size_t i = from; i < to; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c >= 0x80;
        if (word && !in_word && ++words > most) return false;
        in_word = word;
    }
    return true;
}

using Key = std::tuple<std::vector<std::size_t>, std::vector<std::size_t>, std::vector<std::size_t>>;

} // namespace

const Gazetteer& route_words() {
    static const Gazetteer all = [] {
        Gazetteer g;
        for (std::size_t k = 0; k < kMovementCount; ++k) g.add(kMovementWords[k], k);
        for (std::size_t k = 0; k < std::size(kMarkers); ++k) g.add(kMarkers[k].words, kMovementCount + k);
        return g;
    }();
    return all;
}

std::vector<RouteCandidate> find_routes(std::string_view text, const std::vector<TextSpan>& sentences, const std::vector<Mention>& mentions,
                                        const std::vector<std::string>& kinds, const Ontology& ontology) {
    return find_routes(text, sentences, mentions, kinds, ontology, route_words().find(text));
}

std::vector<RouteCandidate> find_routes(std::string_view text, const std::vector<TextSpan>& sentences, const std::vector<Mention>& mentions,
                                        const std::vector<std::string>& kinds, const Ontology& ontology,
                                        const std::vector<Gazetteer::Match>& words) {
    constexpr std::size_t kWordsToPlace = 5;
    // A marker that is itself a word of movement ("originates in", "crossing") counts as one.
    static const auto marker_moves = [] {
        std::vector<bool> out;
        for (const auto& m : kMarkers) {
            const std::string_view form(m.words);
            const auto first = form.substr(0, form.find(' '));
            out.push_back(std::any_of(std::begin(kMovementWords), std::end(kMovementWords), [&](const char* w) { return first == w; }));
        }
        return out;
    }();
    std::vector<RouteCandidate> out;
    std::map<Key, std::size_t> index;
    // What each kind is, asked once per kind, not once per name.
    std::map<std::string_view, std::pair<bool, bool>> kind_is; // kind -> (place, carried)
    const auto of_kind = [&](std::size_t e) -> const std::pair<bool, bool>& {
        const auto [it, fresh] = kind_is.try_emplace(kinds[e]);
        if (fresh)
            it->second = {ontology.is_a(kinds[e], "place"),
                          ontology.is_a(kinds[e], "commodity") || ontology.is_a(kinds[e], "illicit_activity")};
        return it->second;
    };
    const auto is_place = [&](std::size_t e) { return of_kind(e).first; };
    const auto is_carried = [&](std::size_t e) { return of_kind(e).second; };
    auto m = mentions.begin();
    auto w = words.begin();
    for (const auto& sentence : sentences) {
        while (m != mentions.end() && m->span.begin < sentence.begin) ++m;
        while (w != words.end() && w->span.begin < sentence.begin) ++w;
        std::vector<const Mention*> named, places, carried;
        for (auto it = m; it != mentions.end() && it->span.begin < sentence.end; ++it) {
            if (it->span.end > sentence.end) continue;
            named.push_back(&*it);
            if (is_place(it->entity))
                places.push_back(&*it);
            else if (is_carried(it->entity))
                carried.push_back(&*it);
        }
        if (places.empty()) continue;
        // Movement and markers outside names ("to" in "Strategy to Combat ...").
        bool moves = false;
        std::vector<Marker> markers;
        for (auto it = w; it != words.end() && it->span.begin < sentence.end; ++it) {
            if (it->span.end > sentence.end) continue;
            const auto inside = std::lower_bound(named.begin(), named.end(), it->span.end,
                                                 [](const Mention* x, std::size_t at) { return x->span.begin < at; });
            if (inside != named.begin() && (*(inside - 1))->span.end > it->span.begin) continue;
            for (const auto id : it->entities) {
                if (id < kMovementCount) {
                    moves = true;
                    continue;
                }
                moves = moves || marker_moves[id - kMovementCount];
                markers.push_back({kMarkers[id - kMovementCount].role, it->span});
            }
        }
        if (!moves) continue;
        // "into and through the country": the place is shared, in the first marker's role.
        for (std::size_t k = 1; k < markers.size(); ++k) {
            const auto between = words_in(text, {markers[k - 1].span.end, markers[k].span.begin});
            if (between.size() == 1 && kJoiners.contains(fold_words(text.substr(between[0].begin, between[0].end - between[0].begin)))) {
                markers[k].role = markers[k - 1].role;
                markers[k - 1].chained = true;
            }
        }

        std::vector<std::pair<std::size_t, Role>> role_of; // place entity -> its first role, in order given
        std::set<std::size_t> given;
        const auto give = [&](std::size_t e, Role r) {
            if (given.insert(e).second) role_of.emplace_back(e, r);
        };
        // Places are in text order: a marker's place is found by binary search, and the words
        // before it are counted no further than the limit, so a "sentence" of a megabyte costs
        // no more per marker than a real one.
        for (std::size_t k = 0; k < markers.size(); ++k) {
            if (markers[k].chained) continue;
            const auto after = markers[k].span.end;
            const auto place =
                std::lower_bound(places.begin(), places.end(), after, [](const Mention* p, std::size_t x) { return p->span.begin < x; });
            if (place == places.end()) continue;
            const auto before = (*place)->span.begin;
            const bool other_marker = k + 1 < markers.size() && markers[k + 1].span.begin < before;
            if (other_marker || !at_most_words(text, after, before, kWordsToPlace)) continue;
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
