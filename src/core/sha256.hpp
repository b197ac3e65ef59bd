// SPDX-License-Identifier: MIT
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace coterm {

/// SHA-256 (FIPS 180-4), fed in pieces; used to check data files against the catalogue.
class Sha256 {
public:
    Sha256();
    void update(const void* data, std::size_t size);
    /// The digest as 64 lowercase hex digits; the object is spent afterwards.
    std::string hex();

private:
    void block(const unsigned char* p);
    std::uint32_t h_[8];
    unsigned char buffer_[64];
    std::size_t used_ = 0;
    std::uint64_t bytes_ = 0;
};

} // namespace coterm
