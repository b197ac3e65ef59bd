// SPDX-License-Identifier: MIT
#pragma once
#include <string>
#include <vector>

namespace coterm::io {

/// How a command's output is written: rendered by coterm (csv, json, geojson, text) or
/// through a GDAL vector driver (docs/formats.md, Output formats).
struct OutputFormat {
    std::string name;   ///< "csv", "json", "geojson", "text", or the GDAL driver's short name ("GPKG", "FlatGeobuf")
    std::string driver; ///< the GDAL driver for a geo format; "" for coterm's own renderings
    bool gdal() const { return !driver.empty(); }
};

/// What a command can write.
struct OutputChoices {
    std::string command;             ///< for messages: "score"
    std::vector<std::string> native; ///< coterm's own renderings it offers, e.g. {"csv", "json", "text"}
    std::string fallback;            ///< when neither --format nor a known extension says
    bool has_geometry = false;       ///< its table has a geometry per row (else GDAL writes GeoPackage attributes only)
};

/// The format of output `path` (empty or "-": standard output) from `format` (--format,
/// "" when not given) and the path's extension: .csv .json .geojson .txt are coterm's
/// own; any other extension is looked up among the GDAL vector drivers that can create
/// files (GDAL_DMD_EXTENSIONS), e.g. .gpkg (GPKG) and .fgb (FlatGeobuf). `format` is
/// one of the native names, "gpkg", "fgb" or a GDAL driver name (any case). Throws
/// UsageError naming the file when --format and the extension disagree, when neither
/// names a format the command writes, when a GDAL format would go to standard output,
/// when the driver writes several files, or when a table without geometry goes to a
/// driver other than GPKG.
OutputFormat choose_output_format(const std::string& path, const std::string& format, const OutputChoices& choices);

} // namespace coterm::io
