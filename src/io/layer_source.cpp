// SPDX-License-Identifier: MIT
#include "io/layer_source.hpp"

#include "core/errors.hpp"
#include "core/layer_builder.hpp"
#include "core/reproject.hpp"
#include "core/strings.hpp"
#include "io/derived_cache.hpp"
#include "io/input_cache.hpp"

#include <chrono>

namespace coterm::io {
namespace {

bool looks_like_connection(const std::string& spec)
{
    return spec.starts_with("PG:") || spec.starts_with("/vsi") || spec.starts_with("http://") ||
           spec.starts_with("https://") || spec.starts_with("MySQL:") || spec.starts_with("OCI:");
}

std::string pick(const std::string& override_value, const std::string& catalogue_value)
{
    return override_value.empty() ? catalogue_value : override_value;
}

} // namespace

LayerLocation locate_layer(const std::string& spec, const Catalogue& catalogue, const std::filesystem::path& data_dir,
                           const ReadOptions& overrides)
{
    LayerLocation loc;
    loc.spec = spec;
    loc.read = overrides;
    if (const CatalogueLayer* entry = catalogue.find(spec)) {
        // A layer built on first use lives in the cache folder, never in the data directory.
        const std::filesystem::path file =
            entry->cache ? cached_layer_path(catalogue, *entry, data_dir) : data_dir / entry->file;
        if (!std::filesystem::exists(file))
            throw DataError("layer '" + spec + "': " + entry->file + " is not in the data directory " +
                            data_dir.string() +
                            "; point --data or COTERM_DATA at a copy of the ONS data (e.g. ../shared/geodata) "
                            "or run tools/demo, which links it into geodata/cache");
        loc.source = file.string();
        loc.from_catalogue = true;
        loc.read.plain_tables = true;
        loc.family = entry->family;
        loc.read.layer_name = pick(overrides.layer_name, entry->layer);
        loc.read.code_field = pick(overrides.code_field, entry->code_field);
        loc.read.name_field = pick(overrides.name_field, entry->name_field);
        return loc;
    }
    if (spec == "-") { // standard input (GeoJSON and other formats GDAL reads from a stream)
        loc.source = "/vsistdin/";
        return loc;
    }
    if (std::filesystem::exists(spec) || looks_like_connection(spec)) {
        loc.source = spec;
        return loc;
    }
    // FILE:LAYER, as `gdal vector info`'s dataset:layer shorthand: only when FILE exists,
    // so a path with a colon in its name or a connection string is never cut.
    if (const auto colon = spec.rfind(':');
        colon != std::string::npos && colon > 0 && std::filesystem::is_regular_file(spec.substr(0, colon))) {
        const std::string layer = spec.substr(colon + 1);
        if (!overrides.layer_name.empty() && overrides.layer_name != layer)
            throw UsageError("'" + spec + "' names layer '" + layer + "' and " + overrides.option_prefix +
                             "-layer names '" + overrides.layer_name + "': give one");
        loc.source = spec.substr(0, colon);
        loc.read.layer_name = layer;
        return loc;
    }
    const bool path_like = spec.find('/') != std::string::npos || spec.find('.') != std::string::npos;
    if (path_like) throw DataError("cannot open '" + spec + "': no such file or directory");
    throw UsageError("unknown layer '" + spec + "'" + did_you_mean(spec, catalogue.ids()) + "; use a catalogue id (" +
                     join(catalogue.ids(), ", ") + ") or a path to a vector file");
}

Layer load_layer(const LayerLocation& location, unsigned threads, BuildReport& report, LoadTimings* timings,
                 const ProgressFn& progress)
{
    using clock = std::chrono::steady_clock;
    const auto t0 = clock::now();
    // The CRS this file's layer had last time starts PROJ's search for the transformation
    // now, alongside GDAL's opening and reading, instead of after them (a hint: the
    // layer's CRS as read is what counts). Not for an SQL result, whose CRS may differ.
    const bool plain_layer = location.read.sql.empty();
    const std::string hinted_crs = plain_layer ? cached_layer_crs(location.source, location.read.layer_name) : "";
    if (!hinted_crs.empty()) prepare_reprojector(hinted_crs, working_crs);
    RawLayer raw = read_raw_layer(location.source, location.read, location.spec, progress);
    if (plain_layer && raw.crs != hinted_crs) remember_layer_crs(location.source, location.read.layer_name, raw.crs);
    const auto t1 = clock::now();

    LayerBuildOptions options;
    options.source_crs = raw.crs;
    options.threads = threads;
    options.progress = progress;
    // Outputs name a file layer by its file name, never by an absolute path.
    // A connection string's password never shows in a label (messages, output JSON).
    const std::string label = redact_secrets(
        location.from_catalogue ? location.spec : std::filesystem::path(location.spec).filename().string());
    Layer layer = build_layer(location.spec, label.empty() ? redact_secrets(location.spec) : label,
                              std::move(raw.features), options, report);
    report.replaced_text_codes = std::move(raw.replaced_text_codes);
    layer.family = location.family;
    if (timings) {
        timings->read_s = std::chrono::duration<double>(t1 - t0).count();
        timings->build_s = std::chrono::duration<double>(clock::now() - t1).count();
    }
    return layer;
}

} // namespace coterm::io
