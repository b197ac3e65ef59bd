// SPDX-License-Identifier: MIT
#pragma once
#include "analysis/footprints.hpp"
#include "core/table.hpp"

namespace coterm::cli {

/// code, name, blocks, members, population, area_m2 per footprint (rows in layer order).
Table footprint_table(const analysis::BuiltFootprints& built);

/// Unless quiet, the summary line: footprints, blocks used, blocks left out.
void report_footprints(const analysis::BuiltFootprints& built, bool quiet, bool verbose);

} // namespace coterm::cli
