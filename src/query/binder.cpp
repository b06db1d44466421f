#include "query/binder.hpp"

#include "analysis/centrality.hpp"
#include "core/error.hpp"
#include "core/fuzzy.hpp"
#include "core/image_format.hpp"
#include "core/text.hpp"
#include "model/period.hpp"
#include "query/clause_words.hpp"
#include "query/describe.hpp"
#include "query/export_statement.hpp"
#include "query/parser.hpp"
#include "query/reporter.hpp"

#include <cmath>
#include <cstdlib>
#include <set>

namespace tg::query {

std::string BoundStatement::value(const std::string& keyword, const std::string& otherwise) const {
    const auto it = values.find(keyword);
    return it == values.end() || it->second.empty() ? otherwise : it->second.front();
}

std::size_t BoundStatement::count(const std::string& keyword, std::size_t otherwise) const {
    const auto written = value(keyword);
    return written.empty() ? otherwise : static_cast<std::size_t>(std::strtoull(written.c_str(), nullptr, 10));
}

double BoundStatement::number(const std::string& keyword, double otherwise) const {
    const auto written = value(keyword);
    return written.empty() ? otherwise : std::strtod(written.c_str(), nullptr);
}

namespace {

class Binder {
public:
    Binder(const KnowledgeGraph& graph, const SourceTextPtr& source, std::vector<Diagnostic>& diagnostics,
           const std::vector<std::string>& known)
        : graph_(graph), source_(source), diagnostics_(diagnostics), report_(source, diagnostics, "query-bind"),
          selections_(known.begin(), known.end()) {}

    void add_known(const std::vector<std::string>& names) { selections_.insert(names.begin(), names.end()); }

    BoundStatement bind(const Statement& s) {
        BoundStatement b;
        b.statement = &s;
        b.spec = find_statement(s.verb);
        verb_ = s.verb;
        const auto& text = source_->content();
        b.text = statement_text(text.substr(s.begin, s.end - s.begin));
        for (const auto& a : s.arguments)
            b.arguments.push_back(check(a, b.spec->argument_type, {}, "the " + b.spec->argument_help, b.spec->argument_least));
        if (b.spec->verb == "connect" && s.arguments.size() < 2)
            problem(s.offset, s.length, "CONNECT needs two or more entities", "for example: " + b.spec->example);
        for (const auto& c : s.clauses) {
            const ClauseSpec* spec = nullptr;
            for (const auto& cs : b.spec->clauses)
                if (cs.keyword == c.keyword) spec = &cs;
            auto& out = b.values[c.keyword];
            if (c.expression) {
                if (spec->type == ValueType::entity_filter)
                    b.entities = entity_filter(*c.expression, graph_, source_, diagnostics_);
                else
                    b.relations = relation_filter(*c.expression, graph_, source_, diagnostics_);
                continue;
            }
            for (const auto& v : c.values)
                out.push_back(check(v, spec->type, spec->choices, to_upper_ascii(c.keyword), spec->least, spec->most));
            if (c.keyword == "in") b.selection = out.front();
            if (c.keyword == "path" && c.values.size() != 2)
                problem(c.offset, c.length, "PATH takes two entities, the ends of the path", "write PATH \"FARC\", \"Hezbollah\"");
        }
        check_statement(s, b);
        if (!s.assign_to.empty()) {
            if (selections_.count(s.assign_to))
                problem(s.assign_offset, s.assign_to.size(), "\"" + s.assign_to + "\" is already a selection",
                        "give this one another name");
            selections_.insert(s.assign_to);
        }
        if (b.spec->verb == "export" || b.spec->verb == "render") {
            if (!b.arguments.empty()) b.selection = b.arguments.front();
        }
        return b;
    }

private:
    // What only the whole statement shows: clauses that need each other, names inside texts.
    void check_statement(const Statement& s, const BoundStatement& b) {
        const auto at = [&](const std::string& keyword) -> const Clause* { return s.clause(keyword); };
        if (at("all") && !at("max hops"))
            problem(at("all")->offset, at("all")->length, "ALL needs MAX HOPS: every simple path is too many without a bound",
                    "write PATHS FROM a TO b ALL MAX HOPS 4");
        // File names, by the library's own checks: what EXPORT and the drawings would refuse.
        if (verb_ == "export" && !at("as") && at("to")) library_check(at("to")->values.front(), export_format_for);
        if ((verb_ == "render" && at("to")) || (verb_ == "disrupt" && at("chart")))
            library_check(at(verb_ == "render" ? "to" : "chart")->values.front(), image_format_for);
        if (const auto* targets = at("targets"); targets && verb_ == "disrupt") {
            const bool ties = b.value("remove") == "ties";
            for (const auto& v : targets->values) {
                std::vector<std::string> names{v.text};
                if (ties) {
                    const auto dash = v.text.find("--");
                    if (dash == std::string::npos || dash == 0 || dash + 2 == v.text.size()) {
                        problem(v.offset, v.length, "a tie is two entities joined by --, found \"" + v.text + "\"",
                                "write \"FARC--Colombia\"");
                        continue;
                    }
                    names = {v.text.substr(0, dash), v.text.substr(dash + 2)};
                }
                for (const auto& name : names) {
                    Literal part = v; // each end of a tie, reported at the whole value
                    part.text = name;
                    report_.entity_id(graph_, part);
                }
            }
        }
        if (const auto* weight = at("weight")) {
            const auto& v = weight->values.front();
            const auto w = to_lower_ascii(v.text);
            const bool known_attribute = graph_.relation_attributes().column(v.text).has_value();
            if (w != "hops" && w != "confidence" && !known_attribute)
                problem(v.offset, v.length, "unknown weight \"" + v.text + "\"",
                        "weigh by hops, confidence or a numeric relation attribute");
        }
        for (const char* keyword : {"cluster by", "group by"}) {
            const auto* clause = at(keyword);
            if (!clause) continue;
            const auto& v = clause->values.front();
            const auto rule = to_lower_ascii(v.text);
            const bool keyword_rule =
                rule == "community" || (std::string(keyword) == "cluster by" && (rule == "country" || rule == "domain" || rule == "kind"));
            const bool attribute = graph_.entity_attributes().column(v.text).has_value();
            if (!keyword_rule && !attribute)
                problem(v.offset, v.length, "no entity has an attribute \"" + v.text + "\"",
                        std::string(keyword) == "cluster by" ? "cluster by country, domain, kind, community or an entity attribute"
                                                             : "group by community or an entity attribute");
        }
    }

