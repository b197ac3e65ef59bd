// SPDX-License-Identifier: MIT
#pragma once
#include <filesystem>
#include <string>
#include <string_view>

namespace coterm::io {

/// The folder where coterm keeps what it builds or learns on first use (layers built
/// from blocks, io/derived_cache; input hashes and CRSs, io/input_cache):
/// $COTERM_CACHE, else $XDG_CACHE_HOME/coterm, else $HOME/.cache/coterm. The data
/// directory is never written (it may be read-only, or a link to a shared mirror).
/// UsageError when none is set.
std::filesystem::path resolve_cache_dir();

/// 16 lowercase hex digits of the 64-bit FNV-1a hash of `text`: names of cache entries
/// (each entry records what it is for, so two texts sharing a name only take turns),
/// and checksums of their contents. Not SHA-256: a run that finds every entry then never
/// starts OpenSSL.
std::string fnv1a_hex(std::string_view text);

} // namespace coterm::io
