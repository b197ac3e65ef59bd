// SPDX-License-Identifier: MIT
#pragma once
// The data of a districting problem for `coterm propose` (docs/methods.md §16): atoms
// (blocks, or groups of blocks that must stay together), their people, their adjacency
// and how their people fall in the units of the layers the objective looks at.
#include <cstddef>
#include <limits>
#include <utility>
#include <vector>

namespace coterm {

/// People of each block (or atom) in each unit of one layer: sparse rows, units ascending.
struct UnitMatrix {
    std::vector<std::vector<std::pair<std::size_t, double>>> rows; ///< per block: (unit, people)
    std::vector<double> unit_total;                                ///< per unit: Σ of its column
};

/// The matrix of small areas located in blocks (`block_of`) and units (`unit_of`), each
/// carrying `values[w]` people; small areas in no block or no unit (no_feature) are left out.
UnitMatrix unit_matrix(const std::vector<std::size_t>& block_of, const std::vector<std::size_t>& unit_of,
                       const std::vector<double>& values, std::size_t blocks, std::size_t units);

/// The rows of `m` summed by group: row g = Σ rows of the blocks b with group_of[b] == g.
UnitMatrix group_rows(const UnitMatrix& m, const std::vector<std::size_t>& group_of, std::size_t groups);

/// The unit holding most of each block's people (ties: lowest unit), or `none` when the
/// block has no people in any unit.
std::vector<std::size_t> majority_units(const UnitMatrix& m, std::size_t none);

/// A districting problem on atoms.
struct PartitionProblem {
    std::vector<double> population;                           ///< per atom, people
    std::vector<std::vector<std::size_t>> neighbours;         ///< per atom: adjacent atoms, sorted
    std::vector<UnitMatrix> layers;                           ///< objective layers, rows per atom
    std::vector<double> weights;                              ///< per layer: weight of its misplaced people
    double balance_weight = 0;                                ///< weight of the balance term
    double pop_min = 0;                                       ///< floor per footprint, people
    double pop_max = std::numeric_limits<double>::infinity(); ///< ceiling per footprint
    std::size_t count_min = 1, count_max = 1;                 ///< number of footprints
    std::vector<std::size_t> nest;  ///< per atom: its unit of the nesting layer (all 0 when none)
    std::vector<std::size_t> fixed; ///< per atom: fixed group + 1, or 0 when free
};

/// A lower bound of each layer's misplaced people over every partition meeting the
/// nesting and the ceiling: a unit's people in its main footprint are at most its
/// people in one nesting unit, and at most the ceiling (docs/methods.md §16.5).
std::vector<double> misplaced_lower_bounds(const PartitionProblem& p);

/// The objective terms of a partition computed from scratch (no incremental state):
/// per layer its misplaced people, then the balance term. For checking PartitionState.
std::vector<double> objective_terms(const PartitionProblem& p, const std::vector<std::size_t>& region_of,
                                    std::size_t regions);

} // namespace coterm
