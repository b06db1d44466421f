#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "core/error.hpp"
#include "io/graph_data_loader.hpp"
#include "io/json_writer.hpp"
#include "io/relation_cues_reader.hpp"
#include "io/text_file.hpp"

#include <filesystem>

namespace tg::cli {

namespace {

void write_diagnostics_json(JsonWriter& json, const std::vector<Diagnostic>& diagnostics) {
    json.key("diagnostics").begin_array();
    for (const auto& d : diagnostics) {
        json.begin_object();
        json.key("file").value(d.file_name());
        if (d.source) {
            const auto at = d.position();
            json.key("line").value(at.line).key("column").value(at.column);
        }
        json.key("severity").value(d.severity == Severity::error ? "error" : d.severity == Severity::warning ? "warning" : "note");
        json.key("code").value(d.code).key("message").value(d.message);
        if (!d.hint.empty()) json.key("hint").value(d.hint);
        json.end_object();
    }
    json.end_array();
}

} // namespace

int run_validate(Context& context) {
    if (context.using_input()) {
        // A network that reads is valid; read errors throw with their position.
        const auto& graph = context.graph();
        const auto* network = context.network();
        if (context.format() == OutputFormat::json) {
            JsonWriter json;
            json.begin_object().key("valid").value(true).key("input").value(context.options().input);
            json.key("format").value(network_format_name(network->format));
            json.key("nodes").value(graph.entity_count()).key("edges").value(graph.relation_count());
            json.key("merged_ties").value(network->merged_ties).key("self_loops").value(network->self_loops);
            write_diagnostics_json(json, network->notices);
            json.end_object();
            context.emit(json.str());
        } else {
            context.emit(context.options().input + " is valid: " + std::to_string(graph.entity_count()) + " nodes, " +
                         std::to_string(graph.relation_count()) + " edges (" + network_format_name(network->format) +
                         (graph.directed() ? ", directed" : ", undirected") + ")\n");
        }
        return kOk;
    }
    const auto dir = context.data_dir();
    auto check = check_graph_data(dir, context.options().sources);
    // The cue lexicon extract reads, when the folder has one: checked here, not first by extract.
    const auto cues = (std::filesystem::path(dir) / "relation-cues.json").string();
    if (check.graph && file_exists(cues)) {
        try {
            read_relation_cues(cues, (std::filesystem::path(dir) / "schema" / "graph-data.schema.json").string(), check.graph->ontology());
        } catch (const DataError& e) {
            auto problems = e.diagnostics();
            if (problems.empty()) problems.push_back({Severity::error, nullptr, cues, 0, 0, "relation-cues", e.what(), e.hint()});
            check.diagnostics.insert(check.diagnostics.end(), problems.begin(), problems.end());
            check.graph.reset();
        }
    }
    const auto errors = count_errors(check.diagnostics);
    const bool valid = check.graph != nullptr;
    if (context.format() == OutputFormat::json) {
        JsonWriter json;
        json.begin_object().key("valid").value(valid).key("data").value(dir);
        if (valid) json.key("entities").value(check.graph->entity_count()).key("relations").value(check.graph->relation_count());
        json.key("errors").value(errors).key("warnings").value(check.diagnostics.size() - errors);
        json.key("verified_sources").begin_array();
        for (const auto& s : check.verified_sources) json.value(s);
        json.end_array();
        write_diagnostics_json(json, check.diagnostics);
        json.end_object();
        context.emit(json.str());
        return valid ? kOk : kDataError;
    }
    context.report(check.diagnostics);
    std::string line;
    if (valid) {
        line = dir + " is valid: " + std::to_string(check.graph->entity_count()) + " entities, " +
               std::to_string(check.graph->relation_count()) + " relations";
        if (!check.verified_sources.empty())
            line += ", evidence checked against " + std::to_string(check.verified_sources.size()) + " source text" +
                    (check.verified_sources.size() == 1 ? "" : "s");
        if (!check.diagnostics.empty()) line += " (" + diagnostic_counts(check.diagnostics) + ")";
    } else {
        line = dir + " is not valid: " + diagnostic_counts(check.diagnostics);
    }
    context.emit(line + "\n");
    return valid ? kOk : kDataError;
}

} // namespace tg::cli
