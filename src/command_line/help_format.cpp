#include "command_line/help_format.hpp"

#include <sstream>

namespace tg::command_line {

bool takes_value(const CLI::Option& option) { return option.get_items_expected_max() > 0; }

std::string value_name(const CLI::Option& option) {
    auto name = option.get_type_name();
    return name.substr(0, name.find(':'));
}

HelpFormatter::HelpFormatter() {
    label("SUBCOMMAND", "COMMAND");
    label("Positionals", "Arguments");
    column_width(32);
}

std::string HelpFormatter::make_option_opts(const CLI::Option* option) const {
    std::string out;
    if (!takes_value(*option)) return out;
    const auto name = value_name(*option);
    if (!name.empty()) out += " " + name;
    if (option->get_expected_max() == CLI::detail::expected_max_vector_size && name.find("...") == std::string::npos) out += " ...";
    if (option->get_required()) out += " (required)";
    return out;
}

std::string HelpFormatter::make_usage(const CLI::App* app, std::string name) const {
    std::string out = "Usage: " + name;
    if (app->get_parent()) out += " [GLOBAL OPTIONS]";
    if (!app->get_options([](const CLI::Option* o) { return o->nonpositional(); }).empty()) out += " [OPTIONS]";
    for (const auto* positional : app->get_options([](const CLI::Option* o) { return o->get_positional(); })) {
        auto word = value_name(*positional);
        if (word.empty()) word = positional->get_name();
        out += " " + (positional->get_required() ? word : "[" + word + "]");
    }
    if (!app->get_subcommands({}).empty()) out += " COMMAND";
    return out + "\n";
}

std::string HelpFormatter::make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const {
    if (mode == CLI::AppFormatMode::Sub) return make_expanded(app);
    std::ostringstream out;
    out << make_description(app) << make_usage(app, name) << make_positionals(app) << make_groups(app, mode) << make_subcommands(app, mode);
    if (const auto* parent = app->get_parent()) {
        // What every command takes, before or after the command's name.
        out << "\nGlobal options (before or after the command):\n";
        for (const auto* option : parent->get_options())
            if (option != parent->get_help_ptr() && option != parent->get_version_ptr() && option->nonpositional())
                out << make_option(option, false);
    } else {
        out << "\nRun '" << name << " COMMAND --help' for a command's options and an example.\n";
    }
    out << '\n' << make_footer(app);
    return out.str();
}

const CLI::Validator& count_validator() {
    static const CLI::Validator count(
        [](std::string& input) -> std::string {
            if (input.empty() || input.find_first_not_of("0123456789") != std::string::npos)
                return "expected a whole number of 0 or more, found \"" + input + "\"";
            return {};
        },
        "N");
    return count;
}

} // namespace tg::command_line
