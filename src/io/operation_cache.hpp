// SPDX-License-Identifier: MIT
#pragma once

namespace coterm::io {

/// Gives core's Reprojector the cache folder (io::resolve_cache_dir, `proj/`) to keep
/// what PROJ's search found for each CRS pair (core/proj_candidates), so a later run
/// transforms without searching PROJ's database. An entry is keyed by the two CRS
/// definitions, the PROJ version, PROJ's search folders with the state (size, times,
/// inode) of each folder and of the proj.db and proj.ini in it — adding or removing a
/// grid changes its folder's times — and $PROJ_NETWORK; any other state is a miss. Best
/// effort, as io/input_cache: a missing, unreadable or malformed entry is a miss, and
/// a cache folder that cannot be written never fails the run. COTERM_PROJ_SHORTCUT=0
/// turns the shortcut (and the cache) off, for comparison.
void install_operation_cache();

} // namespace coterm::io
