#pragma once
// What this process may overwrite. Every file read through read_file() is remembered by identity
// (device and inode, so another name or a link to it is the same file), and no output may
// replace one of them. While a ConfinedOutputs is alive, outputs must also stay inside its folder:
// they are written relative to the folder, opened once, through no symbolic link.
#include <optional>
#include <string>

namespace tg {

// Remembers `path` as read (called by read_file; a path that no longer exists is ignored).
void note_file_read(const std::string& path);
// Remembers a file or every file in a folder (and its subfolders) the user named as input, read
// or not yet: a command that names the proceedings with --sources never overwrites them.
void note_input(const std::string& path);
// The name under which the file at `path` was read, if it was one; symbolic links are followed.
std::optional<std::string> file_read_as(const std::string& path);
// The same, for the file named `name` in the open folder `folder_fd`, not following a link.
std::optional<std::string> file_read_as(int folder_fd, const std::string& name);

// Outputs go inside `folder` (made on first write) while this lives; one at a time.
class ConfinedOutputs {
public:
    explicit ConfinedOutputs(std::string folder);
    ~ConfinedOutputs();
    ConfinedOutputs(const ConfinedOutputs&) = delete;
    ConfinedOutputs& operator=(const ConfinedOutputs&) = delete;
};

// The folder outputs are confined to, or empty.
std::string output_confinement();

} // namespace tg
