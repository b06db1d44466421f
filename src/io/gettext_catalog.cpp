#include "io/gettext_catalog.hpp"

#include "core/error.hpp"
#include "io/text_file.hpp"

#include <cstdint>

namespace tg {

namespace {

// The format: a magic number, a revision, the number of strings, then the offsets of two tables
// of (length, offset) pairs, originals and translations, all 32-bit in the writer's byte order.
class MoFile {
public:
    MoFile(std::string bytes, std::string path) : bytes_(std::move(bytes)), path_(std::move(path)) {
        const auto magic = word(0, false);
        if (magic == 0x950412DEu)
            swapped_ = false;
        else if (magic == 0xDE120495u)
            swapped_ = true;
        else
            fail("it does not start with the gettext magic number");
    }

    std::uint32_t at(std::size_t offset) const { return word(offset, swapped_); }

    std::string string_at(std::size_t table, std::uint32_t index) const {
        const auto entry = static_cast<std::size_t>(table) + 8 * static_cast<std::size_t>(index);
        const auto length = at(entry), offset = at(entry + 4);
        if (static_cast<std::size_t>(offset) + length > bytes_.size()) fail("a string lies outside the file");
        return bytes_.substr(offset, length);
    }

    [[noreturn]] void fail(const std::string& what) const {
        throw DataError("\"" + path_ + "\" is not a gettext catalog (.mo): " + what, "reinstall the iso-codes package");
    }

private:
    std::uint32_t word(std::size_t offset, bool swapped) const {
        if (offset + 4 > bytes_.size()) fail("it ends inside its header or a table");
        std::uint32_t x = 0;
        for (int i = 0; i < 4; ++i) {
            const auto byte =
                static_cast<std::uint32_t>(static_cast<unsigned char>(bytes_[offset + static_cast<std::size_t>(swapped ? 3 - i : i)]));
            x |= byte << (8 * i);
        }
        return x;
    }

    std::string bytes_, path_;
    bool swapped_ = false;
};

} // namespace

std::unordered_map<std::string, std::string> read_gettext_catalog(const std::string& path) {
    const MoFile mo(read_file(path), path);
    const auto count = mo.at(8), originals = mo.at(12), translations = mo.at(16);
    std::unordered_map<std::string, std::string> out;
    for (std::uint32_t i = 0; i < count; ++i) {
        auto original = mo.string_at(originals, i);
        if (original.empty()) continue; // the catalog's own header
        out.emplace(std::move(original), mo.string_at(translations, i));
    }
    return out;
}

} // namespace tg
