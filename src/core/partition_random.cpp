// SPDX-License-Identifier: MIT
#include "core/partition_random.hpp"
#include "core/partition_search.hpp"

#include <algorithm>
#include <numeric>

namespace coterm {
namespace {

std::uint64_t splitmix(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

} // namespace

std::uint64_t stream_seed(std::uint64_t seed, std::uint64_t k)
{
    return splitmix(splitmix(seed) ^ k);
}

double unit_random(Rng& rng)
{
    return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

std::size_t random_index(Rng& rng, std::size_t n)
{
    return static_cast<std::size_t>(unit_random(rng) * static_cast<double>(n));
}

void shuffle_indexes(std::vector<std::size_t>& v, Rng& rng)
{
    for (std::size_t i = v.size(); i > 1; --i)
        std::swap(v[i - 1], v[random_index(rng, i)]);
}

std::vector<std::size_t> shuffled_indexes(std::size_t n, Rng& rng)
{
    std::vector<std::size_t> v(n);
    std::iota(v.begin(), v.end(), std::size_t{0});
    shuffle_indexes(v, rng);
    return v;
}

std::vector<std::size_t> random_regions(const PartitionProblem& p, std::uint64_t seed)
{
    const std::size_t n = p.population.size(), k = p.count_max;
    Rng rng(stream_seed(seed, 0x5eed));
    for (int attempt = 0; attempt < 100; ++attempt) {
        constexpr std::size_t none = static_cast<std::size_t>(-1);
        std::vector<std::size_t> region(n, none), seeds = shuffled_indexes(n, rng);
        seeds.resize(std::min(k, n));
        std::vector<double> pop(seeds.size(), 0.0);
        std::vector<std::vector<std::size_t>> frontier(seeds.size());
        for (std::size_t r = 0; r < seeds.size(); ++r) {
            region[seeds[r]] = r;
            pop[r] = p.population[seeds[r]];
            frontier[r] = {seeds[r]};
        }
        std::size_t assigned = seeds.size();
        for (;;) {
            // Regions that can still grow: a random one takes a random unassigned neighbour.
            std::vector<std::pair<std::size_t, std::size_t>> moves; // (region, atom)
            for (std::size_t r = 0; r < seeds.size(); ++r) {
                std::erase_if(frontier[r], [&](std::size_t a) {
                    return std::none_of(p.neighbours[a].begin(), p.neighbours[a].end(),
                                        [&](std::size_t b) { return region[b] == none; });
                });
                for (std::size_t a : frontier[r])
                    for (std::size_t b : p.neighbours[a])
                        if (region[b] == none && p.nest[b] == p.nest[seeds[r]] && pop[r] + p.population[b] <= p.pop_max)
                            moves.push_back({r, b});
            }
            if (moves.empty()) break;
            const auto [r, b] = moves[random_index(rng, moves.size())];
            region[b] = r;
            pop[r] += p.population[b];
            frontier[r].push_back(b);
            ++assigned;
        }
        if (assigned == n) return region;
    }
    return {};
}

} // namespace coterm
