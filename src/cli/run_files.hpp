// SPDX-License-Identifier: MIT
#pragma once
// The files of a run folder, rendered from a RunResult: `coterm run` writes them, and
// `coterm propose` writes them for each option and the status quo.
#include "analysis/run.hpp"
#include "io/catalogue.hpp"

#include <string>
#include <utility>
#include <vector>

namespace coterm::cli {

/// footprints.geojson, footprints.csv, scorecard.csv, scorecard.json, summary.md and,
/// with `report`, report.html and map.png: (name, content) pairs, each name prefixed
/// with `folder` + "/" when `folder` is not empty. The report is made beside the tables,
/// on `threads` (0: all cores).
std::vector<std::pair<std::string, std::string>> run_files(const analysis::RunResult& r, const io::Catalogue& catalogue,
                                                           bool report, const std::string& folder = {},
                                                           unsigned threads = 0);

} // namespace coterm::cli
