// `import`: an exported graph back into a graph-data folder of its own, checked like the bundled one.
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/new_folder.hpp"
#include "core/error.hpp"
#include "core/fuzzy.hpp"
#include "core/output.hpp"
#include "io/graph_data_loader.hpp"
#include "io/graph_data_writer.hpp"
#include "io/graph_import.hpp"
#include "io/text_file.hpp"

#include <filesystem>
#include <ostream>
#include <set>

namespace tg::cli {

namespace fs = std::filesystem;

int run_import(Context& context, const ImportArgs& args) {
    const auto& folder = context.options().output;
    if (folder.empty() || folder == "-") throw UsageError("an import writes a graph-data folder", "say which new folder with -o DIR");
    std::optional<ImportFormat> format;
    if (!args.from.empty()) {
        static const std::vector<std::string> names{"graphml", "json", "csv"};
        format = parse_import_format(names[choose_name(args.from, names, "import format")]);
    }
    check_new_folder(folder, "import into a new folder with -o DIR");
    auto imported = import_graph(args.path, format);
    context.report(imported.notices);

    // The ontology, the source list and the schema come from the graph-data the export was made
    // from (--data), because exports carry entities and relations, not the vocabulary.
    const fs::path base(context.data_dir());
    std::vector<std::pair<std::string, std::string>> files{
        {"entities.json", write_entities_file(imported.entities)},
        {"relations.json", write_relations_file(imported.relations)},
        {"ontology.json", read_file((base / "ontology.json").string())},
        {"sources.json", read_file((base / "sources.json").string())},
        {"schema/graph-data.schema.json", read_file((base / "schema" / "graph-data.schema.json").string())}};

    write_new_folder(folder, files);

    auto check = check_graph_data(folder, context.options().sources);
    std::set<std::string> known;
    if (check.graph)
        for (const auto& s : check.graph->sources()) known.insert(s.id);
    const std::string counts = count_of(imported.entities.size(), "entity") + " and " + count_of(imported.relations.size(), "relation");
    if (count_errors(check.diagnostics) > 0)
        throw DataError("imported " + counts + " into " + folder +
                            ", but it is not valid graph-data: " + diagnostic_counts(check.diagnostics),
                        check.diagnostics);
    context.report(check.diagnostics);
    for (const auto& id : imported.sources)
        if (!known.count(id))
            context.err() << "threatgraph: warning: the export names source \"" << id << "\", which " << base.string()
                          << "/sources.json does not list\n";
    context.out() << "imported " << counts << " from " << args.path << " into " << folder << ": valid graph-data\n";
    return kOk;
}

} // namespace tg::cli
