// SPDX-License-Identifier: MIT
// The output side every table-writing command shares: the format from -o's extension
// or --format, checked before the work, geo formats written through GDAL, and the
// provenance (command, options) recorded once after parsing.
#pragma once
#include "core/geometry.hpp"
#include "core/table.hpp"
#include "io/output_format.hpp"

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace coterm::cli {

/// Declares --format on `cmd`. `native` lists coterm's own renderings, the first being
/// the default when neither --format nor -o's extension says; the help adds that any
/// GDAL vector format (gpkg, fgb, …) is written through GDAL.
void add_format_option(CLI::App& cmd, std::string& format, const std::vector<std::string>& native);

/// Chooses the format of `output` (io::choose_output_format) and checks, before any
/// work, that it may be written (layer `layer_name` for a GeoPackage). UsageError /
/// DataError as those checks throw.
io::OutputFormat prepare_output(const std::string& output, const std::string& format, bool overwrite,
                                const io::OutputChoices& choices, const std::string& layer_name);

/// Writes `table` (with `geometries` in EPSG:27700, or none) to `output` through the
/// GDAL driver of `format`, as layer `layer_name`.
void write_layer_output(const std::string& output, const io::OutputFormat& format, bool overwrite,
                        const std::string& layer_name, const Table& table, const std::vector<Wkb>& geometries);

/// Records, for the provenance of every output, the subcommand `app` ran and the options
/// given to it as typed, except those that do not change results (-o, --out,
/// --overwrite, --threads, -q, -v, --progress, --data-dir: inputs carry their own paths).
void record_invocation(const CLI::App& app);

} // namespace coterm::cli
