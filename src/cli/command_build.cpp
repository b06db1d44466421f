// `build`: a reviewed candidates folder merged into graph-data, as a new folder or in place
// (after a backup), and checked like the bundled data before anything replaces it.
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/new_folder.hpp"
#include "core/error.hpp"
#include "core/output.hpp"
#include "extract/merge.hpp"
#include "io/candidates_reader.hpp"
#include "io/graph_data_loader.hpp"
#include "io/graph_data_writer.hpp"
#include "io/text_file.hpp"

#include <unistd.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <ostream>

namespace tg::cli {

namespace fs = std::filesystem;

namespace {

// The files of a graph-data folder the merge does not rewrite, carried over as they are: only
// those graph-data defines, read through links, so a link to elsewhere copies nothing else.
std::vector<std::pair<std::string, std::string>> carried_files(const fs::path& data) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const char* name : {"ontology.json", "schema/graph-data.schema.json", "relation-cues.json", "README.md"}) {
        const auto path = data / name;
        if (name == std::string("relation-cues.json") || name == std::string("README.md")) {
            std::error_code ec;
            if (!fs::exists(path, ec)) continue; // optional
        }
        out.emplace_back(name, read_file(path.string()));
    }
    return out;
}

std::string summary(const Merge& m) {
    return count_of(m.new_entities, "new entity") + ", " + std::to_string(m.merged_entities) + " into existing ones (" +
           std::to_string(m.new_aliases) + (m.new_aliases == 1 ? " new alias" : " new aliases") + "), " +
           count_of(m.new_relations, "new relation") + ", " + std::to_string(m.merged_relations) + " into existing ones, " +
           count_of(m.new_sources, "new source") + "; left out " + std::to_string(m.rejected) + " rejected and " +
           std::to_string(m.unreviewed) + " unreviewed";
}

} // namespace

int run_build(Context& context, const BuildArgs& args) {
    const auto& folder = context.options().output;
    const bool to_folder = !folder.empty() && folder != "-";
    if (to_folder == args.in_place)
        throw UsageError(args.in_place ? "choose -o DIR or --in-place, not both" : "build writes graph-data: say where",
                         "-o NEW-DIR writes a new folder; --in-place rewrites --data's files after a backup");
    if (to_folder) check_new_folder(folder, "merge into a new folder with -o DIR, or into --data with --in-place");
    const auto& base = context.graph();
    if (context.network())
        throw UsageError("build merges into graph-data, not into a network brought with --input",
                         "drop --input and name the graph-data with --data");
    const fs::path data = folder_path(context.data_dir());
    const auto candidates = read_candidates(args.candidates, (data / "schema" / "graph-data.schema.json").string());
    auto merge = merge_candidates(base, candidates);
    if (count_errors(merge.diagnostics) > 0)
        throw DataError("nothing merged: " + diagnostic_counts(merge.diagnostics) + " in " + args.candidates, merge.diagnostics);
    context.report(merge.diagnostics);

    auto files = carried_files(data);
    files.emplace_back("entities.json", write_entities_file(merge.entities));
    files.emplace_back("relations.json", write_relations_file(merge.relations));
    files.emplace_back("sources.json", write_sources_file(merge.sources));

    // In place, the merged graph-data is first a complete copy of --data beside it (any file of
    // the user's own included), then put in its place as one change.
    const auto target = to_folder ? folder : data.string() + ".build" + std::to_string(::getpid());
    if (to_folder) {
        write_new_folder(target, files);
    } else {
        copy_folder_with(data.string(), target, files);
    }
    auto check = check_graph_data(target, context.options().sources);
    if (count_errors(check.diagnostics) > 0) {
        const auto where = to_folder
                               ? "the merged graph-data in " + folder + " is not valid (kept to inspect; remove it before building again): "
                               : data.string() + " is unchanged; the merged graph-data in " + target + " is not valid: ";
        throw DataError(where + diagnostic_counts(check.diagnostics), check.diagnostics);
    }
    // Warnings graph-data had before the merge were reported when it was loaded.
    std::vector<Diagnostic> news;
    if (!check.diagnostics.empty()) {
        const auto before = check_graph_data(data.string(), context.options().sources).diagnostics;
        for (const auto& d : check.diagnostics)
            if (std::none_of(before.begin(), before.end(), [&](const Diagnostic& b) { return b.code == d.code && b.message == d.message; }))
                news.push_back(d);
    }
    context.report(news);
    if (to_folder) {
        context.out() << "merged " << args.candidates << " into " << folder << ": " << summary(merge) << "; valid graph-data\n";
        return kOk;
    }

    // In place: the merged folder takes --data's place in one rename, and the old folder is kept
    // beside it under a name never used before (two builds in one second get two).
    const auto backup = backup_path(data.string());
    replace_folder(data.string(), target, backup);
    context.out() << "merged " << args.candidates << " into " << data.string() << ": " << summary(merge) << "; valid graph-data; "
                  << "the previous files are in " << backup << "\n";
    return kOk;
}

} // namespace tg::cli
