// SPDX-License-Identifier: MIT
// Local search and restarts (docs/methods.md §16.4).
#include "core/partition_search.hpp"

#include "core/parallel.hpp"
#include "core/partition_random.hpp"
#include "core/partition_state.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <tuple>

namespace coterm {
namespace {

/// True when region `r` stays connected without atom `a` (a breadth-first walk from one
/// of a's neighbours in r must reach the region's other atoms).
bool stays_connected(const PartitionProblem& p, const PartitionState& s, std::size_t a, std::vector<char>& seen,
                     std::vector<std::size_t>& stack)
{
    const std::size_t r = s.region_of()[a];
    const std::size_t need = s.region_size(r) - 1;
    std::size_t start = a;
    for (std::size_t n : p.neighbours[a])
        if (s.region_of()[n] == r) start = n;
    if (start == a) return need == 0;
    std::vector<std::size_t> touched{start};
    seen[start] = 1;
    stack.assign(1, start);
    std::size_t reached = 1;
    while (!stack.empty() && reached < need) {
        const std::size_t v = stack.back();
        stack.pop_back();
        for (std::size_t w : p.neighbours[v])
            if (w != a && !seen[w] && s.region_of()[w] == r)
                seen[w] = 1, touched.push_back(w), stack.push_back(w), ++reached;
    }
    for (std::size_t v : touched)
        seen[v] = 0;
    return reached == need;
}

/// Moves single atoms to adjacent regions while the score falls (first improvement, in
/// a seeded order); each move keeps both regions contiguous and non-empty.
void local_search(const PartitionProblem& p, PartitionState& s, Rng& rng, std::size_t max_passes,
                  std::uint64_t& evaluations)
{
    const std::size_t n = p.population.size();
    const std::vector<std::size_t> order = shuffled_indexes(n, rng);
    std::vector<char> seen(n, 0);
    std::vector<std::size_t> stack, targets;
    for (std::size_t pass = 0; pass < max_passes; ++pass) {
        bool improved = false;
        for (std::size_t a : order) {
            const std::size_t from = s.region_of()[a];
            if (p.fixed[a] != 0 || s.region_size(from) == 1) continue;
            targets.clear();
            for (std::size_t b : p.neighbours[a]) {
                const std::size_t r = s.region_of()[b];
                if (r != from && p.nest[b] == p.nest[a]) targets.push_back(r);
            }
            std::sort(targets.begin(), targets.end());
            targets.erase(std::unique(targets.begin(), targets.end()), targets.end());
            double best = -1e-6;
            std::size_t to = from;
            for (std::size_t r : targets) {
                ++evaluations;
                const double d = s.delta_move(a, r);
                if (d < best) best = d, to = r;
            }
            if (to == from || !stays_connected(p, s, a, seen, stack)) continue;
            s.move(a, to);
            improved = true;
        }
        if (!improved) break;
    }
}

/// Swaps of two adjacent atoms of different regions (a to b's region, b to a's), made
/// when together they lower the score: under tight population bounds neither single
/// move may be allowed while the exchange is. Both regions stay contiguous and
/// non-empty (checked move by move). Returns whether any swap was made.
bool swap_pass(const PartitionProblem& p, PartitionState& s, Rng& rng, std::uint64_t& evaluations)
{
    const std::size_t n = p.population.size();
    const std::vector<std::size_t> order = shuffled_indexes(n, rng);
    std::vector<char> seen(n, 0);
    std::vector<std::size_t> stack;
    bool improved = false;
    for (std::size_t a : order) {
        for (std::size_t b : p.neighbours[a]) {
            const std::size_t ra = s.region_of()[a], rb = s.region_of()[b];
            if (ra == rb || p.fixed[a] != 0 || p.fixed[b] != 0 || p.nest[a] != p.nest[b] || s.region_size(ra) == 1)
                continue;
            ++evaluations;
            const double first = s.delta_move(a, rb);
            if (!stays_connected(p, s, a, seen, stack)) continue;
            s.move(a, rb);
            const bool touches = std::any_of(p.neighbours[b].begin(), p.neighbours[b].end(),
                                             [&](std::size_t c) { return s.region_of()[c] == ra; });
            if (touches && first + s.delta_move(b, ra) < -1e-6 && stays_connected(p, s, b, seen, stack)) {
                s.move(b, ra);
                improved = true;
                break; // a has moved: its neighbours are another region's now
            }
            s.move(a, ra); // undo
        }
    }
    return improved;
}

/// Single moves to convergence, then swaps while they improve (each followed by single
/// moves again).
void descend(const PartitionProblem& p, PartitionState& s, Rng& rng, std::size_t max_passes, bool swaps,
             std::uint64_t& evaluations)
{
    local_search(p, s, rng, max_passes, evaluations);
    for (std::size_t pass = 0; swaps && pass < max_passes && swap_pass(p, s, rng, evaluations); ++pass)
        local_search(p, s, rng, max_passes, evaluations);
}

/// A perturbation: moves a chunk of 2–7 atoms, grown from a random border atom, into the
/// neighbouring region it faces, each move keeping its region contiguous and non-empty.
void kick(const PartitionProblem& p, PartitionState& s, Rng& rng, std::vector<char>& seen,
          std::vector<std::size_t>& stack)
{
    const std::size_t n = p.population.size();
    for (int attempt = 0; attempt < 20; ++attempt) {
        const std::size_t a = random_index(rng, n);
        if (p.fixed[a] != 0 || p.neighbours[a].empty()) continue;
        const std::size_t from = s.region_of()[a];
        const std::size_t b = p.neighbours[a][random_index(rng, p.neighbours[a].size())];
        const std::size_t to = s.region_of()[b];
        if (to == from || p.nest[b] != p.nest[a]) continue;
        const std::size_t size = 2 + random_index(rng, 6);
        std::vector<std::size_t> frontier{a};
        std::size_t moved = 0;
        for (std::size_t i = 0; i < frontier.size() && moved < size; ++i) {
            const std::size_t x = frontier[i];
            if (s.region_of()[x] != from || p.fixed[x] != 0 || s.region_size(from) == 1 ||
                !stays_connected(p, s, x, seen, stack))
                continue;
            s.move(x, to);
            ++moved;
            for (std::size_t y : p.neighbours[x])
                if (s.region_of()[y] == from && p.nest[y] == p.nest[x]) frontier.push_back(y);
        }
        if (moved > 0) return;
    }
}

/// Iterated local search: local search, then `kicks` times a perturbation followed by
/// local search, keeping the best state (a worse result is undone).
void improve(const PartitionProblem& p, std::unique_ptr<PartitionState>& state, Rng& rng, std::size_t max_passes,
             std::size_t kicks, bool swaps, std::uint64_t& evaluations)
{
    descend(p, *state, rng, max_passes, swaps, evaluations);
    std::vector<std::size_t> best = state->region_of();
    double best_score = state->score();
    const std::size_t regions = state->regions();
    std::vector<char> seen(p.population.size(), 0);
    std::vector<std::size_t> stack;
    for (std::size_t k = 0; k < kicks; ++k) {
        kick(p, *state, rng, seen, stack);
        descend(p, *state, rng, max_passes, swaps, evaluations);
        if (state->score() < best_score - 1e-6) {
            best = state->region_of();
            best_score = state->score();
        } else if (state->region_of() != best) {
            state = std::make_unique<PartitionState>(p, best, regions);
        }
    }
}

} // namespace

std::size_t canonical_regions(std::vector<std::size_t>& region_of)
{
    std::map<std::size_t, std::size_t> renumber;
    for (std::size_t& r : region_of) {
        const auto it = renumber.emplace(r, renumber.size()).first;
        r = it->second;
    }
    return renumber.size();
}

SearchResult search_partitions(const PartitionProblem& p, const SearchOptions& o,
                               const std::function<void(std::size_t, std::size_t)>& progress)
{
    const std::size_t restarts = std::max<std::size_t>(1, o.restarts);
    std::vector<std::optional<Solution>> found(restarts);
    std::vector<std::uint64_t> evaluations(restarts, 0);
    std::vector<std::size_t> reached(restarts, 0);
    std::mutex mutex;
    std::size_t done = 0;
    parallel_for(restarts, o.threads, [&](std::size_t k) {
        std::size_t regions = 0;
        std::vector<std::size_t> region_of = greedy_regions(p, o.seed, k, regions, evaluations[k]);
        reached[k] = regions;
        if (regions <= p.count_max && regions >= p.count_min) {
            auto state = std::make_unique<PartitionState>(p, std::move(region_of), regions);
            Rng rng(stream_seed(o.seed, k + 0x10000));
            improve(p, state, rng, o.max_passes, o.kicks, o.swaps, evaluations[k]);
            Solution s;
            s.region_of = state->region_of();
            s.regions = canonical_regions(s.region_of);
            s.objective = state->objective();
            s.violation = state->violation();
            s.terms = state->terms();
            s.restart = k;
            found[k] = std::move(s);
        }
        if (progress) {
            const std::lock_guard lock(mutex);
            progress(++done, restarts);
        }
    });
    SearchResult out;
    std::vector<Solution> all;
    for (std::size_t k = 0; k < restarts; ++k) {
        out.evaluations += evaluations[k];
        if (found[k]) {
            out.restart_scores.push_back(found[k]->objective);
            all.push_back(std::move(*found[k]));
        } else {
            out.restart_scores.push_back(std::numeric_limits<double>::infinity());
            ++out.failed_restarts;
            out.fewest_regions = out.fewest_regions == 0 ? reached[k] : std::min(out.fewest_regions, reached[k]);
        }
    }
    std::stable_sort(all.begin(), all.end(), [](const Solution& l, const Solution& r) {
        return std::make_tuple(l.violation > 1e-6, l.violation, l.objective, l.restart) <
               std::make_tuple(r.violation > 1e-6, r.violation, r.objective, r.restart);
    });
    for (Solution& s : all) {
        const bool seen = std::any_of(out.solutions.begin(), out.solutions.end(),
                                      [&](const Solution& t) { return t.region_of == s.region_of; });
        if (!seen && out.solutions.size() < std::max<std::size_t>(1, o.options)) out.solutions.push_back(std::move(s));
    }
    return out;
}

} // namespace coterm
