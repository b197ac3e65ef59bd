// SPDX-License-Identifier: MIT
#pragma once
// Lower bounds of the `coterm propose` objective over every partition into at least
// count_min footprints (docs/methods.md §16.5): a counting bound that needs no solver,
// and the bound of a mixed-integer program solved with COIN-OR CBC.
#include "core/partition_problem.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace coterm {

/// A lower bound of Σ_L w_L·misplaced_L over every partition of the atoms into at least
/// count_min footprints, whatever contiguity, nesting and population bounds say.
/// Atoms linked by sharing a unit of a weighted layer form c components; K footprints
/// need K − c unit pieces cut off, and each costs at least its people (methods §16.5).
double count_lower_bound(const PartitionProblem& p);

/// What the exact model gave.
struct MipBound {
    bool run = false;        ///< false: the problem was larger than `max_atoms`, or nodes = 0
    bool optimal = false;    ///< CBC proved its optimum (then bound = that optimum)
    bool infeasible = false; ///< no partition meets count, bounds, nesting and fixed groups
    double bound = 0;        ///< lower bound of Σ_L w_L·misplaced_L (contiguity left out)
    double best = 0;         ///< CBC's best integer objective (may break contiguity)
    std::size_t nodes = 0;   ///< branch-and-bound node limit used
    std::string status;      ///< e.g. "optimal", "node limit", "infeasible", "not run: 153 atoms > 60"
};

/// Solves the assignment model (atoms to representative atoms, count, floor, ceiling,
/// nesting, fixed groups, the misplaced terms; without contiguity and balance, so its
/// optimum bounds the objective from below) with CBC on one thread, stopping after
/// `nodes` branch-and-bound nodes: deterministic. Not run above `max_atoms` atoms.
MipBound mip_lower_bound(const PartitionProblem& p, std::size_t nodes, std::size_t max_atoms);

} // namespace coterm
