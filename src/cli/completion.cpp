#include "cli/completion.hpp"

#include "analysis/centrality.hpp"
#include "command_line/help_format.hpp"
#include "core/text.hpp"
#include "io/network_reader.hpp"
#include "query/export_statement.hpp"
#include "query/render_statement.hpp"

#include <map>

namespace tg::cli {

using command_line::takes_value;
using command_line::value_name;

namespace {

std::vector<std::string> split_on(const std::string& text, char separator) {
    std::vector<std::string> out(1);
    for (const char c : text) {
        if (c == separator)
            out.emplace_back();
        else
            out.back().push_back(c);
    }
    return out;
}

std::string joined(const std::vector<std::string>& words, const std::string& between = " ") {
    std::string out;
    for (const auto& word : words) out += (out.empty() ? "" : between) + word;
    return out;
}

std::vector<std::string> with(std::vector<std::string> words, const std::string& more) {
    words.push_back(more);
    return words;
}

std::string long_name(const CLI::Option& option) {
    const auto& names = option.get_lnames();
    return names.empty() ? std::string() : "--" + names.front();
}

// Every spelling of an option: --name and -n.
std::vector<std::string> spellings(const CLI::Option& option) {
    std::vector<std::string> out;
    for (const auto& name : option.get_lnames()) out.push_back("--" + name);
    for (const auto& name : option.get_snames()) out.push_back("-" + name);
    return out;
}

// The options given by name; a command's own --help is left out, the app's stands for it.
std::vector<const CLI::Option*> named_options(const CLI::App& app) {
    std::vector<const CLI::Option*> out;
    for (const auto* option : app.get_options())
        if (option->nonpositional() && (!app.get_parent() || option != app.get_help_ptr())) out.push_back(option);
    return out;
}

// A shell word in single quotes.
std::string quoted(const std::string& text) {
    std::string out = "'";
    for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// The lines of a bash `case` that answer an option's values; `command` scopes them ("*": any).
void bash_value_cases(std::string& out, const std::string& command, const CLI::App& app) {
    for (const auto* option : named_options(app)) {
        const auto values = option_values(*option);
        if (values.empty()) continue;
        std::vector<std::string> patterns;
        // "*" (any command, for the global options) must stay outside the quotes to match.
        for (const auto& spelling : spellings(*option))
            patterns.push_back(command == "*" ? "*" + quoted(" " + spelling) : quoted(command + " " + spelling));
        out += "        " + joined(patterns, "|") + ") ";
        if (values.front() == ":file")
            out += "_threatgraph_files -f ;;\n";
        else if (values.front() == ":dir")
            out += "_threatgraph_files -d ;;\n";
        else
            out += "COMPREPLY=($(compgen -W " + quoted(joined(values)) + " -- \"$cur\")) ;;\n";
    }
}

// Whether any spelling of the app's options takes a value, as a bash word list.
std::vector<std::string> value_options(const CLI::App& app) {
    std::vector<std::string> out;
    for (const auto* option : named_options(app))
        if (takes_value(*option))
            for (const auto& spelling : spellings(*option)) out.push_back(spelling);
    return out;
}

std::vector<std::string> option_words(const CLI::App& app) {
    std::vector<std::string> out;
    for (const auto* option : named_options(app))
        for (const auto& spelling : spellings(*option)) out.push_back(spelling);
    return out;
}

// zsh's escaping inside a single-quoted _arguments spec: ' closes, [ ] : describe.
std::string zsh_text(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c == '\'')
            out += "'\\''";
        else if (c == '[' || c == ']' || c == ':' || c == '\\')
            out += std::string("\\") + c;
        else
            out += c;
    }
    return out;
}

std::string zsh_action(const CLI::Option& option) {
    if (!takes_value(option)) return "";
    const auto values = option_values(option);
    auto name = value_name(option);
    if (name.empty()) name = "value";
    std::string action = ":" + zsh_text(to_lower_ascii(name)) + ":";
    if (values.empty()) return action + " ";
    if (values.front() == ":file") return action + "_files";
    if (values.front() == ":dir") return action + "_files -/";
    return action + "(" + zsh_text(joined(values)) + ")";
}

void zsh_option_specs(std::string& out, const CLI::App& app, const char* indent) {
    for (const auto* option : named_options(app)) {
        const auto names = spellings(*option);
        const auto& description = option->get_description();
        const auto help = "[" + zsh_text(description.substr(0, description.find(';'))) + "]" + zsh_action(*option) + "'";
        const bool repeats = option->get_expected_max() > 1;
        out += indent;
        if (names.size() == 1)
            out += "'" + std::string(repeats ? "*" : "") + names.front() + help;
        else // '(-o --output)'{-o,--output}'[help]:value:action'
            out += (repeats ? std::string("'*'") : "'(" + joined(names) + ")'") + "{" + joined(names, ",") + "}'" + help;
        out += " \\\n";
    }
}

} // namespace

