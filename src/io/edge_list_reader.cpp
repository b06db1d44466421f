#include "io/edge_list_reader.hpp"

#include "core/error.hpp"
#include "core/huge_pages.hpp"
#include "io/edge_list_scan.hpp"

#include <algorithm>
#include <array>
#include <exception>
#include <thread>

namespace tg {

namespace {

constexpr std::size_t kParallelText = std::size_t{4} << 20; // bytes from which two threads parse
// The ties of part of the text as the numbers their labels are; `numeric` turns false at the
// first other label, and the error of a malformed line is kept for the caller to throw.
struct NumberedTies {
    std::vector<std::uint32_t> from, to;
    ListedWeights weights;
    bool numeric = true;
    std::exception_ptr error;
};

struct NotNumbers {};

void number_ties(const SourceTextPtr& source, std::size_t begin, std::size_t end, std::size_t room, NumberedTies& part) {
    try {
        reserve_huge(part.from, room), reserve_huge(part.to, room);
        scan_edge_list(
            source,
            [&](const TieLine& tie) {
                const auto a = small_number(tie.from), b = small_number(tie.to);
                if (!a || !b) throw NotNumbers{};
                part.weights.add(tie.weight, part.from.size());
                part.from.push_back(*a), part.to.push_back(*b);
            },
            begin, end);
    } catch (const NotNumbers&) {
        part.numeric = false;
    } catch (...) {
        part.error = std::current_exception();
    }
}

} // namespace

void read_edge_list(const SourceTextPtr& source, NetworkBuilder& builder) {
    const auto& text = source->content();
    const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;

    // Numbers first: a large text is parsed in two halves on two threads, then the numbers
    // become nodes in order of first appearance (the source before the target).
    std::array<NumberedTies, 2> parts;
    {
        const std::size_t middle = text.size() >= kParallelText ? std::min(text.find('\n', text.size() / 2), text.size()) : text.size();
        std::thread helper;
        if (middle < text.size()) helper = std::thread([&] { number_ties(source, middle + 1, text.size(), lines, parts[1]); });
        number_ties(source, 0, middle, lines, parts[0]);
        if (helper.joinable()) helper.join();
    }
    if (parts[0].error) std::rethrow_exception(parts[0].error);
    if (parts[0].numeric && parts[1].error) std::rethrow_exception(parts[1].error);
    if (parts[0].numeric && parts[1].numeric) {
        // The first part's arrays have room for every line: the ties are written into them.
        const std::size_t first_count = parts[0].from.size();
        auto from = std::move(parts[0].from), to = std::move(parts[0].to);
        from.resize(first_count + parts[1].from.size()), to.resize(from.size());
        ListedWeights weights;
        std::size_t kept = 0;
        const auto keep = [&](std::uint32_t a_number, std::uint32_t b_number, const std::optional<double>& weight) {
            const auto a = builder.numbered_node(a_number);
            const auto b = builder.numbered_node(b_number);
            if (!builder.keeps_tie(a, b)) return;
            weights.add(weight, kept);
            from[kept] = a, to[kept] = b;
            ++kept;
        };
        for (std::size_t i = 0; i < first_count; ++i) keep(from[i], to[i], parts[0].weights.listed(i));
        for (std::size_t i = 0; i < parts[1].from.size(); ++i) keep(parts[1].from[i], parts[1].to[i], parts[1].weights.listed(i));
        parts = {};
        from.resize(kept), to.resize(kept);
        builder.take_ties(std::move(from), std::move(to), std::move(weights));
        return;
    }
    // Some label is a name: the text is read again, each label looked up as it comes.
    parts = {};
    scan_edge_list(source, [&](const TieLine& tie) {
        const auto a = builder.node(tie.from);
        builder.add_tie(a, builder.node(tie.to), tie.weight);
    });
}

} // namespace tg
