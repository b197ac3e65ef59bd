// SPDX-License-Identifier: MIT
#pragma once
// The inputs of `coterm propose` turned into a districting problem: layers loaded once,
// the block × unit population matrices, atoms (blocks kept together) and the checks that
// show a request infeasible before any search (docs/methods.md §16.1, §16.6).
#include "analysis/propose.hpp"
#include "core/partition_problem.hpp"

#include <memory>

namespace coterm::analysis {

/// One layer the request names, with where each block's people mostly live in it.
struct UnitLayer {
    std::string id;
    std::shared_ptr<const Layer> layer;
    UnitMatrix matrix;                          ///< per block
    std::vector<std::size_t> majority_of_block; ///< unit holding most of the block's people (by point when none)
};

/// Everything the search and the evaluation of options need.
struct ProposeModel {
    Layer blocks;
    std::vector<double> block_population;
    double total_population = 0;
    BlockGraph graph;                   ///< block adjacency after the island rule
    std::vector<UnitLayer> objective;   ///< --split-layers, then --from (if given)
    std::vector<std::string> term_keys; ///< per objective layer: its --weights key
    std::optional<UnitLayer> from;      ///< the status quo layer
    std::vector<UnitLayer> keep_whole;
    std::optional<UnitLayer> nest;
    std::vector<std::string> fixed_codes;    ///< fixed group codes (label − 1)
    std::vector<std::string> fixed_names;    ///< their footprint_name (the code when the file has none)
    std::vector<std::size_t> fixed_of_block; ///< fixed label + 1, or 0
    std::vector<std::size_t> atom_of_block;
    std::vector<std::vector<std::size_t>> atom_blocks;
    std::vector<std::string> keep_whole_split; ///< blocks in several units of a keep-whole layer
    bool count_from_bounds = false;            ///< the footprint count was derived from the population bounds
    PartitionProblem atom_problem;             ///< what the search solves
    PartitionProblem block_problem;            ///< the same on blocks, to evaluate any footprint set
};

/// Loads and checks. Throws UsageError for a malformed request and DataError when it is
/// infeasible, saying which constraint and which units. A count not given (0) is derived
/// from the population bounds and written back into `options` (docs/methods.md §16.1).
ProposeModel build_model(ProposeOptions& options, const ProposeInputs& inputs);

/// Throws DataError when the request cannot be met, naming the constraint, the units and
/// the numbers (a keep-whole unit above the ceiling, more footprints than atoms, …).
void check_feasible(const ProposeModel& m, const ProposeOptions& options);

/// Each constraint of the request, met or not, for one footprint set.
std::vector<ConstraintCheck> check_constraints(const ProposeModel& m, const ProposeOptions& options,
                                               const std::vector<std::size_t>& footprint_of_block,
                                               const std::vector<FootprintSpec>& footprints);

/// The groups of blocks kept together (keep-whole units, fixed groups) whose blocks are
/// not connected by themselves, named with their blocks: the search moves each group as
/// one piece, so a footprint holding one is contiguous only if it also takes the blocks
/// between them.
std::vector<std::string> disconnected_groups(const ProposeModel& m);

/// People as a whole number with thousands separators: "2,345,678".
std::string format_people(double people);

} // namespace coterm::analysis
