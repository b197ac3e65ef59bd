// SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace coterm::io {

/// One layer of the catalogue (geodata/catalogue.toml); see docs/geodata.md.
struct CatalogueLayer {
    std::string id;     ///< e.g. "ltla24"
    std::string title;  ///< what it is
    std::string family; ///< layers of one family share edges exactly ("lsoa21", "ltla24-gen", or the layer's own id)
    std::string file;   ///< path relative to the data directory
    std::string layer;  ///< layer name inside the file
    std::string code_field;
    std::string name_field;
    std::string vintage;
    std::string generalisation; ///< how generalised the geometry is
    std::string source;
    std::string licence;
    std::int64_t features = 0; ///< expected feature count
    std::string sha256;        ///< checksum of the file as published (checked by data fetch)
};

/// The default small-area weights ([weights] in the catalogue).
struct DefaultWeights {
    std::string layer;    ///< catalogue id of the small areas, e.g. "lsoa21"
    std::string data;     ///< tidy CSV relative to the data directory
    std::string variable; ///< variable holding the count
    std::string title;
    std::string sha256; ///< checksum of the data file
};

/// The layer catalogue: named English layers and where their files live.
struct Catalogue {
    std::vector<CatalogueLayer> layers;
    DefaultWeights weights;

    /// The layer with this id, if any.
    const CatalogueLayer* find(const std::string& id) const;
    /// All ids, in catalogue order.
    std::vector<std::string> ids() const;
};

/// Reads a catalogue file. Throws DataError naming the file and key when it is
/// unreadable or a layer lacks a required key.
Catalogue read_catalogue(const std::filesystem::path& file);

/// The catalogue shipped with coterm: $COTERM_CATALOGUE, else geodata/catalogue.toml
/// of the source tree coterm was built from.
std::filesystem::path default_catalogue_path();

} // namespace coterm::io
