// The threatgraph Python module's native part (threatgraph._threatgraph): a graph loaded from
// graph-data or read from a network file, and every statement of the query language run on it,
// each result handed back as the Python objects the CLI's JSON holds. The Python package around
// it (src/python/threatgraph/__init__.py) adds the analyses as methods and NetworkX conversion.
// A layer on top of the library, beside the CLI: it may include every layer but cli.
#include "core/error.hpp"
#include "io/graph_data_loader.hpp"
#include "io/graph_data_writer.hpp"
#include "io/graph_import.hpp"
#include "io/network_reader.hpp"
#include "io/node_link_writer.hpp"
#include "io/source_texts.hpp"
#include "io/text_file.hpp"
#include "query/binder.hpp"
#include "query/evidence.hpp"
#include "query/executor.hpp"
#include "query/result_writer.hpp"
#include "query/statements.hpp"
#include "render/graphviz_drawings.hpp"

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <stdlib.h>

#include <cmath>
#include <filesystem>
#include <memory>
#include <numeric>
#include <sstream>

namespace py = pybind11;

namespace tg::python {

namespace {

// The message a user acts on: the diagnostics with their file, line and column, the error, the hint.
std::string message_of(const Error& e) {
    std::string out;
    if (const auto* data = dynamic_cast<const DataError*>(&e))
        for (const auto& d : data->diagnostics()) out += format_diagnostic(d);
    out += e.message(bare_name);
    if (const auto hint = e.hint(bare_name); !hint.empty()) out += "\nhint: " + hint;
    return out;
}

// A value as the query language writes it, for a clause of this type.
std::string query_value(const py::handle& value, query::ValueType type) {
    using V = query::ValueType;
    if (py::isinstance<py::bool_>(value)) throw ParameterError("a true or false is no value for this clause");
    if (py::isinstance<py::int_>(value) || py::isinstance<py::float_>(value)) {
        const auto number = value.cast<double>();
        if (!std::isfinite(number)) throw ParameterError("a value must be a finite number");
        std::ostringstream out;
        out.precision(17);
        out << number;
        return out.str();
    }
    if (!py::isinstance<py::str>(value))
        throw ParameterError("a value must be a string or a number, not " + std::string(py::str(value.get_type())));
    const auto text = value.cast<std::string>();
    const bool word = type == V::measure || type == V::choice || type == V::kind || type == V::relation_type || type == V::domain ||
                      type == V::selection || type == V::date;
    if (word) return text;
    std::string quoted = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') quoted += '\\';
        if (c == '\n')
            quoted += "\\n";
        else
            quoted += c;
    }
    return quoted + "\"";
}

std::string query_values(const py::handle& value, query::Shape shape, query::ValueType type) {
    if (shape == query::Shape::expression) return value.cast<std::string>(); // a filter, as written
    if (shape == query::Shape::list && !py::isinstance<py::str>(value) && py::isinstance<py::iterable>(value)) {
        std::string out;
        for (const auto& item : value) out += (out.empty() ? "" : ", ") + query_value(item, type);
        return out;
    }
    return query_value(value, type);
}

// A keyword argument's clause: max_hops is MAX HOPS, from_ is FROM (from is Python's).
std::string clause_keyword(std::string name) {
    if (!name.empty() && name.back() == '_') name.pop_back();
    for (auto& c : name)
        if (c == '_') c = ' ';
    return name;
}

} // namespace

class Graph {
public:
    Graph(std::unique_ptr<KnowledgeGraph> graph, query::GraphOrigin origin, const std::string& sources, bool declined,
          const std::string& output_folder, std::vector<std::string> notices)
        : graph_(std::move(graph)), notices_(std::move(notices)) {
        passages_ = std::make_unique<Passages>(*graph_, sources, declined);
        query::ExecutorSetup setup;
        setup.origin = std::move(origin);
        setup.output_folder = output_folder;
        setup.drawings = graphviz_drawings();
        executor_ = std::make_unique<query::Executor>(*graph_, std::move(setup));
    }

    // Runs every statement of `text`; one Python object per statement, as the CLI's JSON says.
    py::list query(const std::string& text) {
        std::vector<Diagnostic> diagnostics;
        query::QueryFile parsed;
        const auto source = std::make_shared<SourceText>("query", text);
        const auto bound = query::compile_query(source, *graph_, diagnostics, parsed, executor_->selection_names());
        if (const auto errors = count_errors(diagnostics); errors > 0)
            throw DataError("the query has " + std::to_string(errors) + (errors == 1 ? " error" : " errors") + "; nothing ran",
                            std::move(diagnostics));
        py::module_ json = py::module_::import("json");
        py::list results;
        for (const auto& statement : bound.statements) {
            const auto result = executor_->run(statement);
            const auto written =
                query::write_result(*graph_, result, OutputFormat::json, bare_name, [this]() -> Passages& { return *passages_; });
            results.append(json.attr("loads")(written));
        }
        return results;
    }

