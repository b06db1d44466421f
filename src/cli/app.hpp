#pragma once
// The threatgraph command line: parses arguments, runs one command, and turns every failure
// into one clear message and a documented exit code.
#include <iosfwd>

namespace tg::cli {

enum ExitCode : int { kOk = 0, kDataError = 1, kUsageError = 2, kIoError = 3, kInternalError = 70, kInterrupted = 130 };

int run(int argc, char** argv, std::ostream& out, std::ostream& err);

} // namespace tg::cli