    // The statement as written, for headings: comments dropped, runs of spaces outside strings one space.
    static std::string statement_text(const std::string& text) {
        std::string out;
        char quote = 0;
        bool space = false;
        for (std::size_t i = 0; i < text.size(); ++i) {
            const char c = text[i];
            if (quote) {
                out += c;
                if (c == '\\' && i + 1 < text.size())
                    out += text[++i];
                else if (c == quote)
                    quote = 0;
                continue;
            }
            if (c == '#' || (c == '-' && i + 1 < text.size() && text[i + 1] == '-')) {
                while (i < text.size() && text[i] != '\n') ++i;
                space = !out.empty();
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                space = !out.empty();
                continue;
            }
            if (space) out += ' ';
            space = false;
            if (c == '"' || c == '\'') quote = c;
            out += c;
        }
        return out;
    }

    // A value the library checks (a file name's format), its error reported at the value.
    template <class Check>
    void library_check(const Literal& v, Check checked) {
        try {
            checked(v.text);
        } catch (const Error& e) {
            problem(v.offset, v.length, e.message(in_clause_words), e.hint(in_clause_words));
        }
    }

    static std::string in_clause_words(std::string_view parameter) {
        const auto clause = clause_words(parameter);
        return clause.empty() ? std::string(parameter) : std::string(clause);
    }

    void problem(std::size_t offset, std::size_t length, std::string message, std::string hint = {}) {
        report_.problem(offset, length, std::move(message), std::move(hint));
    }

    std::string known(const Literal& v, const std::vector<std::string>& names, const std::string& what) {
        return report_.known(v, names, what);
    }

