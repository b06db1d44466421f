#include "io/evidence_json.hpp"

#include "io/evidence_writer.hpp"

#include <rapidjson/error/en.h>

#include <cmath>
#include <limits>

namespace tg {

void write_evidence(JsonWriter& json, Span<Evidence> evidence) {
    json.key("evidence");
    write_evidence_list(json, evidence);
}

void write_attributes(JsonWriter& json, const Attributes& attributes) {
    json.key("attributes").begin_object();
    for (const auto& [name, a] : attributes) {
        json.key(name).begin_object().key("value").value(a.value);
        if (!a.unit.empty()) json.key("unit").value(a.unit);
        if (a.year) json.key("year").value(*a.year);
        if (!a.note.empty()) json.key("note").value(a.note);
        if (!a.evidence.empty()) write_evidence(json, a.evidence);
        json.end_object();
    }
    json.end_object();
}

std::string evidence_text(Span<Evidence> evidence) {
    JsonWriter json(false);
    json.begin_object();
    write_evidence(json, evidence);
    json.end_object();
    // The array alone: drop `{"evidence":` and the closing brace.
    std::string text = json.str();
    const auto open = text.find('[');
    const auto close = text.rfind(']');
    return text.substr(open, close - open + 1);
}

namespace {

bool whole_number(const rapidjson::Value& v, std::size_t& into) {
    if (v.IsUint64()) {
        into = static_cast<std::size_t>(v.GetUint64());
        return true;
    }
    if (v.IsDouble() && v.GetDouble() >= 0 && std::floor(v.GetDouble()) == v.GetDouble() && v.GetDouble() < 9e15) {
        into = static_cast<std::size_t>(v.GetDouble());
        return true;
    }
    return false;
}

bool text_member(const rapidjson::Value& object, const char* key, bool required, std::string& into, std::string& problem) {
    const auto it = object.FindMember(key);
    if (it == object.MemberEnd()) {
        if (required) problem = std::string("\"") + key + "\" is missing";
        return !required;
    }
    if (!it->value.IsString()) {
        problem = std::string("\"") + key + "\" must be a string";
        return false;
    }
    into.assign(it->value.GetString(), it->value.GetStringLength());
    return true;
}

bool known_members(const rapidjson::Value& object, std::initializer_list<const char*> keys, std::string& problem) {
    for (const auto& member : object.GetObject()) {
        bool known = false;
        for (const char* k : keys) known = known || member.name == k;
        if (!known) {
            problem = "unexpected member \"" + std::string(member.name.GetString()) + "\"";
            return false;
        }
    }
    return true;
}

} // namespace

bool read_evidence_json(const rapidjson::Value& list, std::vector<Evidence>& into, std::string& problem) {
    if (!list.IsArray()) {
        problem = "evidence must be an array of {source, section, start, end, paraphrase}";
        return false;
    }
    for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
        const auto& item = list[i];
        Evidence e;
        std::string what;
        bool ok = item.IsObject();
        if (!ok) what = "must be an object";
        ok = ok && known_members(item, {"source", "section", "start", "end", "paraphrase", "refers_to", "wording", "standing"}, what);
        ok = ok && text_member(item, "source", true, e.source, what) && text_member(item, "section", true, e.section, what) &&
             text_member(item, "paraphrase", true, e.paraphrase, what) && text_member(item, "refers_to", false, e.refers_to, what) &&
             text_member(item, "wording", false, e.wording, what) && text_member(item, "standing", false, e.standing, what);
        if (ok && !e.wording.empty() && e.wording != "flat" && e.wording != "hedged" && e.wording != "inferred") {
            what = "\"wording\" must be flat, hedged or inferred, not \"" + e.wording + "\"";
            ok = false;
        }
        if (ok && !e.standing.empty() && e.standing != "first-hand" && e.standing != "second-hand") {
            what = "\"standing\" must be first-hand or second-hand, not \"" + e.standing + "\"";
            ok = false;
        }
        for (const char* key : {"start", "end"}) {
            if (!ok) break;
            const auto it = item.FindMember(key);
            std::size_t& field = key[0] == 's' ? e.start : e.end;
            if (it == item.MemberEnd() || !whole_number(it->value, field)) {
                what = std::string("\"") + key + "\" must be a whole number of bytes";
                ok = false;
            }
        }
        if (!ok) {
            problem = "evidence item " + std::to_string(i + 1) + ": " + what;
            return false;
        }
        into.push_back(std::move(e));
    }
    return true;
}

bool read_attributes_json(const rapidjson::Value& object, Attributes& into, std::string& problem) {
    if (!object.IsObject()) {
        problem = "attributes must be an object of {value, unit, year, note, evidence}";
        return false;
    }
    for (const auto& member : object.GetObject()) {
        const std::string name(member.name.GetString(), member.name.GetStringLength());
        const auto& a = member.value;
        Attribute attribute;
        std::string what;
        const auto value_of = [&](const rapidjson::Value& v) {
            if (v.IsNumber())
                attribute.value = v.GetDouble();
            else if (v.IsString())
                attribute.value = std::string(v.GetString(), v.GetStringLength());
            else if (v.IsBool())
                attribute.value = v.GetBool();
            else
                return false;
            return true;
        };
        bool ok = true;
        if (!a.IsObject()) {
            ok = value_of(a);
            if (!ok) what = "must be a number, a string, a boolean or {value, ...}";
        } else {
            const auto value = a.FindMember("value");
            ok = known_members(a, {"value", "unit", "year", "note", "evidence"}, what);
            if (ok && (value == a.MemberEnd() || !value_of(value->value))) {
                what = "\"value\" must be a number, a string or a boolean";
                ok = false;
            }
            ok = ok && text_member(a, "unit", false, attribute.unit, what) && text_member(a, "note", false, attribute.note, what);
            if (ok && a.HasMember("year")) {
                if (!a["year"].IsInt()) {
                    what = "\"year\" must be a whole number";
                    ok = false;
                } else {
                    attribute.year = a["year"].GetInt();
                }
            }
            if (ok && a.HasMember("evidence")) ok = read_evidence_json(a["evidence"], attribute.evidence, what);
        }
        if (!ok) {
            problem = "attribute \"" + name + "\": " + what;
            return false;
        }
        into[name] = std::move(attribute);
    }
    return true;
}

bool read_strings_json(const rapidjson::Value& list, std::vector<std::string>& into, std::string& problem) {
    if (!list.IsArray()) {
        problem = "must be an array of strings";
        return false;
    }
    for (const auto& item : list.GetArray()) {
        if (!item.IsString()) {
            problem = "must be an array of strings";
            return false;
        }
        into.emplace_back(item.GetString(), item.GetStringLength());
    }
    return true;
}

} // namespace tg
