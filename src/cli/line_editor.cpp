#include "cli/line_editor.hpp"

#include "io/file_guard.hpp"

#include <editline/readline.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>

namespace tg::cli {

namespace {

// libedit's completion hooks are plain functions: the editor being used lends them its words.
LineEditor::Words* active_words = nullptr;
std::vector<std::string> matches;

char* next_match(const char* typed, int state) {
    if (state == 0) {
        matches.clear();
        if (active_words) {
            const std::size_t length = std::strlen(typed);
            for (auto& word : (*active_words)())
                if (word.compare(0, length, typed) == 0) matches.push_back(std::move(word));
        }
    }
    const auto at = static_cast<std::size_t>(state);
    return at < matches.size() ? ::strdup(matches[at].c_str()) : nullptr; // libedit frees it
}

char** complete(const char* typed, int, int) {
    rl_attempted_completion_over = 1; // no file names when no word matches
    return rl_completion_matches(typed, next_match);
}

} // namespace

LineEditor::LineEditor(std::istream& in, std::ostream& out, std::string history_file, Words words)
    : in_(in), out_(out), history_file_(std::move(history_file)) {
    editing_ = &in == &std::cin && ::isatty(STDIN_FILENO) && ::isatty(STDOUT_FILENO);
    if (!editing_) return;
    static Words kept;
    kept = std::move(words);
    active_words = &kept;
    rl_readline_name = const_cast<char*>("threatgraph");
    rl_attempted_completion_function = complete;
    // Words break at blanks and punctuation, not at quotes: a quoted name completes from its quote.
    rl_basic_word_break_characters = const_cast<char*>(" \t\n,()=<>!~");
    using_history();
    stifle_history(1000);
    if (!history_file_.empty()) read_history(history_file_.c_str());
}

LineEditor::~LineEditor() {
    if (!editing_) return;
    active_words = nullptr;
    // Never over a file this run read ($THREATGRAPH_HISTORY pointed at a query or at graph-data).
    if (!history_file_.empty() && !file_read_as(history_file_)) {
        std::error_code ec;
        std::filesystem::create_directories(std::filesystem::path(history_file_).parent_path(), ec);
        write_history(history_file_.c_str());
    }
}

std::optional<std::string> LineEditor::read(const std::string& prompt) {
    if (!editing_) {
        out_ << prompt << std::flush;
        std::string line;
        if (!std::getline(in_, line)) return std::nullopt;
        return line;
    }
    out_ << std::flush;
    char* line = ::readline(prompt.c_str());
    if (!line) return std::nullopt;
    std::string text(line);
    std::free(line);
    return text;
}

void LineEditor::remember(const std::string& line) {
    if (editing_ && !line.empty()) add_history(line.c_str());
}

std::string query_history_file() {
    if (const char* path = std::getenv("THREATGRAPH_HISTORY")) return path;
    if (const char* state = std::getenv("XDG_STATE_HOME"); state && *state)
        return (std::filesystem::path(state) / "threatgraph" / "history").string();
    if (const char* home = std::getenv("HOME"); home && *home)
        return (std::filesystem::path(home) / ".local" / "state" / "threatgraph" / "history").string();
    return {};
}

} // namespace tg::cli
