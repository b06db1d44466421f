#pragma once
// Lines typed at an interactive prompt. At a terminal, libedit edits them (arrows, Ctrl-R,
// Emacs keys), recalls earlier ones with Up, keeps them across sessions in a history file, and
// completes words with Tab from a list the caller gives; elsewhere (a pipe, a test's stream) lines
// are read plainly and the prompt is written to the output.
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tg::cli {

class LineEditor {
public:
    // The words Tab may complete, all of them (the editor picks those that start as typed).
    using Words = std::function<std::vector<std::string>()>;

    // Edits at the terminal when `in` is standard input and standard input is one; the history
    // lives in `history_file` (nothing is kept when it is empty).
    LineEditor(std::istream& in, std::ostream& out, std::string history_file, Words words);
    ~LineEditor();
    LineEditor(const LineEditor&) = delete;
    LineEditor& operator=(const LineEditor&) = delete;

    // The next line without its end, or nothing at the end of input.
    std::optional<std::string> read(const std::string& prompt);
    // Adds a line to the history Up recalls and the history file keeps.
    void remember(const std::string& line);
    bool editing() const { return editing_; }

private:
    std::istream& in_;
    std::ostream& out_;
    std::string history_file_;
    bool editing_ = false;
};

// Where the query prompt keeps its history: $THREATGRAPH_HISTORY, else
// $XDG_STATE_HOME/threatgraph/history, else ~/.local/state/threatgraph/history; empty (no
// history kept) when none can be told.
std::string query_history_file();

} // namespace tg::cli
