// SPDX-License-Identifier: MIT
#include "io/ons_download.hpp"
#include "io/gdal_handles.hpp"

#include "core/errors.hpp"
#include "io/atomic_file.hpp"
#include "io/gdal_errors.hpp"
#include "io/layer_writer.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <vector>

namespace coterm::io {
namespace {

namespace fs = std::filesystem;

std::string percent_encode(const std::string& s)
{
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '*' || c == ',')
            out += static_cast<char>(c);
        else
            out += std::string("%") + hex[c >> 4] + hex[c & 15];
    }
    return out;
}

/// Sets a GDAL option for this thread unless the user set it (environment or --config).
void default_option(const char* key, const char* value)
{
    if (!CPLGetConfigOption(key, nullptr)) CPLSetThreadLocalConfigOption(key, value);
}

using Dataset = DatasetPtr;

/// A downloaded feature: the kept fields as text (empty when null) and its geometry.
struct Record {
    std::vector<std::string> values;
    std::vector<unsigned char> wkb;
};

struct Page {
    std::vector<Record> records;
    std::string srs_wkt; ///< the source CRS, kept
};

/// One attempt at reading every page of the query. Throws DataError on a request that
/// failed for good, an unreadable or truncated page, a missing field or a short read.
Page read_once(const std::string& url, const Download& d, std::int64_t expected,
               const std::function<void(std::int64_t, std::int64_t)>& progress)
{
    take_gdal_error();
    const Dataset ds(open_vector("ESRIJSON:" + url));
    if (!ds) throw DataError(url + ": cannot read: " + take_gdal_error("no ESRI JSON answer"));
    OGRLayerH layer = GDALDatasetGetLayer(ds.get(), 0);
    if (!layer) throw DataError(url + ": the answer holds no layer");
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    std::vector<int> index;
    for (const auto& [source, name] : d.fields) {
        const int i = OGR_FD_GetFieldIndex(defn, source.c_str());
        if (i < 0) throw DataError(url + ": the service has no field '" + source + "' (for " + name + ")");
        index.push_back(i);
    }
    Page page;
    if (OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(layer)) {
        char* wkt = nullptr;
        if (OSRExportToWkt(srs, &wkt) == OGRERR_NONE) page.srs_wkt = wkt;
        CPLFree(wkt);
    }
    const GIntBig counted = OGR_L_GetFeatureCount(layer, TRUE); // returnCountOnly; -1 when unknown
    take_gdal_error();
    CPLErrorReset();
    const std::int64_t total = counted >= 0 ? static_cast<std::int64_t>(counted) : expected;
    OGR_L_ResetReading(layer);
    while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
        Record r;
        for (int i : index)
            r.values.emplace_back(OGR_F_IsFieldSetAndNotNull(f, i) ? OGR_F_GetFieldAsString(f, i) : "");
        if (OGRGeometryH g = OGR_F_GetGeometryRef(f)) {
            r.wkb.resize(static_cast<std::size_t>(OGR_G_WkbSize(g)));
            OGR_G_ExportToWkb(g, wkbNDR, r.wkb.data());
        }
        OGR_F_Destroy(f);
        page.records.push_back(std::move(r));
        if (progress && page.records.size() % 256 == 0)
            progress(static_cast<std::int64_t>(page.records.size()), std::max<std::int64_t>(total, 0));
    }
    const auto n = static_cast<std::int64_t>(page.records.size());
    // GDAL ends the iteration quietly on a page it could not fetch or parse: the error
    // state and the server's count tell a cut-off download from the last page.
    if (CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal) {
        std::string why = take_gdal_error(CPLGetLastErrorMsg());
        if (const auto hint = why.find(". You may set"); hint != std::string::npos) why.erase(hint); // curl's advice
        throw DataError(url + ": download failed after " + std::to_string(n) + " features: " + why);
    }
    if (counted >= 0 && n != counted)
        throw DataError(url + ": read " + std::to_string(n) + " features, the server counts " +
                        std::to_string(counted));
    if (expected > 0 && n != expected)
        throw DataError(url + ": read " + std::to_string(n) + " features, the catalogue expects " +
                        std::to_string(expected));
    if (progress) progress(n, n);
    return page;
}

