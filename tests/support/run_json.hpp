#pragma once
// Runs threatgraph with --format json on the bundled graph-data and reads what it prints, for
// tests that check an output's numbers rather than its text.
#include <rapidjson/document.h>

#include <string>
#include <vector>

namespace tg::test {

// The JSON `threatgraph --data graph-data --no-quotes --format json COMMAND...` prints; a test
// failure (with the error stream) unless it exits 0 with valid JSON.
rapidjson::Document graph_data_json(const std::vector<std::string>& command);

} // namespace tg::test
