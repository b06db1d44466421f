#pragma once
// How a long computation says how far it got, without knowing where the words go: the CLI
// passes a function that prints to a terminal, a test passes nothing.
#include <functional>
#include <string>

namespace tg {

using ProgressReport = std::function<void(const std::string& line)>;

} // namespace tg
