#include "query/parser.hpp"

#include "core/fuzzy.hpp"
#include "core/text.hpp"
#include "query/lexer.hpp"
#include "query/statements.hpp"

#include <algorithm>

namespace tg::query {

namespace {

// Thrown inside one statement; the parser records it and skips to the next statement.
struct Stop {};

class Parser {
public:
    Parser(const SourceTextPtr& source, std::vector<Diagnostic>& diagnostics) : source_(source), diagnostics_(diagnostics) {
        tokens_ = tokenize(source, diagnostics);
    }

    QueryFile run() {
        QueryFile file{source_, {}, {}};
        while (pos_ < tokens_.size()) {
            if (at().kind == TokenKind::end) {
                ++pos_;
                continue;
            }
            const auto first = pos_;
            try {
                auto statement = parse_statement();
                file.statements.push_back(std::move(statement));
            } catch (const Stop&) {
                if (!assigning_.empty()) file.broken_selections.push_back(assigning_);
                while (pos_ < tokens_.size() && at().kind != TokenKind::end) ++pos_;
            }
            if (pos_ == first) ++pos_;
        }
        return file;
    }

private:
    const Token& at(std::size_t ahead = 0) const {
        static const Token end_token{};
        return pos_ + ahead < tokens_.size() ? tokens_[pos_ + ahead] : end_token;
    }
    bool is_word(const Token& t, const char* word) const { return t.kind == TokenKind::word && to_lower_ascii(t.text) == word; }
    bool is_symbol(const Token& t, const char* symbol) const { return t.kind == TokenKind::symbol && t.text == symbol; }

    [[noreturn]] void fail(const Token& t, std::string message, std::string hint = {}) {
        // An illegal token already has its diagnostic.
        if (t.kind != TokenKind::illegal)
            diagnostics_.push_back({Severity::error,
                                    source_,
                                    {},
                                    t.offset,
                                    std::max<std::size_t>(t.length, 1),
                                    "query-syntax",
                                    std::move(message),
                                    std::move(hint)});
        throw Stop{};
    }

    std::string describe(const Token& t) const {
        switch (t.kind) {
            case TokenKind::end:
                return "the end of the statement";
            case TokenKind::string:
                return "the string \"" + t.text + "\"";
            default:
                return "\"" + t.text + "\"";
        }
    }

