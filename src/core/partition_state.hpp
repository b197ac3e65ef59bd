// SPDX-License-Identifier: MIT
#pragma once
// A partition of atoms into footprints with its objective kept up to date as atoms move
// (docs/methods.md §16.3): moving one atom touches only the units its people live in.
#include "core/partition_problem.hpp"

#include <cstddef>
#include <vector>

namespace coterm {

/// Regions (footprints) 0 … regions−1 of the atoms of a PartitionProblem, with per layer
/// and unit the people of the unit in each region, and each unit's largest such count.
class PartitionState {
public:
    /// Precondition: region_of[a] < regions for every atom.
    PartitionState(const PartitionProblem& problem, std::vector<std::size_t> region_of, std::size_t regions);

    std::size_t regions() const { return region_pop_.size(); }
    const std::vector<std::size_t>& region_of() const { return region_of_; }
    double region_population(std::size_t r) const { return region_pop_[r]; }
    /// Atoms in region r.
    std::size_t region_size(std::size_t r) const { return region_size_[r]; }

    /// People of layer L's units outside their unit's main footprint.
    double misplaced(std::size_t layer) const { return misplaced_[layer]; }
    /// ½ Σ_r |P_r − P̄|: people who would have to move to make the footprints equal.
    double balance() const;
    /// People beyond the population bounds: Σ_r max(0, floor − P_r) + max(0, P_r − ceiling).
    double violation() const { return violation_; }
    /// Σ_L w_L · misplaced_L + w_balance · balance.
    double objective() const;
    /// objective + penalty_weight · violation: what the local search minimises.
    double score() const { return objective() + penalty_weight_ * violation_; }
    /// All terms: misplaced per layer, then balance.
    std::vector<double> terms() const;

    /// The change in score if atom `a` moved to region `to` (0 when it is already there).
    double delta_move(std::size_t a, std::size_t to) const;
    /// Moves atom `a` to region `to`, updating every term.
    void move(std::size_t a, std::size_t to);

private:
    struct Count {
        std::size_t region;
        double people;
    };
    double bound_violation(double pop) const;
    const PartitionProblem& p_;
    std::vector<std::size_t> region_of_;
    std::vector<double> region_pop_;
    std::vector<std::size_t> region_size_;
    std::vector<std::vector<std::vector<Count>>> counts_; ///< [layer][unit]: people per region (sparse)
    std::vector<std::vector<double>> best_;               ///< [layer][unit]: max of counts
    std::vector<double> misplaced_;
    double total_ = 0, violation_ = 0, balance_sum_ = 0, penalty_weight_ = 1;
};

} // namespace coterm
