// SPDX-License-Identifier: MIT
#pragma once
#include "analysis/run.hpp"

#include <string>
#include <vector>

namespace coterm::cli {

/// summary.md, for pasting into a paper: what was run, the headline, the alignment with
/// each comparison layer (both directions, people affected, the rule used), the mapped
/// data with low coverage flagged, and the conservation of every mapped total.
std::string run_summary_md(const analysis::RunResult& r);

/// Per comparison layer, one sentence: how the footprints relate to it and how many of
/// its units are split between footprints, with the residents living in them.
std::vector<std::string> run_alignment_lines(const analysis::RunResult& r);

/// The conservation line of every extensive and point variable (as in summary.md).
std::vector<std::string> run_conservation_lines(const analysis::RunResult& r);

} // namespace coterm::cli
