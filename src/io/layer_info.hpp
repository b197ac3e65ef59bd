// SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace coterm::io {

/// What `coterm layers ID` shows about a layer's file.
struct LayerInfo {
    std::string layer_name;
    std::vector<std::pair<std::string, std::string>> fields; ///< name, OGR type
    std::string crs;                                         ///< "EPSG:n" or the CRS name
    std::int64_t features = 0;
    double min_x = 0, min_y = 0, max_x = 0, max_y = 0; ///< extent in the layer's CRS
    std::int64_t vertices = 0;                         ///< all ring points, closing ones included
    std::int64_t parts = 0;                            ///< polygons
    std::int64_t rings = 0;
    std::uintmax_t bytes = 0; ///< file size (0 for a connection string)
    std::string sha256;       ///< of the file ("" for a connection string)
};

/// Reads a layer's fields, CRS, extent and geometry counts, and hashes its file.
/// Throws DataError for an unreadable source.
LayerInfo describe_layer(const std::string& source, const std::string& layer_name);

/// SHA-256 of a file, as 64 hex digits; DataError if unreadable.
std::string file_sha256(const std::string& path);

} // namespace coterm::io
