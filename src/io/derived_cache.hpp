// SPDX-License-Identifier: MIT
#pragma once
#include "io/cache_dir.hpp"
#include "io/catalogue.hpp"

#include <filesystem>
#include <string>

namespace coterm::io {

/// The key of a built layer: SHA-256 over the recipe (from, lookup, block, code and name
/// fields) and the SHA-256 of both input files, so a changed input or recipe builds anew.
std::string derived_cache_key(const CatalogueLayer& layer, const std::string& from_file,
                              const std::string& lookup_file);

/// The path of catalogue layer `layer` (marked `cache = true`) in the cache folder:
/// `<id>-<first 16 hex digits of the key>.gpkg`, built first when it is not there
/// (build_derived_layer, written atomically by write_geopackage; files of the same id
/// with another key are removed afterwards). A build that lost a race with another
/// process uses the winner's file. DataError naming the folder when it is not writable.
std::filesystem::path cached_layer_path(const Catalogue& catalogue, const CatalogueLayer& layer,
                                        const std::filesystem::path& data_dir);

} // namespace coterm::io
