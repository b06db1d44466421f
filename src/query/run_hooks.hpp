#pragma once
// What a statement tells whoever runs it, apart from its result: the CLI draws a bar and writes
// lines and notes on the error stream; a test or a library user may pass nothing.
#include "core/progress.hpp"

namespace tg::query {

struct RunHooks {
    ProgressMeter meter;     // units of work done towards a total (a bar)
    ProgressReport progress; // a line on what is being done
    ProgressReport note;     // a remark worth the user's attention ("every world is the same")
    ProgressReport remark;   // a file written besides the result ("chart written to out/chart.svg")
};

} // namespace tg::query
