// `export`: the graph, or the part the view options select, in a format another tool reads.
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/new_folder.hpp"
#include "cli/view_options.hpp"
#include "core/error.hpp"
#include "core/output.hpp"
#include "io/file_guard.hpp"
#include "io/neo4j_writer.hpp"
#include "io/text_file.hpp"
#include "query/export_statement.hpp"
#include "render/graphviz_drawings.hpp"

#include <filesystem>

#include <unistd.h>

namespace tg::cli {

int run_export(Context& context, const ExportArgs& args) {
    const auto& graph = context.graph();
    const auto drawings = graphviz_drawings();
    const auto exported = query::export_network(graph, args, drawings.get());
    const auto& format = exported.format;
    const auto& entities = exported.entities;
    const auto& relations = exported.relations;
    if (format != "csv") {
        context.emit(exported.text);
        return kOk;
    }
    const auto& folder = context.options().output;
    if (folder.empty() || folder == "-")
        throw UsageError("a csv export is two files, entities.csv and relations.csv", "say the folder to write them in with -o DIR");
    if (file_exists(folder)) throw UsageError("\"" + folder + "\" is a file; a csv export writes a folder", "choose a folder with -o DIR");
    // The two files are one export: a new folder is written whole, and a previous export's
    // folder is replaced as one change, so no reader ever sees one new file beside one old.
    std::error_code ec;
    const auto dir = folder_path(folder);
    bool previous = false;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        const auto name = entry.path().filename().string();
        if (name != "entities.csv" && name != "relations.csv")
            throw UsageError("\"" + folder + "\" holds other files than a csv export (\"" + name + "\")",
                             "choose a new folder with -o DIR; nothing was written");
        previous = true;
    }
    const auto files = write_neo4j_csv(graph, entities, relations);
    const std::vector<std::pair<std::string, std::string>> pair{{"entities.csv", files.entities}, {"relations.csv", files.relations}};
    if (!previous) {
        write_new_folder(dir.string(), pair);
    } else {
        for (const char* name : {"entities.csv", "relations.csv"})
            if (const auto input = file_read_as((dir / name).string()))
                throw UsageError("refusing to write \"" + (dir / name).string() + "\": it is an input file",
                                 "choose another folder with -o DIR");
        const auto staging = dir.string() + ".new" + std::to_string(::getpid());
        write_new_folder(staging, pair);
        const auto old = dir.string() + ".old" + std::to_string(::getpid());
        replace_folder(dir.string(), staging, old);
        std::filesystem::remove_all(old, ec);
    }
    context.err() << "threatgraph: wrote " << count_of(entities.size(), "entity") << " to " << (dir / "entities.csv").string() << " and "
                  << count_of(relations.size(), "relation") << " to " << (dir / "relations.csv").string() << "\n";
    return kOk;
}

} // namespace tg::cli
