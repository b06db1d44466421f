#pragma once
// Help as a user reads it, not as the parser sees it: value names without the parser's type
// marks ("N", not "N:N"), "(required)" for what must be given, commands and arguments called
// so, the options every command takes listed in each command's help, and the command's example
// at the end.
#include <CLI/CLI.hpp>

#include <string>

namespace tg::cli {

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

// One example per command, run by the tests from the source tree ("" for no such command).
const std::string& command_example(const std::string& command);

} // namespace tg::cli
