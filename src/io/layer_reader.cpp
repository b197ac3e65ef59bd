// SPDX-License-Identifier: MIT
#include "io/layer_reader.hpp"
#include "io/source_layer.hpp"

#include "io/gdal_handles.hpp"

#include "core/errors.hpp"
#include "core/strings.hpp"
#include "core/utf8.hpp"
#include "io/gdal_errors.hpp"
#include "io/provenance.hpp"

#include <cpl_conv.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <filesystem>
#include <memory>

namespace coterm::io {
namespace {

bool looks_like_code(const std::string& f)
{
    return iends_with(f, "_code") || iequals(f, "code") || (f.size() > 2 && (f.ends_with("CD") || f.ends_with("cd")));
}

bool looks_like_name(const std::string& f)
{
    return iends_with(f, "_name") || iequals(f, "name") || (f.size() > 2 && (f.ends_with("NM") || f.ends_with("nm")));
}

/// Databases hold tables; files hold layers: messages use the user's word.
bool is_database(const std::string& source)
{
    return source.starts_with("PG:") || source.starts_with("MySQL:") || source.starts_with("OCI:") ||
           source.starts_with("MSSQL:");
}

OGRLayerH pick_layer(GDALDatasetH ds, const std::string& source, const ReadOptions& options, const std::string& label)
{
    const std::string& requested = options.layer_name;
    const char* what = is_database(source) ? "table" : "layer";
    const int count = GDALDatasetGetLayerCount(ds);
    std::vector<std::string> names;
    for (int i = 0; i < count; ++i)
        names.emplace_back(OGR_L_GetName(GDALDatasetGetLayer(ds, i)));
    if (!requested.empty()) {
        OGRLayerH layer = GDALDatasetGetLayerByName(ds, requested.c_str());
        if (!layer)
            throw UsageError(std::string(what) + " '" + requested + "' not found in " + redact_secrets(source) +
                             did_you_mean(requested, names) +
                             (names.empty() ? std::string("; it holds none")
                                            : "; " + std::string(what) + "s: " + join_limited(names, 10)));
        return layer;
    }
    if (count == 0) throw DataError(label + ": no " + what + " found in " + redact_secrets(source));
    if (count > 1)
        throw UsageError(label + ": the source holds " + std::to_string(count) + " " + what + "s (" +
                         join_limited(names, 10) + "); choose one with " + options.option_prefix + "-layer or " +
                         "FILE:LAYER");
    return GDALDatasetGetLayer(ds, 0);
}

int field_index(OGRFeatureDefnH defn, const std::string& field, const std::vector<std::string>& fields,
                const std::string& label, const char* option)
{
    const int idx = OGR_FD_GetFieldIndex(defn, field.c_str());
    if (idx < 0)
        throw UsageError(label + ": no field '" + field + "'" + did_you_mean(field, fields) + " (given by " + option +
                         "); fields: " + join_limited(fields, 12));
    return idx;
}

std::string crs_definition(OGRLayerH layer, const std::string& assume_crs, const std::string& label)
{
    OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(layer);
    if (!srs) {
        if (!assume_crs.empty()) return assume_crs;
        throw DataError(label + ": the layer has no CRS; give one with --assume-crs (e.g. --assume-crs EPSG:27700)");
    }
    // A GeoPackage whose srs_id is 0 or -1 ("Undefined geographic/Cartesian SRS") comes
    // back from GDAL as a placeholder geographic CRS or an engineering CRS, neither of
    // which says where the coordinates are: it counts as no CRS.
    const char* srs_name = OSRGetName(srs);
    const std::string name = srs_name ? srs_name : "";
    if (OSRIsLocal(srs) || name.starts_with("Undefined geographic SRS") ||
        name.starts_with("Undefined Cartesian SRS")) {
        if (!assume_crs.empty()) return assume_crs;
        throw DataError(label + ": the layer's CRS is undefined ('" + name +
                        "'); give one with --assume-crs (e.g. --assume-crs EPSG:27700)");
    }
    const char* authority = OSRGetAuthorityName(srs, nullptr);
    const char* code = OSRGetAuthorityCode(srs, nullptr);
    if (authority && code && std::string(authority) == "EPSG") return "EPSG:" + std::string(code);
    char* wkt = nullptr;
    const char* const options[] = {"FORMAT=WKT2_2019", nullptr};
    if (OSRExportToWktEx(srs, &wkt, options) != OGRERR_NONE || !wkt)
        throw DataError(label + ": cannot export the layer's CRS: " + take_gdal_error());
    std::string out(wkt);
    CPLFree(wkt);
    return out;
}

std::string describe(const std::string& code, GIntBig fid)
{
    return (code.empty() ? std::string("feature") : "feature '" + code + "'") + " (fid " + std::to_string(fid) + ")";
}

/// `geometry` may be replaced by a linearised copy (the handle is updated, the old one freed).
Wkb polygon_wkb(OGRGeometryH& geometry, const std::string& label, const std::string& code, GIntBig fid)
{
    OGRwkbGeometryType type = wkbFlatten(OGR_G_GetGeometryType(geometry));
    if (type == wkbCurvePolygon || type == wkbMultiSurface) {
        geometry = OGR_G_ForceToMultiPolygon(geometry); // linearises; takes ownership
        type = wkbMultiPolygon;
    }
    if (type != wkbPolygon && type != wkbMultiPolygon)
        throw DataError(label + ": " + describe(code, fid) + " is a " + OGRGeometryTypeToName(type) +
                        "; only polygons and multipolygons can be compared");
    OGR_G_FlattenTo2D(geometry);
    Wkb wkb(static_cast<std::size_t>(OGR_G_WkbSize(geometry)));
    if (OGR_G_ExportToWkb(geometry, wkbNDR, wkb.data()) != OGRERR_NONE)
        throw DataError(label + ": " + describe(code, fid) + ": cannot export geometry: " + take_gdal_error());
    return wkb;
}

} // namespace

OGRLayerH open_read_layer(GDALDatasetH ds, const std::string& source, const ReadOptions& options,
                          const std::string& label, SqlResult& sql)
{
    OGRLayerH layer = nullptr;
    if (!options.sql.empty()) {
        if (!options.layer_name.empty())
            throw UsageError(label + ": give " + options.option_prefix + "-sql or a layer name, not both");
        take_gdal_error("");
        sql.ds = ds;
        sql.layer = layer = GDALDatasetExecuteSQL(ds, options.sql.c_str(), nullptr, nullptr);
        if (!layer)
            throw UsageError(options.option_prefix + "-sql on " + label + ": " +
                             take_gdal_error("the statement returned no result set"));
    } else {
        layer = pick_layer(ds, source, options, label);
    }
    if (!options.where.empty() && OGR_L_SetAttributeFilter(layer, options.where.c_str()) != OGRERR_NONE)
        throw UsageError(options.option_prefix + "-where '" + options.where + "' on " + label + ": " +
                         take_gdal_error("not a valid filter"));
    return layer;
}

std::string detect_field(const std::vector<std::string>& fields, bool code, const std::string& label)
{
    std::vector<std::string> hits;
    for (const auto& f : fields)
        if (code ? looks_like_code(f) : looks_like_name(f)) hits.push_back(f);
    if (hits.size() > 1)
        throw UsageError(label + ": several fields could be the " + (code ? "code" : "name") + " (" + join(hits, ", ") +
                         "); choose one with " + (code ? "--a-code/--b-code" : "--a-name/--b-name"));
    return hits.empty() ? std::string() : hits.front();
}

RawLayer read_raw_layer(const std::string& source, const ReadOptions& options, const std::string& given_label,
                        const ProgressFn& progress)
{
    init_gdal();
    const std::string label = redact_secrets(given_label); // a connection string's password never shows
    const bool sql_functions = !options.plain_tables || !options.where.empty() || !options.sql.empty();
    DatasetPtr ds(open_vector(source, sql_functions));
    if (!ds)
        throw DataError("cannot open '" + redact_secrets(source) +
                        "': " + take_gdal_error("not a readable vector source"));
    SqlResult sql; // declared after ds: released before the dataset closes
    OGRLayerH layer = open_read_layer(ds.get(), source, options, label, sql);
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);