    Statement parse_statement() {
        spec_ = nullptr;
        assigning_.clear();
        depth_ = 0;
        Statement s;
        s.begin = at().offset;
        if (is_word(at(), "let")) {
            ++pos_;
            if (at().kind != TokenKind::word)
                fail(at(), "expected a name after LET, found " + describe(at()), "write LET name = SELECT ...");
            assigning_ = to_lower_ascii(at().text);
            if (is_reserved(assigning_))
                fail(at(), "\"" + at().text + "\" is a word of the language and cannot name a selection",
                     "choose another name, such as actors");
            s.assign_to = assigning_;
            s.assign_offset = at().offset;
            ++pos_;
            if (!is_symbol(at(), "=")) fail(at(), "expected \"=\" after LET " + s.assign_to + ", found " + describe(at()));
            ++pos_;
        }
        const Token& verb = at();
        if (verb.kind != TokenKind::word) fail(verb, "expected a statement such as FIND, PATHS or CENTRALITY, found " + describe(verb));
        s.verb = to_lower_ascii(verb.text);
        s.offset = verb.offset;
        s.length = verb.length;
        const auto* spec = find_statement(s.verb);
        if (!spec) {
            std::vector<std::string> verbs;
            for (const auto& v : statement_verbs()) verbs.push_back(to_upper_ascii(v));
            fail(verb, "unknown statement \"" + verb.text + "\"",
                 hint_for(to_upper_ascii(verb.text), verbs, "statements are " + join_quoted(verbs, verbs.size())));
        }
        if (!s.assign_to.empty() && !spec->makes_selection)
            fail(verb, to_upper_ascii(s.verb) + " makes no selection to name", "LET takes SELECT, FIND, NEIGHBORS, PATHS or CONNECT");
        if (s.assign_to.empty() && s.verb == "select")
            fail(verb, "SELECT makes a selection and must be named", "write LET name = SELECT ENTITIES WHERE ...");
        ++pos_;
        spec_ = spec;

        // The argument, unless a clause starts right away.
        if (spec->argument != Shape::none && at().kind != TokenKind::end && !clause_at()) {
            s.arguments.push_back(literal("the " + spec->argument_help));
            if (spec->argument == Shape::list)
                while (is_symbol(at(), ",")) {
                    ++pos_;
                    s.arguments.push_back(literal("another entity"));
                }
        }
        while (at().kind != TokenKind::end) {
            const ClauseSpec* clause = clause_at();
            if (!clause) {
                std::vector<std::string> keywords;
                for (const auto& c : spec->clauses) keywords.push_back(to_upper_ascii(c.keyword));
                std::string hint = keywords.empty() ? to_upper_ascii(s.verb) + " takes no clauses"
                                                    : hint_for(to_upper_ascii(at().text), keywords,
                                                               to_upper_ascii(s.verb) + " takes " + join_quoted(keywords, keywords.size()));
                if (at().kind != TokenKind::word && spec->argument != Shape::none && s.arguments.empty())
                    hint = "names with spaces go in quotes";
                fail(at(), "unexpected " + describe(at()) + " in " + to_upper_ascii(s.verb), hint);
            }
            Clause c;
            c.keyword = clause->keyword;
            c.offset = at().offset;
            const auto words = static_cast<std::size_t>(std::count(clause->keyword.begin(), clause->keyword.end(), ' ') + 1);
            c.length = at(words - 1).offset + at(words - 1).length - c.offset;
            if (s.clause(c.keyword)) fail(at(), to_upper_ascii(c.keyword) + " is given twice");
            pos_ += words;
            if (clause->shape == Shape::one) {
                c.values.push_back(literal(clause->help));
            } else if (clause->shape == Shape::list) {
                const bool open = is_symbol(at(), "(");
                if (open) ++pos_;
                c.values.push_back(literal(clause->help));
                while (is_symbol(at(), ",")) {
                    ++pos_;
                    c.values.push_back(literal(clause->help));
                }
                if (open) {
                    if (!is_symbol(at(), ")")) fail(at(), "expected \")\" to close the list, found " + describe(at()));
                    ++pos_;
                }
            } else if (clause->shape == Shape::expression) {
                if (at().kind == TokenKind::end || clause_at())
                    fail(at(), to_upper_ascii(c.keyword) + " needs a filter, found " + describe(at()),
                         "for example: kind = state AND name ~ \"police\"");
                c.expression = expression();
            }
            s.clauses.push_back(std::move(c));
        }
        s.end = pos_ > 0 ? tokens_[pos_ - 1].offset + tokens_[pos_ - 1].length : s.begin;
        if (spec->argument_required && s.arguments.empty())
            fail(verb, to_upper_ascii(s.verb) + " needs " + spec->argument_help, "for example: " + spec->example);
        for (const auto& required : spec->required)
            if (!s.clause(required))
                fail(verb, to_upper_ascii(s.verb) + " needs " + to_upper_ascii(required), "for example: " + spec->example);
        return s;
    }

    // The clause of the current statement whose keyword starts here (the longest one).
    const ClauseSpec* clause_at() const {
        if (!spec_ || at().kind != TokenKind::word) return nullptr;
        const ClauseSpec* best = nullptr;
        std::size_t best_words = 0;
        for (const auto& c : spec_->clauses) {
            const auto words = split_words(c.keyword);
            bool match = true;
            for (std::size_t i = 0; i < words.size() && match; ++i)
                match = at(i).kind == TokenKind::word && to_lower_ascii(at(i).text) == words[i];
            if (match && words.size() > best_words) best = &c, best_words = words.size();
        }
        return best;
    }

    Literal literal(const std::string& what) {
        const Token& t = at();
        if (t.kind != TokenKind::word && t.kind != TokenKind::string && t.kind != TokenKind::number)
            fail(t, "expected " + what + ", found " + describe(t));
        Literal l{t.text, std::nullopt, t.kind == TokenKind::string, t.offset, t.length};
        if (t.kind == TokenKind::number) l.number = t.number;
        ++pos_;
        return l;
    }

