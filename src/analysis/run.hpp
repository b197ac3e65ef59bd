// SPDX-License-Identifier: MIT
#pragma once
#include "analysis/context.hpp"
#include "analysis/map_data.hpp"
#include "analysis/score_rule.hpp"
#include "analysis/weights.hpp"
#include "core/layer.hpp"
#include "core/score.hpp"
#include "io/query_file.hpp"

#include <memory>
#include <string>
#include <vector>

namespace coterm::analysis {

/// How the footprints and one comparison layer line up, by residents (centroid rule).
struct Comparison {
    std::string spec;                   ///< as named in the query
    std::shared_ptr<const Layer> layer; ///< its units (codes, names, geometry for map overlays)
    ScoreRule rule;                     ///< the thresholds used and why
    Scores scores;                      ///< a_units: footprints; b_units: the layer's units; whole-unit weights
};

/// A mapped variable and its per-head figure.
struct RunVariable {
    MappedVariable mapped;
    std::string denominator;        ///< "residents", a mapped variable, or "" (no per-head figure)
    std::vector<double> per_head;   ///< per footprint (NaN: no value); empty without a denominator
    std::vector<bool> low_coverage; ///< rates: resting on less than the query's min-coverage
};

/// Everything `coterm run` found; CSV, GeoJSON, summary.md and report.html render it.
struct RunResult {
    io::Query query;
    std::string weights_label;               ///< e.g. "lsoa21 usual_residents"
    std::string footprints_from;             ///< e.g. "`icb24`" or "built from whole `ltla24` by `cauth23`"
    std::shared_ptr<const Layer> footprints; ///< sorted by code
    std::vector<std::string> members;        ///< built footprints: member block codes, ";"-joined; else empty
    std::vector<double> population;          ///< residents per footprint
    double outside = 0;                      ///< residents in no footprint
    std::vector<Comparison> comparisons;
    std::vector<RunVariable> variables;
    std::vector<Wkb> map_geometry; ///< per footprint, simplified when asked (numbers use full geometry)
    std::string simplified;        ///< how the map geometry was simplified ("" when it was not)
};

/// What to run.
struct RunOptions {
    std::string query;    ///< the query file
    double simplify = -1; ///< metres; < 0: the query's
};

/// Runs a saved analysis (docs/queries.md): builds or loads the footprints, maps every
/// dataset onto them, and relates them to every comparison layer. Throws UsageError for
/// a wrong query, DataError for data that cannot be processed.
RunResult run_query(const Context& ctx, const RunOptions& options);

/// A footprint set made elsewhere (the options of `coterm propose`), to analyse as a run.
struct GivenFootprints {
    std::shared_ptr<const Layer> footprints; ///< sorted by code
    std::vector<std::string> members;        ///< per footprint: member block codes, ";"-joined
    std::string from;                        ///< how they were made, for summary.md
    std::string name, title;                 ///< the run's name and title
};

/// Runs `query`'s comparisons, datasets and thresholds on each footprint set in turn
/// (its [footprints] table is not read), loading and locating every layer once.
std::vector<RunResult> run_given_footprints(const Context& ctx, const io::Query& query, const LoadedWeights& weights,
                                            const std::vector<GivenFootprints>& sets, double simplify);

} // namespace coterm::analysis