    // One statement from a verb, its argument and its clauses as keyword arguments.
    py::object run(const std::string& verb, const py::object& argument, const py::kwargs& clauses) {
        const auto* spec = query::find_statement(verb);
        if (!spec) throw ParameterError("no statement \"" + verb + "\"", "statements: " + join_words(query::statement_verbs()));
        std::string text = spec->verb;
        if (!argument.is_none()) {
            if (spec->argument == query::Shape::none) throw ParameterError(verb + " takes no argument");
            text += " " + query_values(argument, spec->argument, spec->argument_type);
        } else if (spec->argument_required) {
            throw ParameterError(verb + " needs its argument: " + spec->argument_help);
        }
        for (const auto& [key, value] : clauses) {
            const auto keyword = clause_keyword(key.cast<std::string>());
            const auto clause =
                std::find_if(spec->clauses.begin(), spec->clauses.end(), [&](const auto& c) { return c.keyword == keyword; });
            if (clause == spec->clauses.end()) {
                std::vector<std::string> names;
                for (const auto& c : spec->clauses) names.push_back(c.keyword);
                throw ParameterError(verb + " has no clause \"" + keyword + "\"", "its clauses: " + join_words(names));
            }
            if (clause->shape == query::Shape::none) {
                if (!py::isinstance<py::bool_>(value)) throw ParameterError(keyword + " is a switch: give True or False");
                if (value.cast<bool>()) text += " " + keyword;
                continue;
            }
            if (value.is_none()) continue;
            text += " " + keyword + " " + query_values(value, clause->shape, clause->type);
        }
        py::list results = query(text + "\n");
        return results[0];
    }

    // The whole graph as node-link JSON (threatgraph's export), as Python objects.
    py::object node_link() const {
        std::vector<EntityIndex> entities(graph_->entity_count());
        std::iota(entities.begin(), entities.end(), EntityIndex{0});
        std::vector<RelationIndex> relations(graph_->relation_count());
        std::iota(relations.begin(), relations.end(), RelationIndex{0});
        return py::module_::import("json").attr("loads")(write_node_link(*graph_, entities, relations));
    }

    std::size_t entity_count() const { return graph_->entity_count(); }
    std::size_t relation_count() const { return graph_->relation_count(); }
    bool directed() const { return graph_->directed(); }
    const std::vector<std::string>& notices() const { return notices_; }
    std::vector<std::string> selections() const { return executor_->selection_names(); }

private:
    static std::string join_words(const std::vector<std::string>& words) {
        std::string out;
        for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
        return out;
    }

    std::unique_ptr<KnowledgeGraph> graph_;
    std::unique_ptr<Passages> passages_;
    std::unique_ptr<query::Executor> executor_;
    std::vector<std::string> notices_;
};