    // The canonical text of a value of the type, with a diagnostic when it is not one.
    // Counts are held to the bounds the statement's table gives (`least`, `most`; 0: none).
    std::string check(const Literal& v, ValueType type, const std::vector<std::string>& choices, const std::string& where,
                      std::size_t least = 0, std::size_t most = 0) {
        switch (type) {
            case ValueType::entity:
                return report_.entity_id(graph_, v).value_or(v.text);
            case ValueType::item:
                // A relation's id when no entity is named so (as SHOW's command reads it).
                if (!graph_.find(v.text) && find_relation(graph_, v.text)) return v.text;
                return report_.entity_id(graph_, v).value_or(v.text);
            case ValueType::count: {
                if (!v.number || *v.number < 0 || std::floor(*v.number) != *v.number || *v.number > 1e9) {
                    problem(v.offset, v.length, where + " expects a whole number, found \"" + v.text + "\"");
                    return v.text;
                }
                if (*v.number < static_cast<double>(least))
                    problem(v.offset, v.length, where + " must be at least " + std::to_string(least));
                if (most && *v.number > static_cast<double>(most))
                    problem(v.offset, v.length, where + " must be at most " + std::to_string(most));
                return std::to_string(static_cast<long long>(*v.number)); // 1e1 is 10
            }
            case ValueType::number:
            case ValueType::fraction:
                if (!v.number)
                    problem(v.offset, v.length, where + " expects a number, found \"" + v.text + "\"");
                else if (type == ValueType::fraction && (*v.number < 0 || *v.number > 1))
                    problem(v.offset, v.length, where + " expects a number from 0 to 1, found " + v.text);
                return v.text;
            case ValueType::date:
                if (!is_valid_date(v.text))
                    problem(v.offset, v.length, "\"" + v.text + "\" is not a date", "use YYYY, YYYY-MM or YYYY-MM-DD");
                return v.text;
            case ValueType::kind:
                return known(v, graph_.ontology().kind_ids(), "kind");
            case ValueType::relation_type:
                return known(v, graph_.ontology().relation_type_ids(), "relation type");
            case ValueType::domain:
                return known(v, graph_.ontology().domain_ids(), "domain");
            case ValueType::measure: {
                auto names = measure_names();
                if (verb_ == "centrality") names.push_back("edge-betweenness"); // CENTRALITY ranks relations too
                return known(v, names, "measure");
            }
            case ValueType::choice: {
                const auto text = to_lower_ascii(v.text);
                if (std::find(choices.begin(), choices.end(), text) == choices.end())
                    problem(v.offset, v.length, "unknown " + where + " \"" + v.text + "\"",
                            hint_for(v.text, choices, where + " takes " + join_quoted(choices, 12)));
                return text;
            }
            case ValueType::selection: {
                const auto name = to_lower_ascii(v.text);
                if (!selections_.count(name)) {
                    std::vector<std::string> names;
                    for (const auto& n : selections_) names.push_back(n);
                    problem(v.offset, v.length, "unknown selection \"" + v.text + "\"",
                            hint_for(name, names,
                                     names.empty() ? "make one first with LET " + name + " = SELECT ENTITIES WHERE ..."
                                                   : "selections so far are " + join_quoted(names)));
                }
                return name;
            }
            case ValueType::file: {
                bool escapes = v.text.empty() || v.text[0] == '/' || v.text[0] == '~' || v.text.find('\\') != std::string::npos;
                std::size_t start = 0;
                while (start <= v.text.size()) { // a ".." component climbs out
                    const auto slash = v.text.find('/', start);
                    const auto end = slash == std::string::npos ? v.text.size() : slash;
                    escapes = escapes || v.text.compare(start, end - start, "..") == 0;
                    start = end + 1;
                }
                if (escapes)
                    problem(v.offset, v.length, "a query writes only under the output folder; \"" + v.text + "\" leaves it",
                            "give a relative path without \"..\", such as \"actors.graphml\"");
                return v.text;
            }
            default:
                return v.text;
        }
    }

    const KnowledgeGraph& graph_;
    SourceTextPtr source_;
    std::vector<Diagnostic>& diagnostics_; // the filter compiler reports here too
    Reporter report_;
    std::set<std::string> selections_;
    std::string verb_; // of the statement being bound
};

} // namespace

BoundQuery bind_query(const QueryFile& file, const KnowledgeGraph& graph, std::vector<Diagnostic>& diagnostics,
                      const std::vector<std::string>& known) {
    BoundQuery out{file.source, {}};
    Binder binder(graph, file.source, diagnostics, known);
    binder.add_known(file.broken_selections);
    for (const auto& statement : file.statements) out.statements.push_back(binder.bind(statement));
    return out;
}

BoundQuery compile_query(const SourceTextPtr& source, const KnowledgeGraph& graph, std::vector<Diagnostic>& diagnostics, QueryFile& file,
                         const std::vector<std::string>& known) {
    file = parse_query(source, diagnostics);
    return bind_query(file, graph, diagnostics, known);
}

} // namespace tg::query
