#include "query/lexer.hpp"

#include "core/text.hpp"

#include <cctype>

namespace tg::query {

namespace {

bool word_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || (c & 0x80); }
// Curly quotes end a word: “Mara 18” is a string, not part of a name.
bool curly_quote_at(const std::string& text, std::size_t at) {
    return text.compare(at, 2, "\xE2\x80") == 0 && at + 2 < text.size() &&
           (text[at + 2] == '\x9C' || text[at + 2] == '\x9D' || text[at + 2] == '\x98' || text[at + 2] == '\x99');
}
bool word_char(char c) { return word_start(c) || std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '.'; }

class Lexer {
public:
    Lexer(const SourceTextPtr& source, std::vector<Diagnostic>& diagnostics)
        : source_(source), text_(source->content()), diagnostics_(diagnostics) {}

    std::vector<Token> run() {
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            if (c == '\n') {
                newline();
            } else if (c == ' ' || c == '\t' || c == '\r') {
                ++pos_;
            } else if (c == '#' || (c == '-' && peek(1) == '-')) {
                skip_comment();
            } else if (c == '"' || c == '\'') {
                string(std::string(1, c), std::string(1, c));
            } else if (curly_open()) {
                // Word processors turn quotes curly: read “...” and ‘...’ as strings.
                const bool double_quote = text_.compare(pos_, 3, "\xE2\x80\x9C") == 0;
                string(text_.substr(pos_, 3), double_quote ? "\xE2\x80\x9D" : "\xE2\x80\x99");
            } else if (curly_quote_at(text_, pos_)) {
                // A closing curly quote with no opening one: not the start of a word, which
                // would hold nothing and never move on.
                problem(pos_, 3, "unexpected-character", "unexpected \"" + text_.substr(pos_, 3) + "\" without its opening quote",
                        "names with spaces or punctuation go in quotes: \"Mara 18\"");
                push(TokenKind::illegal, text_.substr(pos_, 3), pos_, 3);
                pos_ += 3;
            } else if (std::isdigit(static_cast<unsigned char>(c)) ||
                       ((c == '-' || c == '+') && std::isdigit(static_cast<unsigned char>(peek(1))) && can_sign())) {
                number();
            } else if (word_start(c)) {
                const auto start = pos_;
                while (pos_ < text_.size() && word_char(text_[pos_]) && !curly_quote_at(text_, pos_)) ++pos_;
                // A trailing "." or "-" is punctuation, not part of the word.
                while (pos_ > start + 1 && (text_[pos_ - 1] == '.' || text_[pos_ - 1] == '-')) --pos_;
                push(TokenKind::word, text_.substr(start, pos_ - start), start, pos_ - start);
            } else {
                symbol(c);
            }
        }
        end_statement(text_.size());
        return std::move(tokens_);
    }

private:
    char peek(std::size_t ahead) const { return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0'; }

    // "-3" is a number when the sign follows a space, a symbol or nothing ("a-3" is one word).
    bool can_sign() const {
        if (pos_ == 0 || tokens_.empty()) return true;
        const char before = text_[pos_ - 1];
        return before == ' ' || before == '\t' || before == '\n' || before == '(' || before == ',' || before == '=' || before == '<' ||
               before == '>';
    }

    void push(TokenKind kind, std::string text, std::size_t offset, std::size_t length, double number = 0) {
        tokens_.push_back({kind, std::move(text), offset, length, number});
    }

    void problem(std::size_t offset, std::size_t length, std::string code, std::string message, std::string hint = {}) {
        diagnostics_.push_back({Severity::error, source_, {}, offset, length, std::move(code), std::move(message), std::move(hint)});
    }

    void end_statement(std::size_t offset) {
        if (!tokens_.empty() && tokens_.back().kind != TokenKind::end) push(TokenKind::end, "", offset, 0);
    }

    void skip_comment() {
        while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
    }

    // A line break ends the statement unless the next line with content is indented. The blank
    // and comment lines on the way hold no tokens: skip them once, so that long runs of them
    // cost no more than reading them.
    void newline() {
        const auto at = pos_++;
        std::size_t look = pos_;
        while (look < text_.size()) {
            const auto line_end = text_.find('\n', look);
            const auto line = std::string_view(text_).substr(look, line_end == std::string::npos ? std::string::npos : line_end - look);
            const auto content = trim(line);
            if (!content.empty() && content[0] != '#' && !starts_with(content, "--")) {
                pos_ = look;
                if (line[0] == ' ' || line[0] == '\t') return; // a continuation line
                break;
            }
            if (line_end == std::string::npos) {
                pos_ = text_.size();
                break;
            }
            look = line_end + 1;
        }
        end_statement(at);
    }

    bool curly_open() const { return text_.compare(pos_, 3, "\xE2\x80\x9C") == 0 || text_.compare(pos_, 3, "\xE2\x80\x98") == 0; }

    void string(const std::string& open, const std::string& close) {
        const auto start = pos_;
        pos_ += open.size();
        std::string value;
        while (true) {
            if (pos_ >= text_.size() || text_[pos_] == '\n') {
                problem(start, pos_ - start, "unterminated-string", "this string is never closed",
                        "end it with " + close + " on the same line");
                push(TokenKind::illegal, value, start, pos_ - start);
                return;
            }
            const char c = text_[pos_];
            if (text_.compare(pos_, close.size(), close) == 0) {
                pos_ += close.size();
                break;
            }
            if (c == '\\' && pos_ + 1 < text_.size()) {
                const char e = text_[pos_ + 1];
                value += e == 'n' ? '\n' : e == 't' ? '\t' : e;
                pos_ += 2;
                continue;
            }
            value += c;
            ++pos_;
        }
        push(TokenKind::string, std::move(value), start, pos_ - start);
    }

    void number() {
        const auto start = pos_;
        ++pos_;
        while (pos_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '.' || text_[pos_] == '-' ||
                                       text_[pos_] == ':' || ((text_[pos_] == '+') && (text_[pos_ - 1] == 'e' || text_[pos_ - 1] == 'E'))))
            ++pos_;
        while (pos_ > start + 1 && (text_[pos_ - 1] == '.' || text_[pos_ - 1] == '-')) --pos_;
        const auto text = text_.substr(start, pos_ - start);
        if (const auto n = parse_number(text))
            push(TokenKind::number, text, start, pos_ - start, *n);
        else
            push(TokenKind::word, text, start, pos_ - start); // a date such as 2018-06-05
    }

    void symbol(char c) {
        const auto start = pos_;
        const char next = peek(1);
        std::string s(1, c);
        if ((c == '<' || c == '>' || c == '!') && next == '=') s += next;
        pos_ += s.size();
        if (s == ";") {
            end_statement(start);
            return;
        }
        static const std::string known[] = {"=", "!=", "<", "<=", ">", ">=", "~", "(", ")", ",", "*"};
        for (const auto& k : known)
            if (s == k) {
                push(TokenKind::symbol, s, start, s.size());
                return;
            }
        problem(start, s.size(), "unexpected-character", "unexpected \"" + s + "\"",
                "names with spaces or punctuation go in quotes: \"Mara 18\"");
        push(TokenKind::illegal, s, start, s.size());
    }

    SourceTextPtr source_;
    const std::string& text_;
    std::vector<Diagnostic>& diagnostics_;
    std::vector<Token> tokens_;
    std::size_t pos_ = 0;
};

} // namespace

std::vector<Token> tokenize(const SourceTextPtr& source, std::vector<Diagnostic>& diagnostics) { return Lexer(source, diagnostics).run(); }

} // namespace tg::query
