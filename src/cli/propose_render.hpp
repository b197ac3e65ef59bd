// SPDX-License-Identifier: MIT
#pragma once
// Renderings of a ProposeResult (docs/cli/propose.md, "Outputs"): tables and Markdown.
// Nothing here recomputes a number; it only formats what the analysis returned.
#include "analysis/propose.hpp"
#include "core/table.hpp"

#include <string>

namespace coterm::cli {

/// What the user asked, for the summaries: the command line or query it came from.
struct ProposeRequestText {
    std::string title;       ///< query title, or "coterm propose"
    std::string description; ///< the query's description, if any
    std::string request;     ///< the options as given, one line
    std::string weights;     ///< the small-area weights, e.g. "lsoa21 usual_residents"
};

/// block_code, block_name, footprint_code, footprint_name, population (rows in block order).
Table groups_table(const analysis::ProposeResult& r, const analysis::ProposedOption& o);

/// One row per option and for the status quo: objective, each term, bound, gap,
/// constraints met, smallest and largest footprint.
Table compare_table(const analysis::ProposeResult& r);

/// summary.md of one option: request, constraints met or not, objective and terms,
/// bound and gap, seed and effort, the footprints.
/// The run half of an option's summary.md: `run_md` (run_summary_md of the option's
/// footprints) without the title and description the option summary already gives.
std::string option_run_summary(std::string run_md, const std::string& folder);

std::string option_summary(const analysis::ProposeResult& r, const analysis::ProposedOption& o,
                           const analysis::ProposeOptions& options, const ProposeRequestText& text);

/// compare.md: the compare table as Markdown with the search's effort.
std::string compare_summary(const analysis::ProposeResult& r, const analysis::ProposeOptions& options,
                            const ProposeRequestText& text);

} // namespace coterm::cli
