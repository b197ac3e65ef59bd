// SPDX-License-Identifier: MIT
#include "core/overlap_summary.hpp"

#include <vector>

namespace coterm {
namespace {

SideSummary summarise_side(const Layer& layer, const std::vector<double>& covered, const std::vector<char>& overcounted,
                           const std::vector<std::size_t>& big_partners)
{
    SideSummary s;
    s.features = layer.features.size();
    for (std::size_t i = 0; i < s.features; ++i) {
        const double area = layer.features[i].area_m2;
        s.area_m2 += area;
        s.uncovered_m2 += area - covered[i];
        if (covered[i] < area * (1 - 1e-9)) ++s.partly_uncovered;
        if (overcounted[i]) ++s.overcounted;
        if (big_partners[i] >= 2) ++s.split;
    }
    return s;
}

} // namespace

OverlapSummary summarise_overlap(const Layer& a, const Layer& b, const OverlapResult& result)
{
    std::vector<std::size_t> a_partners(a.features.size(), 0), b_partners(b.features.size(), 0);
    for (const OverlapRow& r : result.rows) {
        if (r.share_of_a >= split_sliver_share) ++a_partners[r.a];
        if (r.share_of_b >= split_sliver_share) ++b_partners[r.b];
    }
    OverlapSummary s;
    s.pairs = result.rows.size();
    s.a = summarise_side(a, result.covered_a_m2, result.overcounted_a, a_partners);
    s.b = summarise_side(b, result.covered_b_m2, result.overcounted_b, b_partners);
    return s;
}

} // namespace coterm