std::vector<std::string> option_values(const CLI::Option& option) {
    static const std::map<std::string, std::vector<std::string>> known{
        {"--measure", with(measure_names(), "edge-betweenness")},
        {"--size-by", measure_names()},
        {"--to", query::export_formats()},
        {"--layout", query::layout_names()},
        {"--input-format", network_format_names()},
        {"--format", {"text", "json", "csv"}},
        {"--merge", {"first", "last", "sum", "max"}},
        {"--lens", {"threat", "counter", "all"}},
    };
    if (!takes_value(option)) return {};
    if (const auto found = known.find(long_name(option)); found != known.end()) return found->second;
    const auto name = value_name(option);
    if (name.find('|') != std::string::npos) {
        std::vector<std::string> words;
        for (const auto& word : split_on(name, '|'))
            if (!word.empty() && to_lower_ascii(word) == word) words.push_back(word); // ATTR is no word to type
        return words;
    }
    if (name == "FILE" || name == "PATH" || name == "FILE..." || name == "PATH...") return {":file"};
    if (name == "DIR" || name == "NEW-DIR") return {":dir"};
    return {};
}

std::string bash_completion(const CLI::App& app) {
    std::vector<std::string> commands;
    for (const auto* sub : app.get_subcommands({})) commands.push_back(sub->get_name());
    std::string out = "# bash completion for threatgraph, generated by 'threatgraph completion bash' from its command line.\n"
                      "_threatgraph_files() {\n"
                      "    compopt -o filenames 2>/dev/null\n"
                      "    COMPREPLY=($(compgen $1 -- \"$cur\"))\n"
                      "}\n\n"
                      "_threatgraph() {\n"
                      "    local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"\" command=\"\" i\n"
                      "    [ \"$COMP_CWORD\" -gt 0 ] && prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n"
                      "    local global_values=" +
                      quoted(" " + joined(value_options(app)) + " ") +
                      "\n"
                      "    # The command is the first word that is no option and no option's value.\n"
                      "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
                      "        local word=\"${COMP_WORDS[i]}\"\n"
                      "        case \"$word\" in\n"
                      "            -*) [[ \"$global_values\" == *\" $word \"* ]] && ((i++)) ;;\n"
                      "            *) command=\"$word\"; break ;;\n"
                      "        esac\n"
                      "    done\n"
                      "    case \"$command $prev\" in\n";
    bash_value_cases(out, "*", app);
    for (const auto* sub : app.get_subcommands({})) bash_value_cases(out, sub->get_name(), *sub);
    out += "        *)\n"
           "            case \"$cur\" in\n"
           "                -*)\n"
           "                    case \"$command\" in\n";
    const auto globals = joined(option_words(app));
    for (const auto* sub : app.get_subcommands({}))
        out += "                        " + quoted(sub->get_name()) + ") COMPREPLY=($(compgen -W " +
               quoted(joined(option_words(*sub)) + " " + globals) + " -- \"$cur\")) ;;\n";
    out += "                        *) COMPREPLY=($(compgen -W " + quoted(globals) +
           " -- \"$cur\")) ;;\n"
           "                    esac ;;\n"
           "                *)\n"
           "                    if [ -z \"$command\" ]; then\n"
           "                        COMPREPLY=($(compgen -W " +
           quoted(joined(commands)) +
           " -- \"$cur\"))\n"
           "                    else\n"
           "                        _threatgraph_files -f\n"
           "                    fi ;;\n"
           "            esac ;;\n"
           "    esac\n"
           "}\n"
           "complete -F _threatgraph threatgraph\n";
    return out;
}

std::string zsh_completion(const CLI::App& app) {
    std::string out = "#compdef threatgraph\n"
                      "# zsh completion for threatgraph, generated by 'threatgraph completion zsh' from its command line.\n\n"
                      "_threatgraph() {\n"
                      "    local curcontext=\"$curcontext\" state line ret=1\n"
                      "    typeset -A opt_args\n"
                      "    local -a globals\n"
                      "    globals=(\n";
    zsh_option_specs(out, app, "        ");
    out += "    )\n"
           "    _arguments -C $globals '1:command:->command' '*::argument:->argument' && ret=0\n"
           "    case $state in\n"
           "        command)\n"
           "            local -a commands\n"
           "            commands=(\n";
    for (const auto* sub : app.get_subcommands({}))
        out += "                " + quoted(sub->get_name() + ":" + zsh_text(sub->get_description())) + "\n";
    out += "            )\n"
           "            _describe -t commands 'threatgraph command' commands && ret=0 ;;\n"
           "        argument)\n"
           "            curcontext=\"${curcontext%:*:*}:threatgraph-$words[1]:\"\n"
           "            case $words[1] in\n";
    for (const auto* sub : app.get_subcommands({})) {
        out += "                " + quoted(sub->get_name()) + ")\n                    _arguments $globals \\\n";
        zsh_option_specs(out, *sub, "                        ");
        out += "                        '*:argument:_files' && ret=0 ;;\n";
    }
    out += "            esac ;;\n"
           "    esac\n"
           "    return ret\n"
           "}\n\n"
           "_threatgraph \"$@\"\n";
    return out;
}

} // namespace tg::cli
