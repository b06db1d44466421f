#pragma once
// A fact about an entity or relation that is a value rather than a link:
// a seizure of 15,705 kg of cocaine in 2017, a budget, a count of nations.
#include "model/evidence.hpp"

#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace tg {

using AttributeValue = std::variant<double, std::string, bool>;

struct Attribute {
    AttributeValue value;
    std::string unit;        // "kg", "USD", "percent"; empty when the value has none
    std::optional<int> year; // the year the figure refers to
    std::string note;
    std::vector<Evidence> evidence;
};

using Attributes = std::map<std::string, Attribute>;

// The value as text: numbers without trailing zeros, booleans as true/false.
std::string format_value(const AttributeValue& value);

} // namespace tg
