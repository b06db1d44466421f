#pragma once
// One example per command of the CLI, shown at the end of its help and run by the tests from the
// source tree as printed.
#include <string>

namespace tg::cli {

// The command's example ("" for no such command).
const std::string& command_example(const std::string& command);

} // namespace tg::cli
