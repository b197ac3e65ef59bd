// SPDX-License-Identifier: MIT
#include "analysis/score_rule.hpp"

#include "core/boundary_alignment.hpp"
#include "core/errors.hpp"
#include "core/number_format.hpp"

#include <algorithm>

namespace coterm::analysis {
namespace {

std::string percent(double share)
{
    return format_fixed(100 * share, 1) + " %";
}

} // namespace

ScoreRule choose_rule(const Layer& a, const Layer& b, const RuleRequest& request, unsigned threads)
{
    if (request.min_people > 0 && !request.population)
        throw UsageError("--min-people needs population weights (--weight population)");
    // Each layer's internal boundary against every boundary line of the other: where the
    // two run along each other within the generalisation scale, do they coincide? Only
    // nearly parallel lines count, so lines meeting at a junction are not "near".
    const LayerSegments sa = segment_layer(a), sb = segment_layer(b);
    const std::vector<NearQuery> queries{{near_distance_m, parallel_cos}, {exact_distance_m, parallel_cos}};
    const auto a_near = lengths_within(sa.internal, sb, queries, threads);
    const auto b_near = lengths_within(sb.internal, sa, queries, threads);
    return rule_from_lengths(a_near[0] + b_near[0], a_near[1] + b_near[1], request);
}

ScoreRule rule_from_lengths(double near, double exact, const RuleRequest& request)
{
    if (request.min_people > 0 && !request.population)
        throw UsageError("--min-people needs population weights (--weight population)");
    ScoreRule rule;
    rule.near_length_m = near;
    rule.exact_share = near > 0 ? exact / near : 0;
    rule.shared = near > 0 && rule.exact_share >= shared_threshold;
    std::string measured =
        near > 0 ? percent(rule.exact_share) + " of the boundary lines within " + format_general(near_distance_m, 6) +
                       " m of the other layer's coincide"
                 : "no boundary lines lie within " + format_general(near_distance_m, 6) + " m of the other layer's";

    ScoreOptions& o = rule.options;
    if (rule.shared) {
        o.noise = 1e-9;
        o.uncertain = 0;
    } else {
        o.noise = generalisation_noise;
        o.uncertain = generalisation_uncertainty;
    }
    if (request.tolerance >= 0) o.noise = 1 - request.tolerance;
    if (request.uncertain >= 0) o.uncertain = request.uncertain;
    o.uncertain = std::max(o.uncertain, 0.0);
    o.min_weight = request.min_people;

    std::string thresholds;
    if (request.tolerance >= 0)
        thresholds = "pieces of at most " + percent(o.noise) + " of a unit are immaterial (tolerance " +
                     format_general(request.tolerance, 6) + ")";
    else if (rule.shared)
        thresholds = "a split is any piece above numeric noise";
    else
        thresholds = "pieces of at most " + percent(o.noise) + " of a unit are noise";
    if (o.uncertain > o.noise)
        thresholds += ", up to " + percent(o.uncertain) + " uncertain (the measured generalisation error)";
    if (o.min_weight > 0) thresholds += ", and pieces of fewer than " + format_general(o.min_weight, 15) + " people";
    rule.why =
        std::string(rule.shared ? "boundaries shared" : "boundaries not shared") + " (" + measured + "): " + thresholds;
    return rule;
}

void settle_coverage(ScoreRule& rule, double a_weight, double b_weight, double covered)
{
    if (rule.shared || a_weight <= 0 || b_weight <= 0) return;
    const double a_in = covered / a_weight, b_in = covered / b_weight;
    if (a_in < same_territory || b_in < same_territory) return;
    rule.options.shares_of_covered = true;
    rule.why += "; the layers cover the same territory (" + percent(a_in) + " and " + percent(b_in) +
                " inside the other), so what lies outside the other layer is coastline generalisation and shares "
                "are of each unit's covered part";
}

} // namespace coterm::analysis
