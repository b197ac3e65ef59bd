// SPDX-License-Identifier: MIT
#pragma once
// The heuristic of `coterm propose` (docs/methods.md §16.4): seeded greedy agglomeration
// of contiguous regions, then local search by contiguity-preserving single-atom moves,
// repeated from several seeds; the best distinct partitions are kept.
#include "core/partition_problem.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace coterm {

/// How hard to search.
struct SearchOptions {
    std::uint64_t seed = 1;        ///< restart k uses the stream seeded by (seed, k)
    std::size_t restarts = 8;      ///< --effort: independent greedy + local search runs
    std::size_t options = 1;       ///< how many distinct partitions to return
    std::size_t max_passes = 1000; ///< local-search passes over all atoms per restart
    std::size_t kicks = 20;        ///< perturbations (chunk moves + local search) per restart
    bool swaps = true;             ///< also exchange two adjacent atoms of different regions
    unsigned threads = 0;          ///< restarts run in parallel; results do not depend on it
};

/// One partition found.
struct Solution {
    std::vector<std::size_t> region_of; ///< per atom; regions numbered by their lowest atom
    std::size_t regions = 0;
    double objective = 0;      ///< Σ weighted terms
    double violation = 0;      ///< people beyond the population bounds (0 = bounds met)
    std::vector<double> terms; ///< misplaced per layer, then balance
    std::size_t restart = 0;   ///< which restart found it first
};

/// What the search did.
struct SearchResult {
    std::vector<Solution> solutions;    ///< best first: bounds met, then objective; distinct
    std::vector<double> restart_scores; ///< per restart: its final objective (+inf if it failed)
    std::uint64_t evaluations = 0;      ///< candidate moves evaluated (delta_move calls and merges)
    std::size_t failed_restarts = 0;    ///< restarts whose greedy phase could not reach count_max
    std::size_t fewest_regions = 0;     ///< the fewest regions a failed greedy phase reached
};

/// Runs the search. `progress(done, total)` is called after each restart (from worker
/// threads, serialised by the caller if it needs to be). Deterministic for a seed and
/// effort, whatever the thread count.
SearchResult search_partitions(const PartitionProblem& problem, const SearchOptions& options,
                               const std::function<void(std::size_t, std::size_t)>& progress = {});

/// Greedy agglomeration alone, for one restart (k = 0 is the unperturbed order). Returns
/// the region of each atom and sets `regions`; `regions` > count_max when it failed.
std::vector<std::size_t> greedy_regions(const PartitionProblem& problem, std::uint64_t seed, std::size_t k,
                                        std::size_t& regions, std::uint64_t& evaluations);

/// A random contiguous partition into count_max regions meeting the ceiling (the
/// baseline of the benchmark, as spopt's RandomRegions): seeds grown at random. Empty
/// when no partition was found within 100 tries.
std::vector<std::size_t> random_regions(const PartitionProblem& problem, std::uint64_t seed);

/// Renumbers regions by their lowest atom, so equal partitions compare equal.
std::size_t canonical_regions(std::vector<std::size_t>& region_of);

} // namespace coterm
