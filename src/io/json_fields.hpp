#pragma once
// Reading members of a JSON object that the schema has already checked. Internal to io/.
#include <rapidjson/document.h>

#include <string>
#include <vector>

namespace tg {

// The member's text, or empty when it is missing or not a string.
std::string text_member(const rapidjson::Value& object, const char* key);
// The member's strings, skipping items that are not strings; empty when it is missing.
std::vector<std::string> text_list_member(const rapidjson::Value& object, const char* key);

} // namespace tg
