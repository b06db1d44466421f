// `extract`: proposals from a plain-text report (entities, relations, abbreviations), each with
// its rule, confidence and evidence, written as a candidates folder with a review report.
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/new_folder.hpp"
#include "core/error.hpp"
#include "core/output.hpp"
#include "core/text.hpp"
#include "extract/candidates.hpp"
#include "extract/evaluation.hpp"
#include "extract/world_places.hpp"
#include "io/graph_data_writer.hpp"
#include "io/iso_countries.hpp"
#include "io/json_writer.hpp"
#include "io/relation_cues_reader.hpp"
#include "io/source_texts.hpp"
#include "io/text_file.hpp"

#include <algorithm>
#include <filesystem>
#include <ostream>
#include <sstream>

namespace tg::cli {

namespace fs = std::filesystem;

namespace {

// The report as it is on disk: evidence offsets count its bytes, so nothing is converted.
std::string read_report(const std::string& path) {
    if (is_directory(path)) throw UsageError("\"" + path + "\" is a folder", "extract reads one plain-text file");
    auto text = read_file(path);
    const SourceText located(path, text);
    if (const auto nul = text.find('\0'); nul != std::string::npos) {
        const auto at = located.position(nul);
        throw DataError(path + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) +
                            ": a NUL byte: this is a binary file, not text",
                        "extract reads plain UTF-8 text; save a PDF or word-processor report as plain text first (pdftotext, "
                        "or \"Save as > Plain text\")");
    }
    if (const auto bad = find_invalid_utf8(text)) {
        const auto at = located.position(*bad);
        std::ostringstream byte;
        byte << std::hex << std::uppercase << static_cast<unsigned>(static_cast<unsigned char>(text[*bad]));
        throw DataError(path + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": byte 0x" + byte.str() +
                            " is not UTF-8; evidence offsets must count the file's own bytes, so it is not converted",
                        "convert the file first, e.g. iconv -f WINDOWS-1252 -t UTF-8 in.txt > out.txt");
    }
    if (fold_words(text).empty()) throw DataError("\"" + path + "\" has no words to extract from", "give extract a report with text in it");
    return text;
}

std::string confidence_text(double c) { return format_number(c, 2); }

// The places of the world extraction may propose: the countries and territories of Debian's
// iso-codes (English and Spanish names) when it is installed, then the built-in major cities.
std::vector<WorldPlace> world_places(Context& context) {
    std::vector<WorldPlace> places;
    if (fs::exists(kIsoCountriesJson))
        places = read_iso_countries(kIsoCountriesJson, fs::exists(kIsoCountriesSpanish) ? kIsoCountriesSpanish : "");
    else
        context.err() << "threatgraph: note: " << kIsoCountriesJson
                      << " is missing, so countries graph-data lacks are not recognized by name; install the iso-codes package\n";
    auto cities = major_cities();
    places.insert(places.end(), std::make_move_iterator(cities.begin()), std::make_move_iterator(cities.end()));
    return places;
}

class ReviewReport {
public:
    ReviewReport(const Candidates& c, const std::string& text_path, const std::string& sources)
        : c_(c), path_(text_path), texts_(sources), show_passages_(!sources.empty()) {}

