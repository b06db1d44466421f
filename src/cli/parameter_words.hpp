#pragma once
// How the CLI names the library's parameters: the flag that sets each one. The library names a
// parameter in a message with parameter("k"); the CLI shows it as "--k" through this one table.
#include <string>
#include <string_view>
#include <vector>

namespace tg::cli {

struct ParameterFlag {
    std::string_view parameter; // as the library names it (an options field)
    std::string_view flag;      // as the CLI spells it
};

// Every parameter whose flag is not its name with dashes, and every flag a message of the CLI's
// own may hold (the query runner reads those in the query's words).
const std::vector<ParameterFlag>& parameter_flags();

// The flag of a parameter: from the table, else "--" and the name with dashes for underscores.
std::string flag_words(std::string_view parameter);

} // namespace tg::cli
