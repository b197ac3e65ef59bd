// SPDX-License-Identifier: MIT
#pragma once
#include "analysis/context.hpp"
#include "analysis/score_rule.hpp"
#include "analysis/weights.hpp"
#include "core/layer.hpp"

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace coterm::analysis {

/// What `coterm diff` compares (docs/methods.md §18).
struct DiffOptions {
    std::string a, b;                 ///< the two layers (catalogue ids or paths): before and after
    std::string blocks;               ///< building blocks; empty: the weights layer (LSOA 2021)
    WeightsSpec weights;              ///< the people
    std::vector<std::string> compare; ///< comparison layers whose splits are listed before and after
    RuleRequest rule;                 ///< overrides of the measured generalisation band (uncertain)

    io::ReadOptions a_read, b_read, blocks_read; ///< --a-where/--a-sql, --b-…, --blocks-… (needs blocks)
};

/// How the blocks of one (A unit, B unit) pair changed.
enum class PairKind {
    kept,        ///< the same code before and after
    moved,       ///< a different code after: the blocks changed unit
    redigitised, ///< a different code, but the piece is within the generalisation band of layers not sharing edges
    added,       ///< in no A unit before, in a B unit after
    removed,     ///< in an A unit before, in no B unit after
};

/// What happened to a connected group of units (§18: components of the pair graph).
/// Changes first, in this order, then the units that did not change.
enum class EventKind { recoded, merged, split, reshaped, created, abolished, unchanged };

/// One unit of A or B, with what its blocks hold.
struct DiffUnit {
    std::string code, name;
    std::size_t blocks = 0;
    double people = 0, area_m2 = 0;
    std::size_t event = 0; ///< index into DiffResult::events
};

/// The blocks one A unit gave to one B unit. `a` or `b` is no_feature for added / removed.
struct DiffPair {
    std::size_t a = 0, b = 0;
    PairKind kind = PairKind::kept;
    std::vector<std::size_t> blocks; ///< indexes into DiffResult::blocks, ascending
    double people = 0, area_m2 = 0;
    std::size_t event = 0;
};

/// A group of units linked by the blocks they exchange, and what happened to it.
struct DiffEvent {
    EventKind kind = EventKind::unchanged;
    std::vector<std::size_t> a_units, b_units; ///< ascending
    double people = 0;                         ///< people of its blocks (kept, moved, added, removed)
    double people_moved = 0;                   ///< people of its moved pairs
};

/// Units of a comparison layer split by A and by B (§18, splits of comparison layers).
struct DiffSplits {
    std::string layer;
    Layer units;                          ///< the comparison layer (codes and names)
    std::vector<std::size_t> new_splits;  ///< split by B, not by A
    std::vector<std::size_t> gone_splits; ///< split by A, not by B
    std::size_t split_by_a = 0, split_by_b = 0;
    std::vector<double> people; ///< per unit
};

/// Everything `coterm diff` found.
struct DiffResult {
    std::shared_ptr<const Layer> blocks, a, b;
    std::string blocks_id, weights_label;
    std::vector<double> block_people;          ///< per block
    std::vector<std::size_t> block_a, block_b; ///< per block: unit of A / B holding its point, or no_feature
    std::vector<DiffUnit> a_units, b_units;
    std::vector<DiffPair> pairs;   ///< sorted by A code, then B code (no_feature last)
    std::vector<DiffEvent> events; ///< sorted by kind (changes first), then first code
    ScoreRule rule;                ///< measured between A and B; `shared` false gives re-digitisation
    std::size_t blocks_in_neither = 0;
    double people_total = 0, people_moved = 0, people_added = 0, people_removed = 0, people_redigitised = 0;
    std::vector<DiffSplits> splits;
};

/// Compares A and B block by block: each block goes to the unit of A and of B holding its
/// point on surface, its people from the weights (blocks other than the weights' small
/// areas take the people whose points they hold). Throws DataError when A and B share no
/// block, UsageError for unknown layers.
DiffResult diff_layers(const Context& ctx, const DiffOptions& options);

/// Words for the kinds, as written in every output.
const char* pair_kind_name(PairKind kind);
const char* event_kind_name(EventKind kind);

} // namespace coterm::analysis
