// `review`: the candidates extract wrote, one at a time at the terminal, each with its rule,
// confidence and quoted passage; a key accepts, rejects or skips it, and the verdicts are saved in
// the candidates folder for `build`. --accept-above X accepts the surest proposals without asking.
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/new_folder.hpp"
#include "core/error.hpp"
#include "core/output.hpp"
#include "core/text.hpp"
#include "io/candidates_reader.hpp"
#include "io/graph_data_writer.hpp"
#include "io/source_texts.hpp"
#include "io/text_file.hpp"

#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <ostream>

namespace tg::cli {

namespace fs = std::filesystem;

namespace {

// One proposal as the reviewer sees it.
struct Proposal {
    Review* review;
    std::string what; // "entity argentina [state] \"Argentina\"" or the relation
    const std::vector<Evidence>* evidence;
    double confidence;
};

class Reviewer {
public:
    Reviewer(CandidateFiles& files, const std::string& sources_dir, std::istream& in, std::ostream& out)
        : files_(files), texts_(sources_dir), quote_(!sources_dir.empty()), in_(in), out_(out) {}

    // Asks about every proposal still a candidate, until the reviewer quits or the input ends.
    void run(double accept_above) {
        std::vector<Proposal> pending;
        for (auto& e : files_.entities)
            pending.push_back({&e.review, "entity " + e.item.id + " [" + e.item.kind + "] \"" + e.item.name + "\"", &e.item.evidence,
                               e.review.confidence});
        for (auto& r : files_.relations)
            pending.push_back({&r.review, "relation " + r.item.source + " --" + r.item.type + "--> " + r.item.target, &r.item.evidence,
                               r.item.confidence});
        // The surest first, without asking; then the count of those to ask about.
        for (auto& p : pending)
            if (p.review->status == ReviewStatus::candidate && p.confidence >= accept_above) {
                p.review->status = ReviewStatus::accepted;
                ++accepted_without_asking_;
            }
        std::size_t left = 0;
        for (const auto& p : pending) left += p.review->status == ReviewStatus::candidate;
        std::size_t asked = 0;
        bool quit = false, accept_rest = false;
        double accept_rest_from = 2;
        for (auto& p : pending) {
            if (p.review->status != ReviewStatus::candidate) continue;
            if (accept_rest && p.confidence >= accept_rest_from) {
                p.review->status = ReviewStatus::accepted;
                ++accepted_without_asking_;
                continue;
            }
            if (quit) continue;
            ++asked;
            show(p, asked, left);
            for (;;) {
                out_ << "[a]ccept [r]eject [s]kip, A accept this and every remaining one at least this sure, [q]uit > " << std::flush;
                std::string line;
                if (!std::getline(in_, line)) {
                    quit = true;
                    out_ << "\n";
                    break;
                }
                const auto answer = std::string(trim(line));
                if (answer == "a") {
                    p.review->status = ReviewStatus::accepted;
                } else if (answer == "r") {
                    p.review->status = ReviewStatus::rejected;
                } else if (answer == "s" || answer.empty()) {
                } else if (answer == "A") {
                    p.review->status = ReviewStatus::accepted;
                    accept_rest = true;
                    accept_rest_from = p.confidence;
                } else if (answer == "q") {
                    quit = true;
                } else {
                    out_ << "answer a, r, s, A or q\n";
                    continue;
                }
                break;
            }
        }
    }

    std::size_t accepted_without_asking() const { return accepted_without_asking_; }

private:
    void show(const Proposal& p, std::size_t n, std::size_t of) {
        out_ << "\n[" << n << " of " << of << "] " << p.what << "\n  rule " << p.review->rule << ", confidence "
             << format_number(p.confidence, 2) << "\n";
        for (const auto& e : *p.evidence) {
            out_ << "  at " << e.source << " " << e.section << " " << e.start << "-" << e.end << ": " << e.paraphrase << "\n";
            if (!quote_) continue;
            const SourceDocument* source = nullptr;
            for (const auto& s : files_.sources)
                if (s.id == e.source) source = &s;
            if (const auto passage = source ? texts_.passage(*source, e) : std::nullopt) out_ << wrap(*passage, 100, "  > ");
        }
    }

    CandidateFiles& files_;
    SourceTexts texts_;
    bool quote_;
    std::istream& in_;
    std::ostream& out_;
    std::size_t accepted_without_asking_ = 0;
};

} // namespace

int run_review(Context& context, const ReviewArgs& args) {
    if (context.network())
        throw UsageError("review works on the candidates extract wrote for graph-data", "drop --input and name the graph-data with --data");
    const auto& output = context.options().output;
    const bool to_folder = !output.empty() && output != "-";
    if (to_folder == args.in_place)
        throw UsageError(
            args.in_place ? "choose -o DIR or --in-place, not both" : "review writes the verdicts: say where",
            "-o NEW-DIR writes a reviewed copy; --in-place replaces the candidates folder, keeping its files in a backup beside it");
    if (to_folder) check_new_folder(output, "write the reviewed candidates into a new folder with -o DIR, or use --in-place");
    const fs::path data = folder_path(context.data_dir());
    auto files = read_candidates(args.candidates, (data / "schema" / "graph-data.schema.json").string());
    Reviewer reviewer(files, context.options().sources, std::cin, context.out());
    reviewer.run(args.accept_above);

    std::vector<Entity> entities;
    std::vector<Review> entity_reviews;
    std::size_t accepted = 0, rejected = 0, candidates = 0;
    const auto count = [&](const Review& r) {
        accepted += r.status == ReviewStatus::accepted;
        rejected += r.status == ReviewStatus::rejected;
        candidates += r.status == ReviewStatus::candidate;
    };
    for (const auto& e : files.entities) {
        entities.push_back(e.item);
        entity_reviews.push_back(e.review);
        count(e.review);
    }
    std::vector<Relation> relations;
    std::vector<Review> relation_reviews;
    for (const auto& r : files.relations) {
        relations.push_back(r.item);
        relation_reviews.push_back(r.review);
        count(r.review);
    }
    // The verdicts never overwrite what was read: a new folder (-o), or a reviewed copy put in
    // the folder's place with the previous files kept beside it (--in-place), as build does.
    const fs::path folder = folder_path(args.candidates);
    std::vector<std::pair<std::string, std::string>> written{{"entities.json", write_entities_file(entities, entity_reviews)},
                                                             {"relations.json", write_relations_file(relations, relation_reviews)}};
    std::string where;
    if (to_folder) {
        auto copy = written;
        for (const auto& entry : fs::directory_iterator(folder))
            if (entry.is_regular_file() && entry.path().filename() != "entities.json" && entry.path().filename() != "relations.json")
                copy.emplace_back(entry.path().filename().string(), read_file(entry.path().string()));
        write_new_folder(output, copy);
        where = output;
    } else {
        const auto staging = folder.string() + ".review" + std::to_string(::getpid());
        copy_folder_with(folder.string(), staging, written);
        const auto backup = backup_path(folder.string());
        replace_folder(folder.string(), staging, backup);
        where = folder.string() + " (the previous files are in " + backup + ")";
    }
    context.out() << "review saved in " << where << ": " << accepted << " accepted (" << reviewer.accepted_without_asking()
                  << " without asking), " << rejected << " rejected, " << candidates << " still candidates; merge with: threatgraph build "
                  << (to_folder ? output : folder.string()) << " -o NEW-DATA-DIR\n";
    return kOk;
}

} // namespace tg::cli