    std::string str() {
        std::size_t known = 0;
        for (const auto& e : c_.entities) known += e.known ? 1 : 0;
        std::size_t by_cue = 0, by_route = 0, by_subject = 0;
        for (const auto& r : c_.relations) {
            by_cue += r.review.rule.rfind("cue:", 0) == 0 ? 1 : 0;
            by_route += r.review.rule.rfind("route-pattern", 0) == 0 ? 1 : 0;
            by_subject += r.review.rule == "paragraph-subject" ? 1 : 0;
        }
        out_ << "# Candidates from " << path_ << "\n\n";
        out_ << "Source \"" << c_.source.id << "\"" << (c_.known_source ? " (graph-data already cites this text)" : " (a new source)")
             << ": " << count_of(c_.source.length, "byte") << ", " << count_of(c_.sentence_count, "sentence") << ".\n";
        out_ << "Every proposal has status \"candidate\". Set it to \"accepted\" or \"rejected\" in entities.json and relations.json,\n"
                "fix kinds, names and paraphrases as needed, then merge with: threatgraph build CANDIDATES-DIR -o NEW-DATA-DIR\n\n";

        out_ << "## Entities: " << c_.entities.size() << " (" << known << " known, " << c_.entities.size() - known << " new)\n\n";
        for (const auto& p : c_.entities) {
            out_ << "- " << p.entity.id << " [" << p.entity.kind << "] \"" << p.entity.name << "\"";
            if (!p.entity.aliases.empty()) {
                out_ << (p.known ? ", new aliases: " : ", aliases: ");
                for (std::size_t i = 0; i < p.entity.aliases.size(); ++i) out_ << (i ? ", " : "") << "\"" << p.entity.aliases[i] << "\"";
            }
            const bool described = p.review.rule.rfind("route-pattern", 0) == 0; // a route the text never names
            out_ << "\n  " << (p.known ? "known" : "new") << "; rule " << p.review.rule << "; confidence "
                 << confidence_text(p.review.confidence)
                 << (described ? "; described in " + count_of(p.mentions, "sentence") : "; named " + count_of(p.mentions, "time")) << "\n";
            if (p.entity.kind == "unknown") out_ << "  kind unknown: set one of the ontology's kinds before accepting\n";
            evidence(p.entity.evidence);
        }

        out_ << "\n## Relations: " << c_.relations.size() << " (" << by_cue << " by cue phrase, "
             << (by_route ? std::to_string(by_route) + " of described routes, " : "")
             << c_.relations.size() - by_cue - by_route - by_subject << " by co-occurrence"
             << (by_subject ? ", " + std::to_string(by_subject) + " by paragraph subject" : "") << ")\n\n";
        std::vector<const RelationProposal*> order;
        for (const auto& r : c_.relations) order.push_back(&r);
        std::stable_sort(order.begin(), order.end(),
                         [](const auto* a, const auto* b) { return a->relation.confidence > b->relation.confidence; });
        for (const auto* p : order) {
            const auto& r = p->relation;
            out_ << "- " << r.source << " --" << r.type << "--> " << r.target << "\n  rule " << p->review.rule;
            if (!p->phrase.empty()) out_ << " (\"" << p->phrase << "\")";
            out_ << "; confidence " << confidence_text(r.confidence) << "; "
                 << count_of(p->sentences, p->review.rule == "paragraph-subject" ? "paragraph" : "sentence") << "\n";
            evidence(r.evidence);
        }

        if (!c_.abbreviations.empty()) {
            out_ << "\n## Abbreviations the text defines: " << c_.abbreviations.size() << "\n\n";
            for (const auto& a : c_.abbreviations)
                out_ << "- " << a.short_form << " = " << a.long_form << " (" << a.rule << ", " << confidence_text(a.confidence) << ")\n";
        }
        return out_.str();
    }

private:
    void evidence(const std::vector<Evidence>& list) {
        for (const auto& e : list) {
            out_ << "  at " << e.source << " " << e.section << " " << e.start << "-" << e.end;
            if (!show_passages_) {
                out_ << "\n";
                continue;
            }
            const auto passage = texts_.passage(c_.source, e);
            if (!passage) {
                out_ << " (passage not shown: the --sources folder has no " << c_.source.file << " with this text's SHA-256)\n";
                continue;
            }
            out_ << "\n" << wrap(*passage, 100, "  > ");
        }
    }

