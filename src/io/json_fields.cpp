#include "io/json_fields.hpp"

namespace tg {

std::string text_member(const rapidjson::Value& object, const char* key) {
    if (!object.IsObject()) return {};
    const auto it = object.FindMember(key);
    if (it == object.MemberEnd() || !it->value.IsString()) return {};
    return std::string(it->value.GetString(), it->value.GetStringLength());
}

std::vector<std::string> text_list_member(const rapidjson::Value& object, const char* key) {
    std::vector<std::string> out;
    if (!object.IsObject()) return out;
    const auto it = object.FindMember(key);
    if (it == object.MemberEnd() || !it->value.IsArray()) return out;
    for (const auto& v : it->value.GetArray())
        if (v.IsString()) out.emplace_back(v.GetString(), v.GetStringLength());
    return out;
}

} // namespace tg
