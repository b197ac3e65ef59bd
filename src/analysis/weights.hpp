// SPDX-License-Identifier: MIT
#pragma once
#include "analysis/context.hpp"
#include "core/layer.hpp"
#include "core/point_locator.hpp"
#include "core/weighted_overlap.hpp"

#include <memory>
#include <string>
#include <vector>

namespace coterm::analysis {

/// Which small-area weights to use; empty fields take the catalogue's [weights].
struct WeightsSpec {
    std::string layer;    ///< small areas (catalogue id or path), default lsoa21
    std::string data;     ///< tidy CSV of the counts, default Census 2021 population
    std::string variable; ///< variable holding the count, default usual_residents
};

/// The weights layer and its values, kept together (WeightLayer points into `owned`,
/// or into a layer the caller had already loaded).
struct LoadedWeights {
    std::unique_ptr<Layer> owned;
    WeightLayer weights;
    std::string layer_id; ///< the weights layer's catalogue id or path
    std::string label;    ///< e.g. "lsoa21 usual_residents"
    std::string variable; ///< e.g. "usual_residents"
    /// Each small area's point on surface, computed once on first use (centroid rule).
    const std::vector<XY>& points(unsigned threads) const;

private:
    mutable std::vector<XY> points_;
    mutable bool have_points_ = false;
};

/// Loads the weights; features without a value weigh 0 (one warning through ctx.warn).
/// When the weights layer is `reuse_id`, the already loaded `reuse` serves instead of
/// reading it again.
std::unique_ptr<LoadedWeights> load_weights(const Context& ctx, const WeightsSpec& spec, const Layer* reuse = nullptr,
                                            const std::string& reuse_id = {});

} // namespace coterm::analysis
