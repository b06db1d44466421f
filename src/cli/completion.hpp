#pragma once
// Shell completion scripts for bash and zsh, generated from the command line's own definition
// (commands, their options, the values an option takes), so they never drift from it.
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace tg::cli {

// The words an option's value may be: its choices (from the library's own lists, or a value name
// such as keep|drop), ":file" or ":dir" for a path, or nothing when any text goes.
std::vector<std::string> option_values(const CLI::Option& option);

std::string bash_completion(const CLI::App& app);
std::string zsh_completion(const CLI::App& app);

} // namespace tg::cli