/// read_once, again from the first page when an attempt fails. GDAL retries a failed
/// request itself (HTTP 429/502/503/504, GDAL_HTTP_MAX_RETRY) but GDAL 3.6 then drops
/// that page from a paged read, as the retry's warning counts as an error: the server's
/// count catches it and the read starts over. A fault that persists (a truncated page)
/// fails every attempt and is reported.
Page read_pages(const std::string& url, const Download& d, std::int64_t expected, const DownloadEvents& events)
{
    init_gdal();
    default_option("GDAL_HTTP_MAX_RETRY", "3");
    default_option("GDAL_HTTP_RETRY_DELAY", "1");
    constexpr int attempts = 3;
    for (int attempt = 1;; ++attempt) {
        try {
            return read_once(url, d, expected, events.progress);
        } catch (const DataError& e) {
            if (attempt == attempts) throw;
            if (events.retrying)
                events.retrying(std::string(e.what()) + "; reading again (attempt " + std::to_string(attempt + 1) +
                                " of " + std::to_string(attempts) + ")");
        }
    }
}

std::string csv_quote(const std::string& s)
{
    std::string out = "\"";
    for (char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

} // namespace

std::string download_url(const std::string& base, const Download& d)
{
    std::string fields;
    for (const auto& [source, name] : d.fields)
        fields += (fields.empty() ? "" : ",") + source;
    std::string url = base + "/" + d.service + "/FeatureServer/" + std::to_string(d.index) +
                      "/query?where=" + percent_encode(d.where) + "&outFields=" + percent_encode(fields) +
                      "&orderByFields=" + percent_encode(d.order_by) + "&f=json";
    if (d.page_size > 0) url += "&resultRecordCount=" + std::to_string(d.page_size);
    return url;
}

std::int64_t download_layer(const std::string& url, const Download& d, const std::string& gpkg_path,
                            const std::string& layer_name, std::int64_t expected, const DownloadEvents& events,
                            bool overwrite)
{
    const Page page = read_pages(url, d, expected, events);
    if (page.records.empty()) throw DataError(url + ": the service returned no features");
    // The shared GeoPackage writer checks every GDAL result and reads the file back
    // before it is renamed into place, so a bad layer is never stored.
    Table t;
    for (const auto& [source, name] : d.fields)
        t.columns.push_back({name, Format::text});
    std::vector<Wkb> geometries;
    for (const auto& r : page.records) {
        t.rows.emplace_back(r.values.begin(), r.values.end());
        geometries.push_back(r.wkb);
    }
    const fs::path target(gpkg_path);
    fs::create_directories(target.parent_path().empty() ? fs::path(".") : target.parent_path());
    GeoPackageOptions options;
    options.srs_wkt = page.srs_wkt;
    options.overwrite = overwrite;
    write_geopackage(gpkg_path, layer_name, t, geometries, options);
    return static_cast<std::int64_t>(page.records.size());
}

std::int64_t download_table(const std::string& url, const Download& d, const std::string& csv_path,
                            const DownloadEvents& events, bool overwrite)
{
    const Page page = read_pages(url, d, 0, events);
    std::string csv;
    for (std::size_t k = 0; k < d.fields.size(); ++k)
        csv += (k ? "," : "") + csv_quote(d.fields[k].second);
    csv += "\n";
    for (const auto& r : page.records) {
        for (std::size_t k = 0; k < r.values.size(); ++k)
            csv += (k ? "," : "") + csv_quote(r.values[k]);
        csv += "\n";
    }
    fs::create_directories(fs::path(csv_path).parent_path());
    write_output(csv_path, csv, {overwrite});
    return static_cast<std::int64_t>(page.records.size());
}

} // namespace coterm::io