    // expression := conjunction {OR conjunction}
    Expr expression() {
        Expr first = conjunction();
        if (!is_word(at(), "or")) return first;
        Expr any{Expr::Op::any, {std::move(first)}, {}, 0, 0, {}, {}};
        while (is_word(at(), "or")) {
            ++pos_;
            any.children.push_back(conjunction());
        }
        return any;
    }

    Expr conjunction() {
        Expr first = negation();
        if (!is_word(at(), "and")) return first;
        Expr all{Expr::Op::all, {std::move(first)}, {}, 0, 0, {}, {}};
        while (is_word(at(), "and")) {
            ++pos_;
            all.children.push_back(negation());
        }
        return all;
    }

    Expr negation() {
        // Nesting is bounded, so that no filter can exhaust the stack.
        struct Deeper {
            int& depth;
            explicit Deeper(int& d) : depth(++d) {}
            ~Deeper() { --depth; }
        } deeper(depth_);
        if (depth_ > 64) fail(at(), "the filter nests more than 64 levels deep", "write it flatter");
        if (is_word(at(), "not")) {
            ++pos_;
            return Expr{Expr::Op::negate, {negation()}, {}, 0, 0, {}, {}};
        }
        if (is_symbol(at(), "(")) {
            ++pos_;
            Expr inner = expression();
            if (!is_symbol(at(), ")")) fail(at(), "expected \")\", found " + describe(at()));
            ++pos_;
            return inner;
        }
        return comparison();
    }

    // field (= | != | < | <= | > | >= | ~) value  |  field [NOT] IN (value, ...)
    Expr comparison() {
        const Token& field = at();
        if (field.kind != TokenKind::word)
            fail(field, "expected a field such as kind, domain, name or confidence, found " + describe(field));
        Expr e{Expr::Op::compare, {}, to_lower_ascii(field.text), field.offset, field.length, {}, {}};
        ++pos_;
        if (is_word(at(), "not") && is_word(at(1), "in")) {
            e.comparison = "not in";
            pos_ += 2;
        } else if (is_word(at(), "in")) {
            e.comparison = "in";
            ++pos_;
        } else if (at().kind == TokenKind::symbol && at().text != "(" && at().text != ")" && at().text != "," && at().text != "*") {
            e.comparison = at().text;
            ++pos_;
        } else {
            fail(at(), "expected a comparison (=, !=, <, <=, >, >=, ~ or IN) after " + field.text + ", found " + describe(at()));
        }
        if (e.comparison == "in" || e.comparison == "not in") {
            if (!is_symbol(at(), "(")) fail(at(), "expected \"(\" after IN, found " + describe(at()), "write kind IN (gang, cartel)");
            ++pos_;
            e.values.push_back(literal("a value"));
            while (is_symbol(at(), ",")) {
                ++pos_;
                e.values.push_back(literal("a value"));
            }
            if (!is_symbol(at(), ")")) fail(at(), "expected \")\" to close the list, found " + describe(at()));
            ++pos_;
        } else {
            e.values.push_back(literal("a value to compare with"));
        }
        return e;
    }

    // Words no selection may be named: verbs, operators, and the clause words of the statements
    // that take a selection as their argument (EXPORT to TO ... would read "to" as the clause).
    static bool is_reserved(const std::string& word) {
        static const std::vector<std::string> reserved = [] {
            std::vector<std::string> words{"let", "and", "or", "not", "in"};
            for (const auto& s : statement_specs()) {
                words.push_back(s.verb);
                if (s.argument_type != ValueType::selection) continue;
                for (const auto& c : s.clauses)
                    for (const auto& w : split_words(c.keyword)) words.push_back(w);
            }
            return words;
        }();
        return std::find(reserved.begin(), reserved.end(), word) != reserved.end();
    }

    SourceTextPtr source_;
    std::vector<Diagnostic>& diagnostics_;
    std::vector<Token> tokens_;
    std::size_t pos_ = 0;
    const StatementSpec* spec_ = nullptr;
    std::string assigning_; // the LET name of the statement being read
    int depth_ = 0;         // nesting of the filter being read
};

} // namespace

QueryFile parse_query(const SourceTextPtr& source, std::vector<Diagnostic>& diagnostics) { return Parser(source, diagnostics).run(); }

} // namespace tg::query
