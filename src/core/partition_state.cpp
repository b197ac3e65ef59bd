// SPDX-License-Identifier: MIT
#include "core/partition_state.hpp"

#include <algorithm>
#include <cmath>

namespace coterm {

PartitionState::PartitionState(const PartitionProblem& problem, std::vector<std::size_t> region_of, std::size_t regions)
    : p_(problem), region_of_(std::move(region_of)), region_pop_(regions, 0.0), region_size_(regions, 0)
{
    for (std::size_t a = 0; a < region_of_.size(); ++a) {
        region_pop_[region_of_[a]] += p_.population[a];
        ++region_size_[region_of_[a]];
        total_ += p_.population[a];
    }
    for (const UnitMatrix& m : p_.layers) {
        std::vector<std::vector<Count>> counts(m.unit_total.size());
        for (std::size_t a = 0; a < m.rows.size(); ++a)
            for (const auto& [unit, people] : m.rows[a]) {
                auto& c = counts[unit];
                auto it = std::find_if(c.begin(), c.end(), [&](const Count& x) { return x.region == region_of_[a]; });
                if (it == c.end())
                    c.push_back({region_of_[a], people});
                else
                    it->people += people;
            }
        std::vector<double> best(counts.size(), 0.0);
        double misplaced = 0;
        for (std::size_t u = 0; u < counts.size(); ++u) {
            for (const Count& c : counts[u])
                best[u] = std::max(best[u], c.people);
            misplaced += m.unit_total[u] - best[u];
        }
        counts_.push_back(std::move(counts));
        best_.push_back(std::move(best));
        misplaced_.push_back(misplaced);
    }
    for (double pop : region_pop_)
        violation_ += bound_violation(pop), balance_sum_ += std::abs(pop - total_ / static_cast<double>(regions));
    // One person outside the bounds must cost more than any objective gain of a move.
    double w = p_.balance_weight;
    for (double x : p_.weights)
        w += x;
    penalty_weight_ = 4 * w + 1;
}

double PartitionState::bound_violation(double pop) const
{
    return std::max(0.0, p_.pop_min - pop) + std::max(0.0, pop - p_.pop_max);
}

double PartitionState::balance() const
{
    return balance_sum_ / 2;
}

double PartitionState::objective() const
{
    double out = p_.balance_weight * balance();
    for (std::size_t l = 0; l < misplaced_.size(); ++l)
        out += p_.weights[l] * misplaced_[l];
    return out;
}

std::vector<double> PartitionState::terms() const
{
    std::vector<double> out = misplaced_;
    out.push_back(balance());
    return out;
}

double PartitionState::delta_move(std::size_t a, std::size_t to) const
{
    const std::size_t from = region_of_[a];
    if (from == to) return 0;
    double delta = 0;
    for (std::size_t l = 0; l < p_.layers.size(); ++l) {
        if (p_.weights[l] == 0) continue;
        double d = 0;
        for (const auto& [unit, people] : p_.layers[l].rows[a]) {
            double best = 0;
            bool seen_to = false;
            for (const Count& c : counts_[l][unit]) {
                double x = c.people;
                if (c.region == from) x -= people;
                if (c.region == to) x += people, seen_to = true;
                best = std::max(best, x);
            }
            if (!seen_to) best = std::max(best, people);
            d += best_[l][unit] - best; // misplaced = total − best
        }
        delta += p_.weights[l] * d;
    }
    const double pf = region_pop_[from], pt = region_pop_[to], x = p_.population[a];
    const double mean = total_ / static_cast<double>(regions());
    const double balance_change =
        std::abs(pf - x - mean) + std::abs(pt + x - mean) - std::abs(pf - mean) - std::abs(pt - mean);
    delta += p_.balance_weight * balance_change / 2;
    const double violation_change =
        bound_violation(pf - x) + bound_violation(pt + x) - bound_violation(pf) - bound_violation(pt);
    return delta + penalty_weight_ * violation_change;
}

void PartitionState::move(std::size_t a, std::size_t to)
{
    const std::size_t from = region_of_[a];
    if (from == to) return;
    for (std::size_t l = 0; l < p_.layers.size(); ++l)
        for (const auto& [unit, people] : p_.layers[l].rows[a]) {
            auto& c = counts_[l][unit];
            auto it = std::find_if(c.begin(), c.end(), [&](const Count& x) { return x.region == to; });
            if (it == c.end())
                c.push_back({to, people});
            else
                it->people += people;
            for (auto& x : c)
                if (x.region == from) x.people -= people;
            // Drop emptied entries (tolerating rounding) so the lists stay short.
            std::erase_if(c, [](const Count& x) { return x.people <= 1e-9; });
            double best = 0;
            for (const Count& x : c)
                best = std::max(best, x.people);
            misplaced_[l] += best_[l][unit] - best;
            best_[l][unit] = best;
        }
    const double mean = total_ / static_cast<double>(regions()), x = p_.population[a];
    for (std::size_t r : {from, to}) {
        violation_ -= bound_violation(region_pop_[r]);
        balance_sum_ -= std::abs(region_pop_[r] - mean);
    }
    region_pop_[from] -= x;
    region_pop_[to] += x;
    for (std::size_t r : {from, to}) {
        violation_ += bound_violation(region_pop_[r]);
        balance_sum_ += std::abs(region_pop_[r] - mean);
    }
    --region_size_[from];
    ++region_size_[to];
    region_of_[a] = to;
}

} // namespace coterm
