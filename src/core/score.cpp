// SPDX-License-Identifier: MIT
#include "core/score.hpp"

#include <algorithm>
#include <cmath>

namespace coterm {
namespace {

double plogp(double p)
{
    return p > 0 ? p * std::log2(p) : 0.0;
}

/// Σ over values of x(x−1)/2, the pairs inside each cell of a count table.
double pairs(double x)
{
    return x * (x - 1) / 2;
}

void score_units(const std::vector<ScoreCell>& cells, const std::vector<double>& row, const std::vector<double>& col,
                 const ScoreOptions& o, Scores& s)
{
    for (const ScoreCell& c : cells) {
        UnitScore& u = s.a_units[c.a];
        const double share = row[c.a] > 0 ? c.weight / row[c.a] : 0;
        if (share >= o.sliver) {
            ++u.partners;
            u.parts.emplace_back(c.b, share);
        }
        // Cells come sorted by (a, b): the first of equal weights has the lowest code.
        if (u.best == static_cast<std::size_t>(-1) || c.weight > u.share_in_best) {
            u.best = c.b;
            u.share_in_best = c.weight; // the weight for now; made a share below
        }
    }
    for (std::size_t i = 0; i < s.a_units.size(); ++i) {
        UnitScore& u = s.a_units[i];
        u.weight = row[i];
        std::stable_sort(u.parts.begin(), u.parts.end(),
                         [](const auto& l, const auto& r) { return l.second > r.second; });
        if (u.best == static_cast<std::size_t>(-1) || row[i] <= 0) {
            u.share_in_best = 0;
            continue;
        }
        const double m = u.share_in_best;
        u.share_in_best = m / row[i];
        u.best_share_of_b = m / col[u.best];
        u.iou = m / (row[i] + col[u.best] - m);
        const bool below = u.share_in_best < o.tolerance;
        u.uncertain = below && 1 - u.share_in_best < o.uncertain;
        u.split = below && !u.uncertain;
        const bool a_whole = u.share_in_best >= o.tolerance, b_whole = u.best_share_of_b >= o.tolerance;
        u.relation = a_whole && b_whole ? Relation::equal
                     : a_whole          ? Relation::within
                     : b_whole          ? Relation::contains
                                        : Relation::partial;
    }
}

void score_unions(const std::vector<ScoreCell>& cells, const std::vector<double>& row, const ScoreOptions& o, Scores& s)
{
    for (const ScoreCell& c : cells) {
        const double share = row[c.a] > 0 ? c.weight / row[c.a] : 0;
        if (share > 1 - o.tolerance && share < o.tolerance) {
            s.b_unions[c.b].union_of_whole = false;
            s.b_unions[c.b].splits.push_back(c.a);
        }
    }
}

void score_pair(const std::vector<ScoreCell>& cells, const std::vector<double>& row, const std::vector<double>& col,
                bool counts, Scores& s)
{
    PairScores& p = s.pair;
    for (double r : row)
        p.total += r;
    const double n = p.total;
    if (n <= 0) return;
    double h_ab = 0;
    for (const ScoreCell& c : cells)
        h_ab -= plogp(c.weight / n);
    for (std::size_t i = 0; i < row.size(); ++i) {
        p.h_a -= plogp(row[i] / n);
        const UnitScore& u = s.a_units[i];
        if (row[i] <= 0) continue;
        ++p.units;
        p.mean_share_in_best += u.share_in_best * row[i] / n;
        p.mean_iou += u.iou * row[i] / n;
        if (u.split) {
            ++p.split;
            p.split_share += row[i] / n;
        } else if (u.uncertain) {
            ++p.uncertain;
            p.uncertain_share += row[i] / n;
        } else {
            ++p.nested;
            p.nested_share += row[i] / n;
        }
        if (u.relation == Relation::equal) ++p.identical;
    }
    for (std::size_t j = 0; j < col.size(); ++j) {
        p.h_b -= plogp(col[j] / n);
        if (col[j] <= 0) continue;
        ++p.b_units;
        if (s.b_unions[j].union_of_whole) {
            ++p.b_unions;
            p.b_unions_share += col[j] / n;
        }
    }
    // Entropies of exactly aligned partitions differ by rounding only: clamp at 0.
    p.h_a_given_b = std::max(0.0, h_ab - p.h_b);
    p.h_b_given_a = std::max(0.0, h_ab - p.h_a);
    p.mutual = std::max(0.0, p.h_a + p.h_b - h_ab);
    p.nesting_a_in_b = p.h_b > 0 ? 1 - p.h_b_given_a / p.h_b : 1;
    p.nesting_b_in_a = p.h_a > 0 ? 1 - p.h_a_given_b / p.h_a : 1;
    p.nmi = p.h_a + p.h_b > 0 ? 2 * p.mutual / (p.h_a + p.h_b) : 1;
    p.vi = p.h_a_given_b + p.h_b_given_a;
    if (counts) {
        double index = 0, sum_a = 0, sum_b = 0;
        for (const ScoreCell& c : cells)
            index += pairs(c.weight);
        for (double r : row)
            sum_a += pairs(r);
        for (double c : col)
            sum_b += pairs(c);
        const double expected = sum_a * sum_b / pairs(n);
        const double maximum = (sum_a + sum_b) / 2;
        p.ari = maximum > expected ? (index - expected) / (maximum - expected) : 1;
    }
}

} // namespace

Scores score_matrix(const std::vector<ScoreCell>& cells_in, std::size_t na, std::size_t nb, const ScoreOptions& options,
                    bool counts)
{
    std::vector<ScoreCell> cells;
    for (const auto& c : cells_in)
        if (c.weight > 0) cells.push_back(c);
    std::sort(cells.begin(), cells.end(),
              [](const ScoreCell& l, const ScoreCell& r) { return l.a != r.a ? l.a < r.a : l.b < r.b; });
    std::vector<double> row(na, 0.0), col(nb, 0.0);
    for (const auto& c : cells) {
        row[c.a] += c.weight;
        col[c.b] += c.weight;
    }
    Scores s;
    s.a_units.resize(na);
    s.b_unions.resize(nb);
    score_units(cells, row, col, options, s);
    score_unions(cells, row, options, s);
    score_pair(cells, row, col, counts, s);
    return s;
}

std::vector<ScoreCell> transpose(const std::vector<ScoreCell>& cells)
{
    std::vector<ScoreCell> out;
    out.reserve(cells.size());
    for (const auto& c : cells)
        out.push_back({c.b, c.a, c.weight});
    return out;
}

const char* relation_name(Relation r)
{
    switch (r) {
    case Relation::equal:
        return "equal";
    case Relation::within:
        return "within";
    case Relation::contains:
        return "contains";
    case Relation::partial:
        return "partial";
    default:
        return "none";
    }
}

} // namespace coterm
