// SPDX-License-Identifier: MIT
#pragma once
#include "analysis/run.hpp"

#include <string>

namespace coterm::cli {

/// summary.md, for pasting into a paper: what was run, the headline, the alignment with
/// each comparison layer (both directions, people affected, the rule used), the mapped
/// data with low coverage flagged, and the conservation of every mapped total.
std::string run_summary_md(const analysis::RunResult& r);

} // namespace coterm::cli
