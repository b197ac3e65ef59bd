// SPDX-License-Identifier: MIT
#include "core/sha256.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace coterm;

namespace {
std::string digest(const std::string& text)
{
    Sha256 h;
    h.update(text.data(), text.size());
    return h.hex();
}
} // namespace

TEST_CASE("SHA-256 matches the FIPS 180-4 test vectors")
{
    CHECK(digest("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    // A million 'a', fed in uneven pieces.
    Sha256 h;
    const std::string piece(997, 'a');
    std::size_t left = 1000000;
    while (left) {
        const std::size_t n = std::min(left, piece.size());
        h.update(piece.data(), n);
        left -= n;
    }
    CHECK(h.hex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}
