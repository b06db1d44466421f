#include "model/attribute_table.hpp"

#include <cstring>

namespace tg {

namespace {

std::uint64_t bits_of(double d) {
    std::uint64_t b;
    std::memcpy(&b, &d, sizeof b);
    return b;
}

double double_of(std::uint64_t b) {
    double d;
    std::memcpy(&d, &b, sizeof d);
    return d;
}

} // namespace

std::optional<AttributeTable::Column> AttributeTable::column(std::string_view name) const {
    const auto it = by_name_.find(std::string(name));
    if (it == by_name_.end()) return std::nullopt;
    return it->second;
}

AttributeTable::Column AttributeTable::add_column(const std::string& name) {
    const auto [it, added] = by_name_.try_emplace(name, columns_.size());
    if (added) columns_.push_back(ColumnData{name, {}, {}, {}});
    return it->second;
}

void AttributeTable::set(std::size_t row, Column c, const AttributeValue& value) {
    auto& column = columns_[c];
    if (row >= column.tags.size()) {
        column.tags.resize(row + 1, Tag::none);
        column.bits.resize(row + 1, 0);
    }
    if (const auto* d = std::get_if<double>(&value)) {
        column.tags[row] = Tag::number;
        column.bits[row] = bits_of(*d);
    } else if (const auto* b = std::get_if<bool>(&value)) {
        column.tags[row] = Tag::boolean;
        column.bits[row] = *b ? 1 : 0;
    } else {
        column.tags[row] = Tag::text;
        column.bits[row] = column.texts.size();
        column.texts.push_back(std::get<std::string>(value));
    }
}

void AttributeTable::set(std::size_t row, const std::string& name, const Attribute& attribute) {
    const auto c = add_column(name);
    set(row, c, attribute.value);
    const bool extra = !attribute.unit.empty() || attribute.year || !attribute.note.empty() || !attribute.evidence.empty();
    if (extra)
        extras_[{row, c}] = Extras{attribute.unit, attribute.year, attribute.note, attribute.evidence};
    else
        extras_.erase({row, c});
}

std::optional<double> AttributeTable::number(std::size_t row, Column c) const {
    if (tag(row, c) != Tag::number) return std::nullopt;
    return double_of(columns_[c].bits[row]);
}

std::optional<AttributeValue> AttributeTable::value(std::size_t row, Column c) const {
    const auto& column = columns_[c];
    switch (tag(row, c)) {
        case Tag::none:
            return std::nullopt;
        case Tag::number:
            return AttributeValue{double_of(column.bits[row])};
        case Tag::boolean:
            return AttributeValue{column.bits[row] != 0};
        case Tag::text:
            return AttributeValue{std::string(column.texts[column.bits[row]])};
    }
    return std::nullopt;
}

std::optional<Attribute> AttributeTable::attribute(std::size_t row, Column c) const {
    auto v = value(row, c);
    if (!v) return std::nullopt;
    Attribute out{std::move(*v), {}, std::nullopt, {}, {}};
    const auto it = extras_.find({row, c});
    if (it != extras_.end()) {
        out.unit = it->second.unit;
        out.year = it->second.year;
        out.note = it->second.note;
        out.evidence = it->second.evidence;
    }
    return out;
}

std::optional<Attribute> AttributeTable::attribute(std::size_t row, std::string_view name) const {
    const auto c = column(name);
    if (!c) return std::nullopt;
    return attribute(row, *c);
}

Attributes AttributeTable::row(std::size_t row) const {
    Attributes out;
    for (Column c = 0; c < columns_.size(); ++c)
        if (auto a = attribute(row, c)) out.emplace(columns_[c].name, std::move(*a));
    return out;
}

void AttributeTable::fill_missing(std::size_t row, std::size_t other) {
    for (Column c = 0; c < columns_.size(); ++c) {
        if (has(row, c) || !has(other, c)) continue;
        set(row, c, *value(other, c));
        const auto it = extras_.find({other, c});
        if (it != extras_.end()) extras_[{row, c}] = it->second;
    }
}

void AttributeTable::keep_rows(const std::vector<std::uint8_t>& keep) {
    std::vector<std::size_t> renumbered(keep.size());
    std::size_t kept = 0;
    for (std::size_t row = 0; row < keep.size(); ++row) renumbered[row] = keep[row] ? kept++ : kept;
    for (auto& column : columns_) {
        std::size_t out = 0;
        for (std::size_t row = 0; row < column.tags.size(); ++row)
            if (row >= keep.size() || keep[row]) {
                column.tags[out] = column.tags[row];
                column.bits[out] = column.bits[row];
                ++out;
            }
        column.tags.resize(out);
        column.bits.resize(out);
        column.tags.shrink_to_fit();
        column.bits.shrink_to_fit();
    }
    std::map<std::pair<std::size_t, Column>, Extras> extras;
    for (auto& [at, extra] : extras_)
        if (at.first >= keep.size() || keep[at.first])
            extras.emplace(std::make_pair(at.first < keep.size() ? renumbered[at.first] : at.first - (keep.size() - kept), at.second),
                           std::move(extra));
    extras_ = std::move(extras);
}

bool AttributeTable::row_empty(std::size_t row) const {
    for (Column c = 0; c < columns_.size(); ++c)
        if (has(row, c)) return false;
    return true;
}

} // namespace tg
