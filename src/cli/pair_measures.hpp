// SPDX-License-Identifier: MIT
#pragma once
#include "analysis/pair_scores.hpp"
#include "core/table.hpp"

namespace coterm::cli {

/// Adds the pair measures (docs/methods.md §11) to a summary: the rule used, the
/// relations of both sides' units, partition agreement and boundary alignment.
void add_pair_measures(SummaryBuilder& t, const analysis::ScoredPair& s);

/// The same without boundary alignment, from scores and the rule: `a_total` and
/// `b_total` are the weights of the whole layers, `counts` says the weights are people.
void add_pair_measures(SummaryBuilder& t, const Scores& scores, const analysis::ScoreRule& rule, double a_total,
                       double b_total, bool counts);

} // namespace coterm::cli
