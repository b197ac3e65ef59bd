// SPDX-License-Identifier: MIT
#pragma once
#include "core/layer.hpp"
#include "io/query_file.hpp"

#include <string>
#include <vector>

namespace coterm::cli {

/// What a run found, as lines of summary.md (docs/methods.md §14).
struct RunFindings {
    std::vector<double> population; ///< per footprint
    double outside = 0;             ///< people in no footprint
    std::string weights_label;
    std::vector<std::string> alignment;    ///< one line per comparison layer
    std::vector<std::string> splitting;    ///< footprints that split other bodies
    std::vector<std::string> conservation; ///< one line per mapped extensive or point variable
    std::string simplified;                ///< how the map geometry was simplified, if it was
};

/// summary.md: what was run, the headline numbers, alignment, splits, conservation.
std::string summary_md(const io::Query& q, const Layer& footprints, const RunFindings& f);

} // namespace coterm::cli
