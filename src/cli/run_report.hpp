// SPDX-License-Identifier: MIT
// report.html and map.png of `coterm run` (docs/report.md): the run's result model turned
// into the plain render::ReportModel. Renderers never compute a figure: every number
// here comes from analysis::RunResult.
#pragma once
#include "analysis/run.hpp"
#include "core/layer.hpp"
#include "io/catalogue.hpp"
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
    const analysis::RunResult& run;
    const io::Catalogue& catalogue; ///< for the layers' titles
    unsigned threads = 0;           ///< for the display geometry and drawing; 0: all cores
};

/// A comparison layer's boundaries for the report: simplified at overlay_simplify_m and
/// labelled by the catalogue's title (e.g. "Police force areas (pfa24)"), shapes in
/// parallel on `threads` (0: all cores).
render::Overlay comparison_overlay(const Layer& layer, const io::Catalogue& catalogue, bool visible,
                                   unsigned threads = 0);

/// The model of a run's report: measures (population, each variable and its per-head
/// figure, each comparison layer's relation, units met, shares and people in split
/// units), the alignment and data tables with low coverage flagged, findings,
/// conservation and notes (each comparison's rule).
render::ReportModel run_report_model(const RunReportInput& in);

/// report.html and map.png, as (file name, bytes) for the run folder.
std::vector<std::pair<std::string, std::string>> run_report_files(const RunReportInput& in);

} // namespace coterm::cli