    const Candidates& c_;
    std::string path_;
    SourceTexts texts_;
    bool show_passages_;
    std::ostringstream out_;
};

std::string evaluation_text(const Evaluation& e, const std::string& data_dir) {
    std::ostringstream out;
    out << "evaluation against " << data_dir << " (source \"" << e.source << "\")\n";
    TextTable table({"", "precision", "recall", "F1", "matched/proposed", "found/expected"});
    const auto row = [&](const char* what, const Score& s) {
        table.add({what, format_number(s.precision(), 3), format_number(s.recall(), 3), format_number(s.f1(), 3),
                   std::to_string(s.matched) + "/" + std::to_string(s.proposed),
                   std::to_string(s.found) + "/" + std::to_string(s.expected)});
    };
    row("entities", e.entities);
    row("related pairs", e.pairs);
    if (e.split_by_sentence) {
        row("  named in one sentence", e.pairs_within_sentence);
        row("  across sentences", e.pairs_across_sentences);
    }
    row("typed relations", e.typed);
    out << table.str("  ");
    if (!e.missed_entities.empty()) {
        out << "entities not found:";
        for (const auto& id : e.missed_entities) out << " " << id;
        out << "\n";
    }
    if (!e.described_entities.empty()) {
        out << "entities the text only describes (left out of entity recall):";
        for (const auto& id : e.described_entities) out << " " << id;
        out << "\n";
    }
    return out.str();
}

std::string evaluation_json(const Evaluation& e) {
    JsonWriter json;
    json.begin_object().key("source").value(e.source);
    std::vector<std::pair<const char*, const Score*>> scores{{"entities", &e.entities}, {"pairs", &e.pairs}, {"typed", &e.typed}};
    if (e.split_by_sentence) {
        scores.emplace_back("pairs_within_sentence", &e.pairs_within_sentence);
        scores.emplace_back("pairs_across_sentences", &e.pairs_across_sentences);
    }
    for (const auto& [name, s] : scores) {
        json.key(name).begin_object();
        json.key("precision").value(s->precision()).key("recall").value(s->recall()).key("f1").value(s->f1());
        json.key("matched").value(s->matched).key("proposed").value(s->proposed);
        json.key("found").value(s->found).key("expected").value(s->expected);
        json.end_object();
    }
    json.key("missed_entities").begin_array();
    for (const auto& id : e.missed_entities) json.value(id);
    json.end_array().key("described_entities").begin_array();
    for (const auto& id : e.described_entities) json.value(id);
    json.end_array().key("missed_relations").begin_array();
    for (const auto& id : e.missed_relations) json.value(id);
    json.end_array().end_object();
    return json.str();
}

} // namespace

int run_extract(Context& context, const ExtractArgs& args) {
    if (context.format() != OutputFormat::text && !args.evaluate)
        throw UsageError("extract prints its review report as text; --format applies to --evaluate",
                         "the candidates themselves are JSON: write them with -o DIR");
    if (context.format() == OutputFormat::csv) throw UsageError("--evaluate prints text or JSON, not CSV", "use --format json");
    const auto& folder = context.options().output;
    if (!folder.empty() && folder != "-") check_new_folder(folder, "write the candidates into a new folder with -o DIR");
    const auto text = read_report(args.text);
    const auto& graph = context.graph();
    if (context.network())
        throw UsageError("extract proposes graph-data candidates; --input networks have no names or ontology to extract with",
                         "drop --input and point --data at a graph-data folder");
    const fs::path data(context.data_dir());
    const auto cues =
        read_relation_cues((data / "relation-cues.json").string(), (data / "schema" / "graph-data.schema.json").string(), graph.ontology());
    auto candidates = extract_candidates(text, args.text, graph, cues, world_places(context));
    if (args.min_confidence > 0) {
        auto& list = candidates.relations;
        list.erase(std::remove_if(list.begin(), list.end(),
                                  [&](const RelationProposal& r) { return r.relation.confidence < args.min_confidence; }),
                   list.end());
    }

    const auto report = ReviewReport(candidates, args.text, context.options().sources).str();
    if (args.evaluate) {
        const auto evaluation = evaluate(candidates, graph, 0, text);
        context.out() << (context.format() == OutputFormat::json ? evaluation_json(evaluation)
                                                                 : evaluation_text(evaluation, context.data_dir()));
        if (folder.empty() || folder == "-") return kOk;
    }
    if (folder.empty() || folder == "-") {
        context.emit(report);
        return kOk;
    }
    std::vector<Entity> entities;
    std::vector<Review> entity_reviews;
    for (const auto& p : candidates.entities) {
        entities.push_back(p.entity);
        entity_reviews.push_back(p.review);
    }
    std::vector<Relation> relations;
    std::vector<Review> relation_reviews;
    for (const auto& p : candidates.relations) {
        relations.push_back(p.relation);
        relation_reviews.push_back(p.review);
    }
    write_new_folder(folder, {{"entities.json", write_entities_file(entities, entity_reviews)},
                              {"relations.json", write_relations_file(relations, relation_reviews)},
                              {"sources.json", write_sources_file({candidates.source})},
                              {"review.md", report}});
    context.out() << "proposed " << count_of(entities.size(), "entity") << " and " << count_of(relations.size(), "relation") << " from "
                  << args.text << " into " << folder << "; review " << (fs::path(folder) / "review.md").string() << "\n";
    return kOk;
}

} // namespace tg::cli
