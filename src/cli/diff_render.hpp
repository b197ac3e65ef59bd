// SPDX-License-Identifier: MIT
#pragma once
#include "analysis/diff.hpp"
#include "core/geometry.hpp"
#include "core/table.hpp"

#include <string>
#include <vector>

namespace coterm::cli {

/// changes.csv: one row per pair of units whose blocks changed (every kind but kept),
/// sorted by event, then from code, then to code.
Table diff_changes_table(const analysis::DiffResult& r);

/// changes.json: the summary, the events, every pair (kept ones too), the blocks that
/// changed, and the splits of comparison layers.
Report diff_report(const analysis::DiffResult& r);

/// changed-areas.geojson: the moved, added and removed blocks of each pair dissolved
/// into one feature (EPSG:27700 WKB, one per row of the returned table), keyed by
/// `change_code` "from>to" ("none" for no unit), with the changes.csv columns.
Table diff_areas_table(const analysis::DiffResult& r, unsigned threads, std::vector<Wkb>& geometries);

/// diff.md: what was compared, the rule, the events with names and people, the splits.
std::string diff_markdown(const analysis::DiffResult& r, const std::string& request);

} // namespace coterm::cli
