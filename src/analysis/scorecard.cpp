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
    // One overlap per unordered pair gives both ordered pairs. With enough pairs to keep
    // every thread busy, the pairs run side by side, one thread each (better use of the
    // threads than splitting each pair's smaller loops); a pair's scores do not depend on
    // its thread count, so the scorecard is the same either way.
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    for (std::size_t i = 0; i < card.layers.size(); ++i)
        for (std::size_t j = i + 1; j < card.layers.size(); ++j)
            pairs.emplace_back(i, j);
    const unsigned threads = resolve_threads(ctx.threads);
    const bool side_by_side = threads > 1 && pairs.size() >= 2 * std::size_t{threads};
    std::vector<ScoredPair> scored(pairs.size());
    auto score = [&](std::size_t k, unsigned pair_threads) {
        const auto [i, j] = pairs[k];
        scored[k] = score_layers(card.layers[i], card.layers[j], reuse[i], reuse[j], o.weights, o.spread, o.rule,
                                 o.boundary_m, pair_threads);
    };
    if (side_by_side)
        parallel_for(pairs.size(), threads, [&](std::size_t k) { score(k, 1); });
    else
        for (std::size_t k = 0; k < pairs.size(); ++k)
            score(k, threads);
    for (std::size_t k = 0; k < pairs.size(); ++k) {
        const auto [i, j] = pairs[k];
        card.pairs.emplace(std::pair{j, i}, swap_pair(scored[k]));
        card.pairs.emplace(std::pair{i, j}, std::move(scored[k]));
    }
    return card;
}

} // namespace coterm::analysis
