// SPDX-License-Identifier: MIT
#pragma once
#include "core/geometry.hpp"

#include <string>
#include <vector>

namespace coterm {

/// One area of a boundary layer, in the working CRS (EPSG:27700).
struct Feature {
    std::string code;   ///< unique code, e.g. an ONS GSS code "E06000001"
    std::string name;   ///< display name, may be empty
    Geometry geometry;  ///< valid, non-empty Polygon or MultiPolygon
    double area_m2 = 0; ///< planar area of `geometry`
};

/// A boundary layer ready for analysis: features sorted by code, geometries valid.
struct Layer {
    std::string id;     ///< catalogue id or the path it was read from
    std::string label;  ///< short human name used in messages
    std::string family; ///< layers of one family share edges exactly; "" = unknown (a user's file)
    std::vector<Feature> features;
};

/// A feature as read from a source, before reprojection and repair.
struct RawFeature {
    std::string code;
    std::string name;
    Wkb wkb; ///< little-endian 2D WKB in the source CRS; empty for a null geometry
};

/// What happened while building a layer, for the one-line warning.
struct BuildReport {
    std::vector<std::string> repaired_codes;      ///< invalid geometries repaired with MakeValid
    std::vector<std::string> repaired_reasons;    ///< GEOS's reason for each, with its location
    std::vector<std::string> empty_codes;         ///< null/empty geometries (features dropped)
    std::vector<std::string> replaced_text_codes; ///< code or name not UTF-8: bad bytes replaced by U+FFFD
    std::vector<std::string> far_outside_codes;   ///< vertices outside the working CRS's area of use
};

} // namespace coterm
