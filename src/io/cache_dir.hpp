// SPDX-License-Identifier: MIT
#pragma once
#include <filesystem>

namespace coterm::io {

/// The folder where coterm keeps what it builds or learns on first use (layers built
/// from blocks, io/derived_cache; input hashes and CRSs, io/input_cache):
/// $COTERM_CACHE, else $XDG_CACHE_HOME/coterm, else $HOME/.cache/coterm. The data
/// directory is never written (it may be read-only, or a link to a shared mirror).
/// UsageError when none is set.
std::filesystem::path resolve_cache_dir();

} // namespace coterm::io
