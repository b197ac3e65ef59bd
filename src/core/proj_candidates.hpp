// SPDX-License-Identifier: MIT
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace coterm {

/// One of the operations PROJ's `proj_create_crs_to_crs` keeps for a CRS pair and
/// chooses among point by point (PROJ 9.1, `pj_get_suggested_operation`): the most
/// accurate one whose area of use holds the point.
struct CandidateOperation {
    std::string definition; ///< PROJ string, normalised to x = longitude; "" when PROJ cannot write one
    double west = 0, south = 0, east = 0, north = 0; ///< area of use, degrees, west <= east
    double accuracy = -1;                            ///< metres; negative when unknown (ballpark)
    bool offshore = false;                           ///< area name says "- offshore"
};

/// What PROJ's search found for one (source, target) pair, in a form that can be kept
/// between runs (io keeps it in the cache folder), so a later run need not search.
struct OperationCandidates {
    enum class Kind {
        same,       ///< the two CRSs are equivalent: nothing to transform
        candidates, ///< a geographic WGS 84 source: `ops` in PROJ's order
        full,       ///< anything else: PROJ's own set of operations is built each time
    };
    Kind kind = Kind::full;
    bool sole = false; ///< PROJ found one operation, used for every point whatever its area
    std::vector<CandidateOperation> ops;
};

/// Plain text, one line per operation, numbers written to round-trip exactly.
std::string serialise(const OperationCandidates& c);
/// nullopt when `text` is not what serialise wrote (a cache miss, never an error).
std::optional<OperationCandidates> parse_operation_candidates(const std::string& text);

/// The index of the operation PROJ would use for every point of the box [x0,x1]×[y0,y1]
/// (longitude, latitude), or -1 when that is not certain: the box must lie inside the
/// chosen operation's area of use, and the choice must be the same whichever of the
/// other operations whose areas meet the box PROJ also considers for a given point (every
/// such subset is tried, up to 2^12), so no point of the box can be given another one.
/// Areas are shrunk (for the one chosen) or grown (for the others) by 1e-7 degrees
/// (~1 cm), which absorbs PROJ's rounding of the areas.
int certain_candidate(const OperationCandidates& c, double x0, double y0, double x1, double y1);

} // namespace coterm
