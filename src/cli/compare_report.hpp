// SPDX-License-Identifier: MIT
// compare.html: the options' maps side by side under one legend, and the figures
// table, through the report renderer (render::ReportModel). Every number comes from
// analysis::CompareResult.
#pragma once
#include "analysis/compare.hpp"
#include "render/map_model.hpp"

namespace coterm::cli {

/// The model of compare.html: each option's footprints drawn in its own panel (shifted
/// east by the width of the widest option plus a gap), classed together so one legend
/// serves every panel; measures: residents, each mapped variable (per head where the
/// query has a denominator) and each comparison layer's relation; the figures table,
/// findings, conservation and notes.
render::ReportModel compare_report_model(const analysis::CompareResult& r);

} // namespace coterm::cli
