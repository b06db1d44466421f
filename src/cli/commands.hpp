#pragma once
// One function per command; each returns its exit code and throws tg::Error on failure.
#include "cli/context.hpp"

#include <string>

namespace tg::cli {

int run_validate(Context& context);
int run_info(Context& context);

struct ShowArgs {
    std::string entity;
};
int run_show(Context& context, const ShowArgs& args);

struct SearchArgs {
    std::string text;
    std::size_t limit = 10;
};
int run_search(Context& context, const SearchArgs& args);

} // namespace tg::cli
