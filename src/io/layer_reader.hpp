// SPDX-License-Identifier: MIT
#pragma once
#include "core/layer.hpp"
#include "core/progress.hpp"

#include <string>
#include <vector>

namespace coterm::io {

/// What to read from a vector source.
struct ReadOptions {
    std::string layer_name; ///< layer inside the source; empty = the only layer
    std::string code_field; ///< empty = detect (*_code, *CD or code)
    std::string name_field; ///< empty = detect (*_name, *NM or name); none found is fine
    std::string assume_crs; ///< CRS to use when the layer declares none
    std::string where;      ///< --a-where: an OGR SQL attribute filter; empty = every feature
    std::string sql;        ///< --a-sql: a statement run by the source (its dialect); its result is the layer
    std::string option_prefix = "--a"; ///< how messages name this layer's options ("--a", "--from", "--blocks")
    /// The source's layers are plain tables (catalogue files): read without `where` or
    /// `sql`, they need no SQL functions, so GDAL does not load SpatiaLite into them.
    bool plain_tables = false;
};

/// Raw features of one layer, with the CRS they are in.
struct RawLayer {
    std::vector<RawFeature> features;
    std::string crs;        ///< "EPSG:n" when the CRS has an EPSG code, else WKT2
    std::string code_field; ///< the field used for codes
    std::string name_field; ///< the field used for names (may be empty)
    /// Codes of features whose code or name was not valid UTF-8: the bad bytes are
    /// replaced by U+FFFD, so every output stays valid JSON.
    std::vector<std::string> replaced_text_codes;
};

/// Reads every feature of a layer of any OGR-readable source (file, folder or
/// connection string) as WKB, without reprojecting. Curved polygons are linearised.
/// Throws DataError for an unreadable source, a layer without CRS (unless assume_crs),
/// or a feature that is not a polygon or multipolygon (naming the feature); throws
/// UsageError when the layer ("layer 'x' not found in FILE"; "table" for databases),
/// the code field, the where-filter or the SQL is ambiguous, not found or refused.
/// With `sql` the statement's result set is read (layer_name must be empty); `where`
/// then filters it. Reports "read <label>" through `progress` when the driver knows the
/// feature count.
RawLayer read_raw_layer(const std::string& source, const ReadOptions& options, const std::string& label,
                        const ProgressFn& progress = {});

/// The field picked as code (or name) among `fields`, by the rules above; empty when
/// none matches; throws UsageError naming the candidates when several match.
std::string detect_field(const std::vector<std::string>& fields, bool code, const std::string& label);

} // namespace coterm::io
