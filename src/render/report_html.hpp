// SPDX-License-Identifier: MIT
#pragma once
#include "render/map_model.hpp"

#include <string>

namespace coterm::render {

/// How report.html is written.
struct HtmlOptions {
    double unit_m = 10;  ///< SVG coordinates are whole multiples of this many metres (1–10 m keeps a report small)
    bool labels = false; ///< write each feature's name on the map
};

/// report.html (docs/report.md): one self-contained page — headline, an interactive
/// inline-SVG map in British National Grid coordinates with a measure selector, legend,
/// switchable overlays, tooltips and selection, sortable tables, conservation lines,
/// notes and attribution. The page's script and stylesheet (src/render/assets) are
/// embedded; it loads nothing from the network. Deterministic: same model, same bytes.
std::string render_report_html(const ReportModel& model, const HtmlOptions& options = {});

} // namespace coterm::render
