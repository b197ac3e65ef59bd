// SPDX-License-Identifier: MIT
#include "analysis/scorecard.hpp"

#include "core/errors.hpp"
#include "core/parallel.hpp"

namespace coterm::analysis {

Scorecard compute_scorecard(const Context& ctx, const ScorecardOptions& o)
{
    if (o.layers.size() < 2) throw UsageError("--scorecard needs at least two layers");
    Scorecard card;
    for (const auto& spec : o.layers) {
        io::ReadOptions read;
        read.assume_crs = o.assume_crs;
        card.layers.push_back(load_layer(ctx, spec, read));
    }
    // What each layer's pairs share: its segments, extracted and indexed once, and
    // the answers of the overlap's checks between its own features.
    std::vector<LayerReuse> reuse(card.layers.size());
    parallel_for(card.layers.size(), resolve_threads(ctx.threads),
                 [&](std::size_t k) { reuse[k].segments = segment_layer(card.layers[k]); });
    // One overlap per unordered pair gives both ordered pairs.
    for (std::size_t i = 0; i < card.layers.size(); ++i)
        for (std::size_t j = i + 1; j < card.layers.size(); ++j) {
            ScoredPair s = score_layers(card.layers[i], card.layers[j], reuse[i], reuse[j], o.weights, o.spread, o.rule,
                                        o.boundary_m, ctx.threads);
            card.pairs.emplace(std::pair{j, i}, swap_pair(s));
            card.pairs.emplace(std::pair{i, j}, std::move(s));
        }
    return card;
}

} // namespace coterm::analysis
