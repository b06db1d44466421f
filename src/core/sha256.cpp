#include "core/sha256.hpp"

#include "core/error.hpp"

#include <openssl/evp.h>

namespace tg {

// OpenSSL's libcrypto: it uses the CPU's SHA extensions where present (8-10x our former
// portable code on the same text), and its digest is what `sha256sum` prints.
std::string sha256_hex(std::string_view data) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr) != 1 || length != 32)
        throw Error("SHA-256 of a text failed in OpenSSL's libcrypto", "check the system's libssl installation");
    static const char* kHex = "0123456789abcdef";
    std::string out;
    out.reserve(64);
    for (unsigned i = 0; i < length; ++i) {
        out += kHex[digest[i] >> 4];
        out += kHex[digest[i] & 0xF];
    }
    return out;
}

} // namespace tg
