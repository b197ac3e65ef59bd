// SPDX-License-Identifier: MIT
#include "core/sha256.hpp"

#include <openssl/evp.h>

#include <new>
#include <stdexcept>

namespace coterm {

struct Sha256::Context {
    EVP_MD_CTX* md = EVP_MD_CTX_new();
    ~Context() { EVP_MD_CTX_free(md); }
};

Sha256::Sha256() : ctx_(std::make_unique<Context>())
{
    if (!ctx_->md) throw std::bad_alloc();
    // EVP_sha256() is OpenSSL's built-in implementation: no provider lookup, no
    // configuration file can make it fail or change it.
    if (EVP_DigestInit_ex(ctx_->md, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("OpenSSL could not start a SHA-256");
}

Sha256::~Sha256() = default;

void Sha256::update(const void* data, std::size_t size)
{
    if (size > 0 && EVP_DigestUpdate(ctx_->md, data, size) != 1) throw std::runtime_error("OpenSSL SHA-256 failed");
}

std::string Sha256::hex()
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(ctx_->md, digest, &length) != 1 || length != 32)
        throw std::runtime_error("OpenSSL SHA-256 failed");
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(64, '0');
    for (unsigned i = 0; i < 32; ++i) {
        out[2 * i] = digits[digest[i] >> 4];
        out[2 * i + 1] = digits[digest[i] & 15];
    }
    return out;
}

} // namespace coterm
