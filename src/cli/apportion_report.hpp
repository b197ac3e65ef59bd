// SPDX-License-Identifier: MIT
#pragma once
#include "core/apportion.hpp"
#include "core/layer.hpp"
#include "core/table.hpp"
#include "io/area_data.hpp"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace coterm::cli {

/// One variable moved onto the targets, with its conservation figures.
struct ApportionedVariable {
    std::string name;
    Kind kind = Kind::extensive;
    Apportioned result;
    std::vector<double> by_code; ///< points with --code-column: Σ by the file's own code
    double moved = 0;            ///< points: value at points lying outside the target their code names
    std::size_t moved_points = 0;
};

/// --ratio: a rate recomputed from two apportioned extensive variables.
struct RatioSpec {
    std::string name;
    std::size_t numerator = 0, denominator = 0;
};

/// Everything `coterm apportion` prints.
struct ApportionReport {
    bool points = false;
    std::string source_label, weight_label, format, code_column;
    const Layer* target = nullptr;
    std::shared_ptr<Layer> target_storage;
    std::vector<double> population; ///< per target
    Transfer transfer;              ///< areas: the source ∩ target weights used
    std::vector<ApportionedVariable> variables;
    std::vector<RatioSpec> ratios;
    std::vector<io::ValueProblem> problems;
    std::vector<std::string> unknown_codes, sources_without_data;
    std::map<std::string, std::vector<std::string>> outside_codes; ///< per variable: sources (or points) losing value
    std::size_t unlocated = 0, located_points = 0;
    std::vector<double> unlocated_sum;
};

/// The targets table (one row per target area), as CSV writes it.
Table apportion_targets(const ApportionReport& report);

/// The target polygons (EPSG:27700 WKB), one per row of apportion_targets.
std::vector<Wkb> target_geometries(const ApportionReport& report);

/// The output in report.format: CSV (targets table), JSON (targets, conservation,
/// problems, code lists, summary) or GeoJSON (target polygons with the table's values).
std::string render_apportion(const ApportionReport& report);

/// The conservation lines and warnings on stderr.
void print_apportion_summary(const ApportionReport& report, bool verbose);

} // namespace coterm::cli
