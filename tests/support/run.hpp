#pragma once
// Runs the threatgraph executable as a user would, capturing what it prints and its exit code.
#include <string>
#include <vector>

namespace tg::test {

struct RunResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

// Runs TG_CLI_PATH with `args` (no shell), in `working_dir` when not empty, stdin from /dev/null
// or, when `input_file` is given, from that file.
RunResult run_cli(const std::vector<std::string>& args, const std::string& working_dir = {}, const std::string& input_file = {});

// The same, with Ctrl-C (SIGINT) sent `seconds` after the start, as a user at a terminal would.
RunResult run_cli_interrupted(const std::vector<std::string>& args, double seconds);

// Words of a command line split on spaces; "quoted words" stay together, without their quotes.
std::vector<std::string> split_arguments(const std::string& text);

} // namespace tg::test
