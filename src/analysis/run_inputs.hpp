// SPDX-License-Identifier: MIT
#pragma once
#include "analysis/context.hpp"
#include "analysis/weights.hpp"
#include "core/layer.hpp"
#include "core/point_locator.hpp"
#include "io/query_file.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace coterm::analysis {

/// A layer named in a query: a path relative to the query's folder when one exists
/// there, else as given (a catalogue id or a path).
std::string query_layer(const io::Query& query, const std::string& spec);

/// A file named in a query: as given, in the query's folder, or in the data directory.
std::string query_file(const io::Query& query, const std::string& name, const std::filesystem::path& data_dir);

/// The layers a run reads, each loaded once, and where each small area's point lies in
/// them (the centroid rule), each computed once.
class RunInputs {
public:
    RunInputs(const Context& ctx, const io::Query& query, const LoadedWeights& weights);

    /// A layer named in the query: a catalogue id, or a path relative to the query's folder.
    std::shared_ptr<const Layer> layer(const std::string& spec);
    /// For each small area of the weights, the feature of `spec` holding its point.
    const std::vector<std::size_t>& located(const std::string& spec);
    /// The same for a layer that is not named in the query (the footprints).
    std::vector<std::size_t> locate(const Layer& layer) const;

private:
    const Context& ctx_;
    const io::Query& query_;
    const LoadedWeights& weights_;
    std::map<std::string, std::shared_ptr<const Layer>> layers_;
    std::map<std::string, std::vector<std::size_t>> located_;
};

} // namespace coterm::analysis
