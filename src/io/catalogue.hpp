// SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace coterm::io {

/// Where the ONS Open Geography Portal serves a layer or lookup: an ArcGIS FeatureServer
/// query, read through GDAL's ESRIJSON driver (docs/geodata.md, Downloads).
struct Download {
    std::string service;  ///< FeatureServer service name under the catalogue's base URL
    int index = 0;        ///< layer index within the service
    std::string where;    ///< query filter, e.g. "LAD24CD LIKE 'E%'" (default 1=1)
    std::string order_by; ///< object id field, for reliable paging (default FID)
    int page_size = 0;    ///< resultRecordCount; 0 = the server's maximum
    std::vector<std::pair<std::string, std::string>> fields; ///< source field -> catalogue field, kept in order
};

/// How a layer is built from another by whole blocks: `from`'s features grouped by the
/// `lookup`'s `block` column into the layer's code (and name) field, then dissolved.
struct Derive {
    std::string from;   ///< catalogue id of the blocks
    std::string lookup; ///< catalogue lookup id
    std::string block;  ///< lookup column holding the block code
};

/// A lookup table of the catalogue ([[lookup]]).
struct CatalogueLookup {
    std::string id, file, sha256, title;
    std::optional<Download> download;
};

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
    std::int64_t features = 0;        ///< expected feature count
    std::string sha256;               ///< checksum of the file as published (checked by data fetch)
    std::optional<Download> download; ///< ONS source, for files published by ONS
    std::optional<Derive> derive;     ///< or how coterm builds it from others
    /// Built on first use from `derive` into the cache folder (io/derived_cache), never
    /// stored in the data directory; `file` is then only its name there.
    bool cache = false;
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
    std::string download_base; ///< [download] base: FeatureServer services URL
    std::vector<CatalogueLayer> layers;
    std::vector<CatalogueLookup> lookups;
    DefaultWeights weights;

    /// The layer with this id, if any.
    const CatalogueLayer* find(const std::string& id) const;
    const CatalogueLookup* find_lookup(const std::string& id) const;
    /// All ids, in catalogue order.
    std::vector<std::string> ids() const;
};

/// Reads a catalogue file. Throws DataError naming the file and key when it is
/// unreadable or a layer lacks a required key.
Catalogue read_catalogue(const std::filesystem::path& file);

/// The catalogue shipped with coterm: $COTERM_CATALOGUE, else catalogue.toml in the
/// installed share folder (installed_share_dir()), else geodata/catalogue.toml of the
/// source tree coterm was built from.
std::filesystem::path default_catalogue_path();

} // namespace coterm::io
