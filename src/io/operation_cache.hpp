// SPDX-License-Identifier: MIT
#pragma once

namespace coterm::io {

/// Gives core's Reprojector the cache folder (io::resolve_cache_dir, `proj/`) to keep
/// what PROJ's search found for each CRS pair (core/proj_candidates), so a later run
/// transforms without searching PROJ's database. An entry holds its whole key and is
/// used only when all of it matches: the two CRS definitions, the PROJ version,
/// $PROJ_NETWORK, $PROJ_AUX_DB and the state of its files, PROJ's search folders with
/// the state (size, times, inode) of each folder and of the proj.db and proj.ini in it
/// (adding or removing a grid changes its folder's times), and, with PROJ_DATA and
/// PROJ_LIB unset, the names of the current folder's files that could be grids; it ends
/// with a checksum (docs/formats.md). Best effort, as io/input_cache: a missing,
/// unreadable or malformed entry is a miss, and a cache folder that cannot be written
/// never fails the run. COTERM_PROJ_SHORTCUT=0 turns the shortcut (and the cache) off,
/// for comparison. Call once, from main, before any thread reads a layer.
void install_operation_cache();

} // namespace coterm::io
