// SPDX-License-Identifier: MIT
#include "core/score.hpp"

#include <algorithm>
#include <cmath>

namespace coterm {
namespace {

constexpr std::size_t none = static_cast<std::size_t>(-1);

double plogp(double p)
{
    return p > 0 ? p * std::log2(p) : 0.0;
}

/// Σ over values of x(x−1)/2, the pairs inside each cell of a count table.
double pairs(double x)
{
    return x * (x - 1) / 2;
}

/// A part `part` of a unit weighing `whole` is immaterial.
bool immaterial(double part, double whole, const ScoreOptions& o)
{
    return part <= o.noise * whole || part < o.min_weight;
}

/// Scores the units of one side: `cells` sorted by this side's unit, `other` the
/// other side's whole weights; `mine(c)` and `theirs(c)` pick the unit indices.
template <class Mine, class Theirs>
void score_side(const std::vector<ScoreCell>& cells, const std::vector<double>& weight,
                const std::vector<double>& other, const ScoreOptions& o, bool b_side, Mine mine, Theirs theirs,
                std::vector<UnitScore>& units)
{
    units.assign(weight.size(), {});
    std::vector<double> best_m(weight.size(), 0.0);
    std::vector<unsigned> seen(weight.size(), 0); // bit flags of the pair relations met
    for (const ScoreCell& c : cells) {
        const std::size_t i = mine(c), j = theirs(c);
        UnitScore& u = units[i];
        u.covered += c.weight;
        // Cells come sorted by (this unit, other unit): the first of equal weights has the lowest code.
        if (u.best == none || c.weight > best_m[i]) u.best = j, best_m[i] = c.weight;
        PairRelation r =
            b_side ? relate_pair(c.weight, other[j], weight[i], o) : relate_pair(c.weight, weight[i], other[j], o);
        if (r == PairRelation::noise) continue;
        ++u.partners;
        u.parts.emplace_back(j, weight[i] > 0 ? c.weight / weight[i] : 0.0);
        // relate_pair speaks of (a, b); seen from B, "a within" means "the other lies within me".
        if (b_side && r == PairRelation::a_within)
            r = PairRelation::b_within;
        else if (b_side && r == PairRelation::b_within)
            r = PairRelation::a_within;
        seen[i] |= 1u << static_cast<unsigned>(r);
        if (r == PairRelation::partial) u.splits.push_back(j);
        if (r == PairRelation::uncertain) u.uncertain.push_back(j);
    }
    auto has = [&](std::size_t i, PairRelation r) { return (seen[i] >> static_cast<unsigned>(r)) & 1u; };
    for (std::size_t i = 0; i < units.size(); ++i) {
        UnitScore& u = units[i];
        u.weight = std::max(weight[i], u.covered);
        std::stable_sort(u.parts.begin(), u.parts.end(),
                         [](const auto& l, const auto& r) { return l.second > r.second; });
        std::sort(u.splits.begin(), u.splits.end());
        std::sort(u.uncertain.begin(), u.uncertain.end());
        if (u.best != none && u.weight > 0) {
            const double m = best_m[i];
            u.share_in_best = m / u.weight;
            u.best_share_of_b = other[u.best] > 0 ? m / other[u.best] : 0.0;
            u.iou = m / (u.weight + other[u.best] - m);
        }
        const double rest = u.weight - u.covered; // outside every unit of the other layer
        if (u.partners == 0 || u.weight <= 0)
            u.relation = Relation::outside;
        else if (has(i, PairRelation::equal))
            u.relation = Relation::equal;
        else if (has(i, PairRelation::a_within))
            u.relation = Relation::within;
        else if (has(i, PairRelation::partial))
            u.relation = Relation::split;
        else if (has(i, PairRelation::uncertain))
            u.relation = Relation::uncertain;
        else if (immaterial(rest, u.weight, o))
            u.relation = Relation::union_of_whole;
        else if (rest < o.uncertain * u.weight)
            u.relation = Relation::uncertain;
        else
            u.relation = Relation::contains;
    }
}

void count_side(const std::vector<UnitScore>& units, RelationCounts& c)
{
    double nested = 0, split = 0, uncertain = 0, unions = 0;
    for (const UnitScore& u : units) {
        if (u.weight <= 0) continue;
        ++c.units;
        c.weight += u.weight;
        switch (u.relation) {
        case Relation::equal:
            ++c.equal, nested += u.weight, unions += u.weight;
            break;
        case Relation::within:
            ++c.within, nested += u.weight;
            break;
        case Relation::union_of_whole:
            ++c.union_of_whole, unions += u.weight;
            break;
        case Relation::contains:
            ++c.contains;
            break;
        case Relation::split:
            ++c.split, split += u.weight;
            break;
        case Relation::uncertain:
            ++c.uncertain, uncertain += u.weight;
            break;
        case Relation::outside:
            ++c.outside;
            break;
        }
    }
    if (c.weight > 0) {
        c.nested_share = nested / c.weight;
        c.split_share = split / c.weight;
        c.uncertain_share = uncertain / c.weight;
        c.unions_share = unions / c.weight;
    }
}

void score_pair(const std::vector<ScoreCell>& cells, const std::vector<double>& row, const std::vector<double>& col,
                bool counts, Scores& s)
{
    PairScores& p = s.pair;
    count_side(s.a_units, p.a);
    count_side(s.b_units, p.b);
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
        p.mean_share_in_best += u.share_in_best * u.weight / n;
        p.mean_iou += u.iou * row[i] / n;
    }
    for (double c : col)
        p.h_b -= plogp(c / n);
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

PairRelation relate_pair(double m, double wa, double wb, const ScoreOptions& o)
{
    wa = std::max(wa, m);
    wb = std::max(wb, m);
    if ((m <= o.noise * wa && m <= o.noise * wb) || m < o.min_weight) return PairRelation::noise;
    const bool whole_a = immaterial(wa - m, wa, o), whole_b = immaterial(wb - m, wb, o);
    if (whole_a && whole_b) return PairRelation::equal;
    if (whole_a) return PairRelation::a_within;
    if (whole_b) return PairRelation::b_within;
    const double sa = m / wa, sb = m / wb, u = o.uncertain;
    // Nearly whole on one side, or a small piece of both: within the generalisation band.
    if (1 - sa < u || 1 - sb < u || (sa < u && sb < u)) return PairRelation::uncertain;
    return PairRelation::partial;
}

Scores score_matrix(const std::vector<ScoreCell>& cells_in, const std::vector<double>& a_weight,
                    const std::vector<double>& b_weight, const ScoreOptions& options, bool counts)
{
    std::vector<ScoreCell> cells;
    for (const auto& c : cells_in)
        if (c.weight > 0) cells.push_back(c);
    std::sort(cells.begin(), cells.end(),
              [](const ScoreCell& l, const ScoreCell& r) { return l.a != r.a ? l.a < r.a : l.b < r.b; });
    std::vector<double> row(a_weight.size(), 0.0), col(b_weight.size(), 0.0);
    for (const auto& c : cells) {
        row[c.a] += c.weight;
        col[c.b] += c.weight;
    }
    std::vector<double> wa(a_weight), wb(b_weight);
    for (std::size_t i = 0; i < wa.size(); ++i)
        wa[i] = options.shares_of_covered ? row[i] : std::max(wa[i], row[i]);
    for (std::size_t j = 0; j < wb.size(); ++j)
        wb[j] = options.shares_of_covered ? col[j] : std::max(wb[j], col[j]);
    Scores s;
    score_side(
        cells, wa, wb, options, false, [](const ScoreCell& c) { return c.a; }, [](const ScoreCell& c) { return c.b; },
        s.a_units);
    std::vector<ScoreCell> by_b(cells);
    std::stable_sort(by_b.begin(), by_b.end(), [](const ScoreCell& l, const ScoreCell& r) { return l.b < r.b; });
    score_side(
        by_b, wb, wa, options, true, [](const ScoreCell& c) { return c.b; }, [](const ScoreCell& c) { return c.a; },
        s.b_units);
    score_pair(cells, row, col, counts, s);
    return s;
}

Scores score_matrix(const std::vector<ScoreCell>& cells, std::size_t na, std::size_t nb, const ScoreOptions& options,
                    bool counts)
{
    return score_matrix(cells, std::vector<double>(na, 0.0), std::vector<double>(nb, 0.0), options, counts);
}

Scores swap_sides(Scores s)
{
    std::swap(s.a_units, s.b_units);
    PairScores& p = s.pair;
    std::swap(p.a, p.b);
    std::swap(p.h_a, p.h_b);
    std::swap(p.h_a_given_b, p.h_b_given_a);
    std::swap(p.nesting_a_in_b, p.nesting_b_in_a);
    // The means are of the A side: recompute them for the new A.
    p.mean_share_in_best = p.mean_iou = 0;
    if (p.total > 0)
        for (const UnitScore& u : s.a_units) {
            p.mean_share_in_best += u.share_in_best * u.weight / p.total;
            p.mean_iou += u.iou * u.covered / p.total;
        }
    return s;
}

const char* relation_name(Relation r)
{
    switch (r) {
    case Relation::equal:
        return "equal";
    case Relation::within:
        return "within";
    case Relation::union_of_whole:
        return "union";
    case Relation::contains:
        return "contains";
    case Relation::split:
        return "split";
    case Relation::uncertain:
        return "uncertain";
    default:
        return "outside";
    }
}

} // namespace coterm
