#pragma once
// A folder under the system temporary directory, removed with everything in it at scope exit.
#include <filesystem>
#include <string>

namespace tg::test {

class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::string str() const { return path_.string(); }
    // Writes `content` to path()/relative, creating folders; returns the full path.
    std::string write(const std::string& relative, const std::string& content) const;

private:
    std::filesystem::path path_;
};

std::string read_text(const std::filesystem::path& path);

// A copy of graph-data's schema and ontology plus small sources/entities/relations files that
// validate: the fixture loader tests start from and break one thing at a time.
struct MiniGraphData {
    std::string sources;
    std::string entities;
    std::string relations;
    std::string ontology; // empty: the bundled ontology
    void write_to(const TempDir& dir) const;
};
MiniGraphData valid_mini_graph_data();

} // namespace tg::test
