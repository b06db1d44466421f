#include "query/filter.hpp"

#include "core/error.hpp"
#include "core/fuzzy.hpp"
#include "core/text.hpp"
#include "model/period.hpp"
#include "query/reporter.hpp"

#include <set>

namespace tg::query {

namespace {

const std::vector<std::string> kEntityFields{"id", "name", "kind", "domain", "note"};
const std::vector<std::string> kRelationFields{"id", "type", "confidence", "grading", "source", "target", "valid", "note"};

class Compiler {
public:
    Compiler(const KnowledgeGraph& graph, const SourceTextPtr& source, std::vector<Diagnostic>& diagnostics)
        : graph_(graph), report_(source, diagnostics, "query-filter") {}

    bool ok() const { return report_.ok(); }

    template <class Test, class Leaf>
    Test compile(const Expr& e, Leaf&& leaf) {
        if (e.op == Expr::Op::compare) return leaf(e);
        std::vector<Test> parts;
        for (const auto& child : e.children) parts.push_back(compile<Test>(child, leaf));
        if (e.op == Expr::Op::negate) return [p = parts.front()](auto x) { return !p(x); };
        if (e.op == Expr::Op::all)
            return [parts](auto x) {
                for (const auto& p : parts)
                    if (!p(x)) return false;
                return true;
            };
        return [parts](auto x) {
            for (const auto& p : parts)
                if (p(x)) return true;
            return false;
        };
    }

    void problem(std::size_t offset, std::size_t length, std::string message, std::string hint = {}) {
        report_.problem(offset, length, std::move(message), std::move(hint));
    }

    // Only =, !=, IN and NOT IN (and ~ when `contains`) make sense for names, kinds and types.
    bool equality_only(const Expr& e, bool contains = false) {
        const bool fine = e.comparison == "=" || e.comparison == "!=" || e.comparison == "in" || e.comparison == "not in" ||
                          (contains && e.comparison == "~");
        if (!fine)
            problem(e.offset, e.length, "\"" + e.field + "\" cannot be compared with " + e.comparison,
                    std::string("use =, !=, IN (...)") + (contains ? " or ~ (contains)" : ""));
        return fine;
    }

    // Values that must name something of a known set (kinds, domains, types).
    std::vector<std::string> known(const Expr& e, const std::vector<std::string>& names, const std::string& what) {
        std::vector<std::string> out;
        for (const auto& v : e.values) out.push_back(report_.known(v, names, what));
        return out;
    }

    // An entity named in a relation filter (source, target).
    std::vector<std::string> entity_ids(const Expr& e) {
        std::vector<std::string> out;
        for (const auto& v : e.values)
            if (const auto id = report_.entity_id(graph_, v)) out.push_back(*id);
        return out;
    }

    // The attribute test shared by entities and relations: numbers compare as numbers, text
    // ignoring case and accents, and a missing attribute matches only != and NOT IN.
    std::function<bool(const Attributes&)> attribute(const Expr& e) {
        const auto name = e.field;
        const auto op = e.comparison;
        const auto values = e.values;
        const bool ordered = op == "<" || op == "<=" || op == ">" || op == ">=";
        if (ordered && !values.front().number)
            problem(values.front().offset, values.front().length,
                    "\"" + e.field + "\" " + op + " needs a number, found \"" + values.front().text + "\"");
        return [name, op, values, ordered](const Attributes& attributes) {
            const bool negated = op == "!=" || op == "not in";
            const auto it = attributes.find(name);
            if (it == attributes.end()) return negated;
            const auto& value = it->second.value;
            if (ordered) {
                const auto* d = std::get_if<double>(&value);
                if (!d) return false;
                const double x = *values.front().number;
                return op == "<" ? *d < x : op == "<=" ? *d <= x : op == ">" ? *d > x : *d >= x;
            }
            const auto text = format_value(value);
            if (op == "~") return fold_words(text).find(fold_words(values.front().text)) != std::string::npos;
            bool any = false;
            for (const auto& v : values) {
                const auto* d = std::get_if<double>(&value);
                any = any || (d && v.number ? *d == *v.number : fold_key(text) == fold_key(v.text));
            }
            return negated ? !any : any;
        };
    }

