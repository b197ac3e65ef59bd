// SPDX-License-Identifier: MIT
#pragma once
#include "core/layer.hpp"
#include "core/progress.hpp"
#include "io/catalogue.hpp"
#include "io/layer_reader.hpp"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace coterm::analysis {

/// Where a workflow finds its data and how it speaks. Workflows write no messages:
/// warnings go through `warn` (the CLI prints them as one line each on stderr).
struct Context {
    io::Catalogue catalogue;
    std::filesystem::path data_dir;
    unsigned threads = 0; ///< 0 = all cores
    bool verbose = false; ///< list every code behind a warning
    std::function<void(const std::string&)> warn = [](const std::string&) {};
    /// Long phases report through this (reading, building, simplifying…); empty: nowhere.
    ProgressFn progress;
};

/// The catalogue shipped with coterm and the data directory (`data_dir_option`, else
/// $COTERM_DATA, else geodata/cache).
Context make_context(const std::string& data_dir_option, unsigned threads, bool verbose);

/// The one-line warnings of a layer build (repaired and empty geometries).
std::vector<std::string> build_warnings(const std::string& label, const BuildReport& report, bool verbose);

/// Loads a catalogue id or a path, reprojected and repaired; warnings through ctx.warn.
Layer load_layer(const Context& ctx, const std::string& spec, const io::ReadOptions& read = {});

} // namespace coterm::analysis
