// SPDX-License-Identifier: MIT
// compare.csv/.json and compare.md of `coterm compare` (docs/cli/compare.md): renderings
// of analysis::CompareResult; nothing here computes a figure.
#pragma once
#include "analysis/compare.hpp"
#include "core/table.hpp"

#include <string>
#include <vector>

namespace coterm::cli {

/// A figure as people read it: thousands separators, %, £; the note when there is one.
std::string figure_text(const analysis::FigureCell& cell, analysis::FigureKind kind);

/// One row per figure: section, figure id, label, kind, then one column per option
/// (the number, or the note: "—", "n/a (coverage differs)").
Table compare_figure_table(const analysis::CompareResult& r);

/// One row per option: label, query name and title, source, footprints, weights.
Table compare_option_table(const analysis::CompareResult& r);

/// One sentence per variable that some options do not map, naming those options: its
/// rows compare only the others (an appraisal should not read "—" as "no difference").
std::vector<std::string> compare_partial_variables(const analysis::CompareResult& r);

/// Sentences a reader wants first: sizes, coverage, and per layer and rate which option
/// does best and worst.
std::vector<std::string> compare_findings(const analysis::CompareResult& r);

/// compare.md: an options appraisal — the options, their shared and differing inputs,
/// the findings, the figures by section, conservation and method.
std::string compare_markdown(const analysis::CompareResult& r);

} // namespace coterm::cli
