// SPDX-License-Identifier: MIT
#pragma once
#include "analysis/diff.hpp"
#include "core/geometry.hpp"
#include "core/table.hpp"

#include <string>
#include <utility>
#include <vector>

namespace coterm::cli {

/// report.html of a diff (docs/report.md): the changed areas (the rows of
/// changed-areas.geojson with their geometries) coloured by kind, the units before and
/// after that changed as overlays, the headline, the events and the changes tables.
/// Returns (file name, bytes) pairs.
std::vector<std::pair<std::string, std::string>> diff_report_files(const analysis::DiffResult& r, const Table& areas,
                                                                   const std::vector<Wkb>& geometries,
                                                                   const std::string& request);

} // namespace coterm::cli
