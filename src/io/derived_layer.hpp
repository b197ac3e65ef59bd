// SPDX-License-Identifier: MIT
#pragma once
#include "core/geometry.hpp"
#include "core/layer.hpp"
#include "core/progress.hpp"
#include "core/table.hpp"
#include "io/catalogue.hpp"

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace coterm::io {

/// A layer built from whole blocks by a lookup (a catalogue entry with `derive`), ready
/// to be written: one row per unit (code, name, n_blocks) and its dissolved geometry.
struct DerivedLayer {
    Table table;                           ///< code field, name field, n_blocks
    std::vector<Wkb> geometries;           ///< EPSG:27700, one per row
    std::size_t blocks_used = 0;           ///< blocks of `from` found in the lookup
    std::size_t blocks_total = 0;          ///< features of `from`
    std::vector<std::string> not_coverage; ///< units whose blocks were not a clean coverage
    BuildReport blocks_report;             ///< repairs made while reading the blocks
    std::string blocks_label;              ///< the blocks layer's label, for warnings
};

/// Builds `layer` (which must have `derive`): the features of `derive.from` grouped by
/// the lookup's `derive.block` column into the layer's code (and name) field, each group
/// dissolved with CoverageUnion. A block listed twice (a lookup with several rows per
/// block, e.g. LSOA 2011 → 2021 merges) counts once, in its first group; rows whose block
/// is not a feature of `from` (e.g. Welsh LSOAs) are skipped. DataError when no block
/// matches or the built count differs from the catalogue's `features`.
/// `progress` hears "read"/"build" of the blocks and "dissolve <id>".
DerivedLayer build_derived_layer(const Catalogue& catalogue, const CatalogueLayer& layer,
                                 const std::filesystem::path& data_dir, unsigned threads,
                                 const ProgressFn& progress = {});

/// The layer name of a catalogue entry inside its file (`layer`, else the file's stem).
std::string catalogue_layer_name(const CatalogueLayer& layer);

} // namespace coterm::io
