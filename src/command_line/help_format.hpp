#pragma once
// Help as a user reads it, not as the parser sees it, for every program of threatgraph (the CLI,
// threatgraph-dist): value names without the parser's type marks ("N", not "N:N"), "(required)"
// for what must be given, commands and arguments called so, the options every command takes
// listed in each command's help, and the command's footer (its example) at the end. Also the
// counts every program takes in the same words.
#include <CLI/CLI.hpp>

#include <string>

namespace tg::command_line {

class HelpFormatter : public CLI::Formatter {
public:
    HelpFormatter();
    std::string make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const override;
    std::string make_option_opts(const CLI::Option* option) const override;
    std::string make_usage(const CLI::App* app, std::string name) const override;
};

// An option's value name as help shows it: the name given, without what the parser appended
// after a colon.
std::string value_name(const CLI::Option& option);

// Whether an option takes a value (a flag does not).
bool takes_value(const CLI::Option& option);

// Counts and seeds: whole numbers, never negative (CLI11 would wrap "-1" into a huge unsigned),
// refused otherwise with "expected a whole number of 0 or more, found ...".
const CLI::Validator& count_validator();

} // namespace tg::command_line