    std::vector<std::string> fields;
    for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i)
        fields.emplace_back(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)));

    // A PostGIS table named in the connection string (tables=x) that does not exist comes
    // back from GDAL as a layer without columns: say so, not "no code field found".
    if (fields.empty() && is_database(source))
        throw DataError("table '" + std::string(OGR_L_GetName(layer)) + "' not found in " + redact_secrets(source) +
                        " (or it has no columns): " + take_gdal_error("check the name and the schema"));
    RawLayer out;
    out.code_field = options.code_field.empty() ? detect_field(fields, true, label) : options.code_field;
    if (out.code_field.empty())
        throw UsageError(label + ": no code field found (looked for *_code, *CD or code among: " +
                         join_limited(fields, 12) + "); name it with " + options.option_prefix + "-code");
    out.name_field = options.name_field.empty() ? detect_field(fields, false, label) : options.name_field;
    const std::string code_option = options.option_prefix + "-code", name_option = options.option_prefix + "-name";
    const int code_idx = field_index(defn, out.code_field, fields, label, code_option.c_str());
    const int name_idx =
        out.name_field.empty() ? -1 : field_index(defn, out.name_field, fields, label, name_option.c_str());
    out.crs = crs_definition(layer, options.assume_crs, label);

    OGR_L_ResetReading(layer);
    const GIntBig count = OGR_L_GetFeatureCount(layer, 0);
    if (count > 0) out.features.reserve(static_cast<std::size_t>(count));
    while (FeaturePtr f{OGR_L_GetNextFeature(layer)}) {
        RawFeature raw;
        if (OGR_F_IsFieldSetAndNotNull(f.get(), code_idx)) raw.code = OGR_F_GetFieldAsString(f.get(), code_idx);
        if (name_idx >= 0 && OGR_F_IsFieldSetAndNotNull(f.get(), name_idx))
            raw.name = OGR_F_GetFieldAsString(f.get(), name_idx);
        // Text enters here: invalid UTF-8 (a Latin-1 .dbf without a .cpg) is replaced, so
        // no output can carry it.
        if (find_invalid_utf8(raw.code) != std::string::npos || find_invalid_utf8(raw.name) != std::string::npos) {
            raw.code = to_valid_utf8(raw.code);
            raw.name = to_valid_utf8(raw.name);
            out.replaced_text_codes.push_back(raw.code);
        }
        OGRGeometryH g = OGR_F_StealGeometry(f.get());
        if (g) {
            const GIntBig fid = OGR_F_GetFID(f.get());
            try {
                raw.wkb = OGR_G_IsEmpty(g) ? Wkb{} : polygon_wkb(g, label, raw.code, fid);
            } catch (...) {
                OGR_G_DestroyGeometry(g);
                throw;
            }
            OGR_G_DestroyGeometry(g);
        }
        out.features.push_back(std::move(raw));
        if (count > 0 && out.features.size() % 256 == 0)
            report_progress(progress, "read " + label, out.features.size(), static_cast<std::size_t>(count));
    }
    // Also when the driver could not count (GeoJSON under a where-filter): the phase ends.
    if (!out.features.empty()) report_progress(progress, "read " + label, out.features.size(), out.features.size());
    const std::string late_error = take_gdal_error("");
    // Drivers such as GPKG check a where-filter only when the first feature is read.
    if (!late_error.empty() && out.features.empty() && !options.where.empty())
        throw UsageError(options.option_prefix + "-where '" + options.where + "' on " + label + ": " + late_error);
    if (!late_error.empty()) throw DataError(label + ": reading failed: " + late_error);
    // For provenance: a file is named by its hash; a database or standard input by the
    // number of features read from it.
    const bool file = std::filesystem::is_regular_file(source);
    record_input(source == "/vsistdin/" ? "-" : source, file ? source : "",
                 options.sql.empty() ? OGR_L_GetName(layer) : "", static_cast<std::int64_t>(out.features.size()));
    if (out.features.empty() && (!options.where.empty() || !options.sql.empty()))
        throw DataError(label + ": " +
                        (options.sql.empty() ? options.option_prefix + "-where '" + options.where + "'"
                                             : options.option_prefix + "-sql") +
                        " selects no feature");
    return out;
}

} // namespace coterm::io