    // A field that is no built-in one must be an attribute some entity or relation has.
    bool attribute_exists(const Expr& e, const std::set<std::string>& attributes, const std::vector<std::string>& fields) {
        if (attributes.count(e.field)) return true;
        std::vector<std::string> names(fields);
        names.insert(names.end(), attributes.begin(), attributes.end());
        problem(e.offset, e.length, "unknown field \"" + e.field + "\"",
                hint_for(e.field, names, "fields are " + join_quoted(fields, fields.size()) + " and attributes"));
        return false;
    }

    const KnowledgeGraph& graph_;

private:
    Reporter report_;
};

template <class T>
bool matches(const std::string& op, const std::vector<std::string>& wanted, T&& has) {
    bool any = false;
    for (const auto& w : wanted) any = any || has(w);
    return (op == "!=" || op == "not in") ? !any : any;
}

} // namespace

EntityTest entity_filter(const Expr& expr, const KnowledgeGraph& graph, const SourceTextPtr& source, std::vector<Diagnostic>& diagnostics) {
    Compiler c(graph, source, diagnostics);
    std::set<std::string> attributes;
    for (std::size_t column = 0; column < graph.entity_attributes().column_count(); ++column)
        attributes.insert(graph.entity_attributes().column_name(column));
    const auto& g = graph;
    auto test = c.compile<EntityTest>(expr, [&](const Expr& e) -> EntityTest {
        const auto op = e.comparison;
        std::vector<std::string> texts;
        for (const auto& v : e.values) texts.push_back(v.text);
        if (e.field == "id" && c.equality_only(e))
            return
                [&g, op, texts](EntityIndex x) { return matches(op, texts, [&](const std::string& t) { return g.entity(x).id() == t; }); };
        if (e.field == "name" && c.equality_only(e, true)) {
            if (op == "~")
                return [&g, t = fold_words(texts.front())](EntityIndex x) {
                    const auto& en = g.entity(x);
                    if (fold_words(en.name()).find(t) != std::string::npos) return true;
                    for (const auto& a : en.aliases())
                        if (fold_words(a).find(t) != std::string::npos) return true;
                    return false;
                };
            return [&g, op, texts](EntityIndex x) {
                const auto& en = g.entity(x);
                return matches(op, texts, [&](const std::string& t) {
                    if (fold_key(en.name()) == fold_key(t)) return true;
                    for (const auto& a : en.aliases())
                        if (fold_key(a) == fold_key(t)) return true;
                    return false;
                });
            };
        }
        if (e.field == "kind" && c.equality_only(e)) {
            const auto kinds = c.known(e, g.ontology().kind_ids(), "kind");
            return [&g, op, kinds](EntityIndex x) {
                return matches(op, kinds, [&](const std::string& k) { return g.ontology().is_a(g.entity(x).kind(), k); });
            };
        }
        if (e.field == "domain" && c.equality_only(e)) {
            const auto domains = c.known(e, g.ontology().domain_ids(), "domain");
            return [&g, op, domains](EntityIndex x) {
                const auto& has = g.entity(x).domains();
                return matches(op, domains, [&](const std::string& d) { return std::find(has.begin(), has.end(), d) != has.end(); });
            };
        }
        if (e.field == "note") {
            if (op != "~") c.problem(e.offset, e.length, "note compares only with ~ (contains)", "write note ~ \"estimate\"");
            return
                [&g, t = fold_words(texts.front())](EntityIndex x) { return fold_words(g.entity(x).note()).find(t) != std::string::npos; };
        }
        if (std::find(kEntityFields.begin(), kEntityFields.end(), e.field) != kEntityFields.end()) return [](EntityIndex) { return false; };
        if (std::find(kRelationFields.begin(), kRelationFields.end(), e.field) != kRelationFields.end() && !attributes.count(e.field)) {
            c.problem(e.offset, e.length, "\"" + e.field + "\" is a field of relations, not of entities",
                      "filter relations with SELECT ... RELATIONS WHERE, or with VIA, MIN CONFIDENCE and AS OF");
            return [](EntityIndex) { return false; };
        }
        if (!c.attribute_exists(e, attributes, kEntityFields)) return [](EntityIndex) { return false; };
        return [&g, a = c.attribute(e)](EntityIndex x) { return a(g.entity(x).attributes()); };
    });
    return c.ok() ? test : EntityTest{};
}

RelationTest relation_filter(const Expr& expr, const KnowledgeGraph& graph, const SourceTextPtr& source,
                             std::vector<Diagnostic>& diagnostics) {
    Compiler c(graph, source, diagnostics);
    std::set<std::string> attributes;
    for (std::size_t column = 0; column < graph.relation_attributes().column_count(); ++column)
        attributes.insert(graph.relation_attributes().column_name(column));
    const auto& g = graph;
    auto test = c.compile<RelationTest>(expr, [&](const Expr& e) -> RelationTest {
        const auto op = e.comparison;
        std::vector<std::string> texts;
        for (const auto& v : e.values) texts.push_back(v.text);
        if (e.field == "id" && c.equality_only(e))
            return [&g, op, texts](RelationIndex r) {
                return matches(op, texts, [&](const std::string& t) { return g.relation(r).id() == t; });
            };
        if (e.field == "type" && c.equality_only(e)) {
            const auto types = c.known(e, g.ontology().relation_type_ids(), "relation type");
            return [&g, op, types](RelationIndex r) {
                return matches(op, types, [&](const std::string& t) { return g.relation(r).type() == t; });
            };
        }
        if (e.field == "grading" && c.equality_only(e))
            return [&g, op, texts](RelationIndex r) {
                const auto& gr = g.relation(r).grading();
                return matches(op, texts, [&](const std::string& t) { return gr && to_lower_ascii(gr->code()) == to_lower_ascii(t); });
            };
        if ((e.field == "source" || e.field == "target") && c.equality_only(e)) {
            const auto ids = c.entity_ids(e);
            const bool source_end = e.field == "source";
            return [&g, op, ids, source_end](RelationIndex r) {
                const auto& rel = g.relation(r);
                return matches(op, ids, [&](const std::string& id) { return (source_end ? rel.source() : rel.target()) == id; });
            };
        }
        if (e.field == "valid") {
            if (op != "=")
                c.problem(e.offset, e.length, "\"valid\" takes = DATE: the relations that hold at that date", "write valid = 2018-06");
            if (!is_valid_date(texts.front()))
                c.problem(e.values.front().offset, e.values.front().length, "\"" + texts.front() + "\" is not a date",
                          "use YYYY, YYYY-MM or YYYY-MM-DD");
            return [&g, date = texts.front()](RelationIndex r) { return valid_at(g.relation(r).period(), date); };
        }
        if (e.field == "confidence") {
            for (const auto& v : e.values)
                if (!v.number) c.problem(v.offset, v.length, "confidence compares with a number from 0 to 1, found \"" + v.text + "\"");
            if (op == "~") c.problem(e.offset, e.length, "confidence cannot be compared with ~");
            std::vector<double> xs;
            for (const auto& v : e.values) xs.push_back(v.number.value_or(0));
            return [&g, op, xs](RelationIndex r) {
                const double confidence = g.relation(r).confidence(), x = xs.front();
                if (op == "<") return confidence < x;
                if (op == "<=") return confidence <= x;
                if (op == ">") return confidence > x;
                if (op == ">=") return confidence >= x;
                const bool any = std::find(xs.begin(), xs.end(), confidence) != xs.end();
                return (op == "!=" || op == "not in") ? !any : any;
            };
        }
        if (e.field == "note") {
            if (op != "~") c.problem(e.offset, e.length, "note compares only with ~ (contains)", "write note ~ \"estimate\"");
            return [&g, t = fold_words(texts.front())](RelationIndex r) {
                return fold_words(g.relation(r).note()).find(t) != std::string::npos;
            };
        }
        if (std::find(kRelationFields.begin(), kRelationFields.end(), e.field) != kRelationFields.end())
            return [](RelationIndex) { return false; };
        if (std::find(kEntityFields.begin(), kEntityFields.end(), e.field) != kEntityFields.end() && !attributes.count(e.field)) {
            c.problem(e.offset, e.length, "\"" + e.field + "\" is a field of entities, not of relations",
                      "filter entities with WHERE or SELECT ... ENTITIES WHERE; relations by type, confidence, source, target, valid");
            return [](RelationIndex) { return false; };
        }
        if (!c.attribute_exists(e, attributes, kRelationFields)) return [](RelationIndex) { return false; };
        return [&g, a = c.attribute(e)](RelationIndex r) { return a(g.relation(r).attributes()); };
    });
    return c.ok() ? test : RelationTest{};
}

} // namespace tg::query
