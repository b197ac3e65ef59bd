// SPDX-License-Identifier: MIT
#pragma once
#include "analysis/run.hpp"
#include "core/table.hpp"

#include <string>

namespace coterm::cli {

/// The footprint table of a run (footprints.csv, and the properties of
/// footprints.geojson): one row per footprint, columns defined in docs/methods.md §14.
Table run_footprint_table(const analysis::RunResult& r);

/// The layer-pair scores of the footprints against each comparison layer (scorecard).
Table run_scorecard_table(const analysis::RunResult& r);

/// The column name of a variable's per-head figure: `_per_head` for residents, else
/// `_per_<denominator>`.
std::string per_head_column(const analysis::RunVariable& v);

} // namespace coterm::cli