namespace {

std::vector<std::string> notice_lines(const std::vector<Diagnostic>& notices) {
    std::vector<std::string> out;
    for (const auto& d : notices) {
        auto line = format_diagnostic(d);
        while (!line.empty() && line.back() == '\n') line.pop_back();
        out.push_back(line);
    }
    return out;
}

std::unique_ptr<Graph> load(const std::string& data, const py::object& sources, bool quotes, const std::string& output_folder) {
    std::vector<Diagnostic> warnings;
    auto graph = std::make_unique<KnowledgeGraph>(load_graph_data(data, {}, &warnings));
    std::string dir = sources.is_none() ? std::string() : py::str(sources).cast<std::string>();
    if (dir.empty() && quotes) dir = discover_source_folder(data, graph->sources());
    query::GraphOrigin origin;
    origin.path = data;
    return std::make_unique<Graph>(std::move(graph), std::move(origin), quotes ? dir : std::string(), !quotes, output_folder,
                                   notice_lines(warnings));
}

std::unique_ptr<Graph> read(const std::string& path, const std::string& format, bool undirected, const std::string& self_loops,
                            const std::string& merge, const std::string& output_folder) {
    NetworkOptions options;
    options.path = path;
    if (!format.empty()) {
        options.format = parse_network_format(format);
        if (!options.format) throw UsageError("unknown network format \"" + format + "\"");
    }
    options.undirected = undirected;
    if (self_loops != "keep" && self_loops != "drop") throw UsageError("self_loops is \"keep\" or \"drop\", not \"" + self_loops + "\"");
    options.self_loops = self_loops == "drop" ? SelfLoops::drop : SelfLoops::keep;
    const auto rule = parse_merge_rule(merge);
    if (!rule) throw UsageError("merge is first, last, sum or max, not \"" + merge + "\"");
    options.merge = *rule;
    auto imported = read_network(options);
    query::GraphOrigin origin;
    origin.path = path;
    origin.format = network_format_name(imported.format);
    origin.merged_ties = imported.merged_ties;
    return std::make_unique<Graph>(std::move(imported.graph), std::move(origin), std::string(), true, output_folder,
                                   notice_lines(imported.notices));
}

// An export (node-link JSON, GraphML, the Neo4j CSV pair) back as a full graph: its entities and
// relations with the ontology, sources and schema of `data`, checked as graph-data is, through a
// graph-data folder of its own that is removed afterwards.
std::unique_ptr<Graph> import_export(const std::string& path, const std::string& data, const std::string& format,
                                     const std::string& output_folder) {
    namespace fs = std::filesystem;
    std::optional<ImportFormat> chosen;
    if (!format.empty()) {
        chosen = parse_import_format(format);
        if (!chosen) throw UsageError("unknown import format \"" + format + "\"", "use json, graphml or csv");
    }
    auto imported = import_graph(path, chosen);
    std::string pattern = (fs::temp_directory_path() / "threatgraph-import-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw IoError("cannot make a temporary folder in " + fs::temp_directory_path().string());
    const fs::path folder(pattern);
    struct Remove {
        fs::path path;
        ~Remove() {
            std::error_code ec;
            fs::remove_all(path, ec);
        }
    } remove{folder};
    const fs::path base(data);
    fs::create_directories(folder / "schema");
    write_file_atomically((folder / "entities.json").string(), write_entities_file(imported.entities));
    write_file_atomically((folder / "relations.json").string(), write_relations_file(imported.relations));
    for (const char* name : {"ontology.json", "sources.json", "schema/graph-data.schema.json"})
        write_file_atomically((folder / name).string(), read_file((base / name).string()));
    std::vector<Diagnostic> warnings;
    auto graph = std::make_unique<KnowledgeGraph>(load_graph_data(folder.string(), {}, &warnings));
    for (const auto& d : imported.notices) warnings.push_back(d);
    query::GraphOrigin origin;
    origin.path = path;
    const auto sources = discover_source_folder(data, graph->sources());
    return std::make_unique<Graph>(std::move(graph), std::move(origin), sources, false, output_folder, notice_lines(warnings));
}

} // namespace

} // namespace tg::python

PYBIND11_MODULE(_threatgraph, m) {
    using tg::python::Graph;
    m.doc() = "threatgraph's engine: graphs of transnational threat networks and every analysis of its query language";
    static py::exception<tg::Error> error(m, "Error");
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const tg::Error& e) {
            error(tg::python::message_of(e).c_str());
        }
    });
    py::class_<Graph>(m, "Graph")
        .def("query", &Graph::query, py::arg("text"),
             "Runs every statement of a query; a list with one result per statement, as the CLI's JSON holds it.")
        .def("run", &Graph::run, py::arg("verb"), py::arg("argument") = py::none(),
             "Runs one statement: its verb, its argument, and its clauses as keyword arguments (max_hops=3 is MAX HOPS 3).")
        .def("node_link", &Graph::node_link, "The whole graph as threatgraph's node-link JSON, as Python objects.")
        .def("__len__", &Graph::entity_count)
        .def_property_readonly("entity_count", &Graph::entity_count)
        .def_property_readonly("relation_count", &Graph::relation_count)
        .def_property_readonly("directed", &Graph::directed)
        .def_property_readonly("notices", &Graph::notices, "Warnings and notes from loading, one line each.")
        .def_property_readonly("selections", &Graph::selections, "The names LET has given so far.");
    m.def("load", &tg::python::load, py::arg("data"), py::arg("sources") = py::none(), py::arg("quotes") = true,
          py::arg("output_folder") = ".",
          "Loads a graph-data folder. Evidence quotes its source passage when the source texts are found "
          "(sources, else beside the data as the CLI looks); quotes=False keeps to paraphrases.");
    m.def("read_network", &tg::python::read, py::arg("path"), py::arg("format") = "", py::arg("undirected") = false,
          py::arg("self_loops") = "keep", py::arg("merge") = "first", py::arg("output_folder") = ".",
          "Reads a network file as --input does (format guessed when empty).");
    m.def("import_graph", &tg::python::import_export, py::arg("path"), py::arg("data"), py::arg("format") = "",
          py::arg("output_folder") = ".",
          "Reads an export (node-link JSON, GraphML or the Neo4j CSV folder) back as a full graph, with the ontology and "
          "sources of the graph-data folder `data`, as `threatgraph import` does.");
    m.def("statements", &tg::query::statement_verbs, "The statements of the query language.");
}
