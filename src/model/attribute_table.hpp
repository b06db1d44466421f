#pragma once
// The attributes of every row of a table (entities, or relations), one typed column per
// attribute name: a million ties with a weight cost nine bytes each, not a map each. What
// curated data adds to a value (unit, year, note, evidence) is kept aside for the few rows
// that have it.
#include "model/attribute.hpp"
#include "model/string_column.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace tg {

class AttributeTable {
public:
    using Column = std::size_t;

    std::size_t column_count() const { return columns_.size(); }
    const std::string& column_name(Column c) const { return columns_[c].name; }
    std::optional<Column> column(std::string_view name) const;
    // The column named `name`, added when missing.
    Column add_column(const std::string& name);

    // Sets the row's value in column c, with what curated data says of it besides.
    void set(std::size_t row, Column c, const AttributeValue& value);
    void set(std::size_t row, const std::string& name, const Attribute& attribute);

    bool has(std::size_t row, Column c) const { return tag(row, c) != Tag::none; }
    // The value when it is a number.
    std::optional<double> number(std::size_t row, Column c) const;
    std::optional<AttributeValue> value(std::size_t row, Column c) const;
    std::optional<Attribute> attribute(std::size_t row, Column c) const;
    std::optional<Attribute> attribute(std::size_t row, std::string_view name) const;
    // Every attribute of the row, by name.
    Attributes row(std::size_t row) const;
    bool row_empty(std::size_t row) const;

    // Gives `row` the values of `other` in the columns where it has none.
    void fill_missing(std::size_t row, std::size_t other);
    // Keeps the rows marked in `keep`, renumbered in order.
    void keep_rows(const std::vector<std::uint8_t>& keep);

private:
    enum class Tag : std::uint8_t { none, number, text, boolean };
    struct ColumnData {
        std::string name;
        std::vector<Tag> tags;           // per row, up to the last row set
        std::vector<std::uint64_t> bits; // a number's bits, a text's row in `texts`, or 0/1
        StringColumn texts;
    };
    struct Extras {
        std::string unit;
        std::optional<int> year;
        std::string note;
        std::vector<Evidence> evidence;
    };

    Tag tag(std::size_t row, Column c) const {
        const auto& tags = columns_[c].tags;
        return row < tags.size() ? tags[row] : Tag::none;
    }

    std::vector<ColumnData> columns_;
    std::unordered_map<std::string, Column> by_name_;
    std::map<std::pair<std::size_t, Column>, Extras> extras_;
};

} // namespace tg
