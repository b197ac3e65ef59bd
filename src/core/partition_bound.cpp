// SPDX-License-Identifier: MIT
#include "core/partition_bound.hpp"

#include <algorithm>
#include <numeric>

namespace coterm {
namespace {

std::size_t find_root(std::vector<std::size_t>& parent, std::size_t a)
{
    while (parent[a] != a)
        a = parent[a] = parent[parent[a]];
    return a;
}

} // namespace

double count_lower_bound(const PartitionProblem& p)
{
    const std::size_t n = p.population.size();
    if (p.count_min <= 1 || n == 0) return 0;
    // Components of the atoms linked through the units of every weighted layer.
    std::vector<std::size_t> parent(n);
    std::iota(parent.begin(), parent.end(), std::size_t{0});
    std::vector<double> pieces; // every unit's atom pieces but its largest, weighted
    for (std::size_t l = 0; l < p.layers.size(); ++l) {
        if (p.weights[l] <= 0) continue;
        const UnitMatrix& m = p.layers[l];
        std::vector<std::vector<std::pair<double, std::size_t>>> by_unit(m.unit_total.size());
        for (std::size_t a = 0; a < n; ++a)
            for (const auto& [u, people] : m.rows[a])
                if (people > 0) by_unit[u].push_back({people, a});
        for (auto& unit : by_unit) {
            if (unit.empty()) continue;
            for (const auto& piece : unit)
                parent[find_root(parent, piece.second)] = find_root(parent, unit.front().second);
            std::sort(unit.begin(), unit.end());
            for (std::size_t i = 0; i + 1 < unit.size(); ++i)
                pieces.push_back(p.weights[l] * unit[i].first);
        }
    }
    std::size_t components = 0;
    for (std::size_t a = 0; a < n; ++a)
        components += find_root(parent, a) == a;
    if (p.count_min <= components) return 0;
    // K footprints give K + U − Σ p_u ≤ c components of the footprint–unit graph, so the
    // units meet Σ (p_u − 1) ≥ K − c footprints beyond their main one; each such
    // footprint holds at least one of the unit's pieces outside the main footprint.
    const std::size_t cuts = std::min(p.count_min - components, pieces.size());
    std::partial_sort(pieces.begin(), pieces.begin() + static_cast<std::ptrdiff_t>(cuts), pieces.end());
    return std::accumulate(pieces.begin(), pieces.begin() + static_cast<std::ptrdiff_t>(cuts), 0.0);
}

} // namespace coterm
