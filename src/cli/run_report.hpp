// SPDX-License-Identifier: MIT
// report.html and map.png of `coterm run` (docs/report.md): the run's footprint table,
// geometry and findings turned into the plain render::ReportModel. This is the one file
// to re-point when the run's result becomes a model of its own.
#pragma once
#include "cli/run_summary.hpp"
#include "core/layer.hpp"
#include "core/table.hpp"
#include "io/catalogue.hpp"
#include "io/query_file.hpp"
#include "render/map_model.hpp"

#include <string>
#include <utility>
#include <vector>

namespace coterm::cli {

/// Map geometry of a report when the query asks for none: simplified at 100 m (a report
/// of the 42 ICBs stays near 1 MB; at 1:1,000,000 a 100 m step is 0.1 mm).
inline constexpr double report_simplify_m = 100;
/// Comparison layers are drawn as lines only, at 200 m.
inline constexpr double overlay_simplify_m = 200;

/// What a run hands to its report.
struct RunReportInput {
    const io::Query& query;
    const io::Catalogue& catalogue;
    const Layer& footprints;                      ///< full geometry, in table row order
    const Table& table;                           ///< the footprint table written as footprints.csv
    const RunFindings& findings;                  ///< the lines of summary.md
    const std::vector<Wkb>& geometries;           ///< footprints.geojson's geometry (simplified when simplify_m > 0)
    double simplify_m = 0;                        ///< how `geometries` were simplified
    const std::vector<render::Overlay>& overlays; ///< comparison layers, from comparison_overlay()
};

/// A comparison layer's boundaries for the report: simplified at overlay_simplify_m and
/// labelled by the catalogue's title (e.g. "Police force areas (pfa24)"); only the first is shown at first.
render::Overlay comparison_overlay(const Layer& layer, const io::Catalogue& catalogue, bool visible);

/// The model of a run's report: measures from the table's columns, alignment and data tables,
/// findings, conservation and notes.
render::ReportModel run_report_model(const RunReportInput& in);

/// report.html and map.png, as (file name, bytes) for write_folder.
std::vector<std::pair<std::string, std::string>> run_report_files(const RunReportInput& in);

} // namespace coterm::cli
