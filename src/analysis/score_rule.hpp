// SPDX-License-Identifier: MIT
#pragma once
#include "core/layer.hpp"
#include "core/score.hpp"

#include <string>

namespace coterm::analysis {

/// What the user asked of the thresholds; negative values: decide from the data.
struct RuleRequest {
    double tolerance = -1;  ///< τ: pieces at most 1 − τ of a unit are immaterial (a materiality share)
    double min_people = 0;  ///< pieces with fewer people are immaterial (population weights only)
    double uncertain = -1;  ///< U, the generalisation band
    bool population = true; ///< the weights are people (else m²)
};

/// The thresholds used for one pair of layers, and why (printed with every result).
struct ScoreRule {
    ScoreOptions options;
    bool shared = false;      ///< the two layers share their boundaries
    double exact_share = 0;   ///< of the boundary lines within 50 m of the other layer's, the share within 1 cm
    double near_length_m = 0; ///< the length of boundary lines within 50 m of the other layer's
    std::string why;          ///< one sentence: the rule and the measurement behind it
};

/// Boundary lines closer than this are "near" each other (the generalisation scale).
inline constexpr double near_distance_m = 50;
/// Boundary lines closer than this coincide (shared vertices give 0).
inline constexpr double exact_distance_m = 0.01;
/// Boundary lines run along each other when the angle between them is below 25°
/// (|cos| ≥ 0.9).
inline constexpr double parallel_cos = 0.9;
/// Two layers share their boundaries when at least this share of their near boundary lines coincide.
inline constexpr double shared_threshold = 0.99;

/// Each layer has at least this share of its weight inside the other: they cover the
/// same territory (measured: at most 1.9 % lies outside between the ONS generalised
/// files and the LSOA-built layers; combined authorities hold 27.6 % of England).
inline constexpr double same_territory = 0.98;

/// Once the overlap is known: between layers that do not share boundaries but cover the
/// same territory, what lies outside the other layer is coastline generalisation, so
/// shares are taken of each unit's covered part (and the rule's `why` says so).
/// `covered` = Σ M_ij; `a_weight`, `b_weight` = the whole layers' weights.
void settle_coverage(ScoreRule& rule, double a_weight, double b_weight, double covered);

/// Measures whether A and B share their boundaries (docs/methods.md §11.1) and chooses
/// the thresholds: between layers that share them a split is any piece above numeric
/// noise (δ = 1e-9, U = 0); otherwise pieces under 1 % are noise and 1–6 % uncertain.
/// Explicit requests override either.
ScoreRule choose_rule(const Layer& a, const Layer& b, const RuleRequest& request, unsigned threads);

/// choose_rule once the boundary lines are measured: `near_m` and `exact_m` are the
/// lengths of both layers' internal boundaries within near_distance_m and
/// exact_distance_m of the other layer's boundary lines, nearly parallel ones only.
ScoreRule rule_from_lengths(double near_m, double exact_m, const RuleRequest& request);

} // namespace coterm::analysis
