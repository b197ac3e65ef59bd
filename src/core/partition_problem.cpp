// SPDX-License-Identifier: MIT
#include "core/partition_problem.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace coterm {

UnitMatrix unit_matrix(const std::vector<std::size_t>& block_of, const std::vector<std::size_t>& unit_of,
                       const std::vector<double>& values, std::size_t blocks, std::size_t units)
{
    std::vector<std::map<std::size_t, double>> rows(blocks);
    UnitMatrix m;
    m.unit_total.assign(units, 0.0);
    for (std::size_t w = 0; w < block_of.size(); ++w) {
        if (block_of[w] >= blocks || unit_of[w] >= units || values[w] <= 0) continue;
        rows[block_of[w]][unit_of[w]] += values[w];
        m.unit_total[unit_of[w]] += values[w];
    }
    for (const auto& row : rows)
        m.rows.emplace_back(row.begin(), row.end());
    return m;
}

UnitMatrix group_rows(const UnitMatrix& m, const std::vector<std::size_t>& group_of, std::size_t groups)
{
    std::vector<std::map<std::size_t, double>> rows(groups);
    for (std::size_t b = 0; b < m.rows.size(); ++b)
        for (const auto& [unit, people] : m.rows[b])
            rows[group_of[b]][unit] += people;
    UnitMatrix out;
    out.unit_total = m.unit_total;
    for (const auto& row : rows)
        out.rows.emplace_back(row.begin(), row.end());
    return out;
}

std::vector<std::size_t> majority_units(const UnitMatrix& m, std::size_t none)
{
    std::vector<std::size_t> out(m.rows.size(), none);
    for (std::size_t b = 0; b < m.rows.size(); ++b) {
        double best = 0;
        for (const auto& [unit, people] : m.rows[b])
            if (people > best) best = people, out[b] = unit;
    }
    return out;
}

std::vector<double> misplaced_lower_bounds(const PartitionProblem& p)
{
    std::vector<double> out;
    for (const UnitMatrix& m : p.layers) {
        // people of each unit in each nesting unit
        std::map<std::pair<std::size_t, std::size_t>, double> by_nest;
        for (std::size_t a = 0; a < m.rows.size(); ++a)
            for (const auto& [unit, people] : m.rows[a])
                by_nest[{unit, p.nest[a]}] += people;
        std::vector<double> best(m.unit_total.size(), 0.0);
        for (const auto& [key, people] : by_nest)
            best[key.first] = std::max(best[key.first], people);
        double bound = 0;
        for (std::size_t u = 0; u < best.size(); ++u)
            bound += m.unit_total[u] - std::min(best[u], p.pop_max);
        out.push_back(std::max(0.0, bound));
    }
    return out;
}

std::vector<double> objective_terms(const PartitionProblem& p, const std::vector<std::size_t>& region_of,
                                    std::size_t regions)
{
    std::vector<double> out;
    for (const UnitMatrix& m : p.layers) {
        std::map<std::pair<std::size_t, std::size_t>, double> counts; // (unit, region) -> people
        for (std::size_t a = 0; a < m.rows.size(); ++a)
            for (const auto& [unit, people] : m.rows[a])
                counts[{unit, region_of[a]}] += people;
        std::vector<double> best(m.unit_total.size(), 0.0);
        for (const auto& [key, people] : counts)
            best[key.first] = std::max(best[key.first], people);
        double misplaced = 0;
        for (std::size_t u = 0; u < best.size(); ++u)
            misplaced += m.unit_total[u] - best[u];
        out.push_back(misplaced);
    }
    std::vector<double> pop(regions, 0.0);
    double total = 0;
    for (std::size_t a = 0; a < region_of.size(); ++a)
        pop[region_of[a]] += p.population[a], total += p.population[a];
    double balance = 0;
    for (double x : pop)
        balance += std::abs(x - total / static_cast<double>(regions));
    out.push_back(balance / 2);
    return out;
}

} // namespace coterm
