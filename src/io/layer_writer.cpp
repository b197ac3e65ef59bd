// SPDX-License-Identifier: MIT
#include "io/layer_writer.hpp"
#include "io/gdal_handles.hpp"

#include "core/errors.hpp"
#include "io/atomic_file.hpp"
#include "io/gdal_errors.hpp"
#include "io/temp_files.hpp"

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <memory>

namespace coterm::io {
namespace {

namespace fs = std::filesystem;

using Dataset = DatasetPtr;

/// Opens `path` as a GeoPackage (and nothing else); null when it is not one.
Dataset open_geopackage(const fs::path& path, bool update)
{
    const char* const drivers[] = {"GPKG", nullptr};
    return Dataset(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : GDAL_OF_READONLY), drivers,
                              nullptr, nullptr));
}

/// Feature count of every layer, by name.
std::map<std::string, GIntBig> layer_counts(GDALDatasetH ds)
{
    std::map<std::string, GIntBig> counts;
    for (int i = 0; i < GDALDatasetGetLayerCount(ds); ++i) {
        OGRLayerH layer = GDALDatasetGetLayer(ds, i);
        counts[OGR_L_GetName(layer)] = OGR_L_GetFeatureCount(layer, TRUE);
    }
    return counts;
}

/// Field types are set from the column format, never guessed from the values: a share
/// column is Real even when every value is 1.
OGRFieldType field_type(Format format)
{
    return format == Format::text || format == Format::flag || format == Format::list ? OFTString
           : format == Format::integer                                                ? OFTInteger64
                                                                                      : OFTReal;
}

/// Creates layer `name` in `ds` and writes the rows in one transaction (where the
/// driver has them), checking every GDAL result. No geometries: a layer without
/// geometry (a GeoPackage attributes table). Throws DataError with GDAL's message.
void fill_layer(GDALDatasetH ds, const std::string& name, const Table& table, const std::vector<Wkb>& geometries,
                const std::string& srs_wkt, const ProgressFn& progress, const std::string& phase)
{
    const bool geometry = !geometries.empty() || table.rows.empty();
    OGRSpatialReferenceH srs = nullptr;
    if (geometry) {
        srs = OSRNewSpatialReference(srs_wkt.empty() ? nullptr : srs_wkt.c_str());
        if (srs_wkt.empty()) OSRImportFromEPSG(srs, 27700);
    }
    OGRLayerH layer = GDALDatasetCreateLayer(ds, name.c_str(), srs, geometry ? wkbMultiPolygon : wkbNone, nullptr);
    if (srs) OSRRelease(srs);
    if (!layer) throw DataError("cannot create layer '" + name + "': " + take_gdal_error());
    for (const auto& c : table.columns) {
        OGRFieldDefnH field = OGR_Fld_Create(c.name.c_str(), field_type(c.format));
        const OGRErr err = OGR_L_CreateField(layer, field, 1);
        OGR_Fld_Destroy(field);
        if (err != OGRERR_NONE) throw DataError("cannot create field '" + c.name + "': " + take_gdal_error());
    }
    // FlatGeobuf and other stream formats have no transactions: they write as they go.
    const bool transaction = GDALDatasetTestCapability(ds, ODsCTransactions);
    if (transaction && GDALDatasetStartTransaction(ds, FALSE) != OGRERR_NONE)
        throw DataError("cannot start writing: " + take_gdal_error());
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            const Cell& cell = table.rows[r][c];
            if (std::holds_alternative<std::monostate>(cell)) continue;
            if (const auto* d = std::get_if<double>(&cell))
                OGR_F_SetFieldDouble(f, static_cast<int>(c), *d);
            else if (const auto* i = std::get_if<std::int64_t>(&cell))
                OGR_F_SetFieldInteger64(f, static_cast<int>(c), *i);
            else
                OGR_F_SetFieldString(f, static_cast<int>(c), format_cell(cell, table.columns[c].format).c_str());
        }
        OGRGeometryH g = nullptr;
        if (r < geometries.size() && !geometries[r].empty() &&
            OGR_G_CreateFromWkb(geometries[r].data(), nullptr, &g, static_cast<int>(geometries[r].size())) ==
                OGRERR_NONE)
            OGR_F_SetGeometryDirectly(f, OGR_G_ForceToMultiPolygon(g));
        const OGRErr err = OGR_L_CreateFeature(layer, f);
        OGR_F_Destroy(f);
        if (err != OGRERR_NONE)
            throw DataError("cannot write feature " + std::to_string(r + 1) + ": " + take_gdal_error());
        if ((r + 1) % 1024 == 0 || r + 1 == table.rows.size())
            report_progress(progress, phase, r + 1, table.rows.size());
    }
    if (transaction && GDALDatasetCommitTransaction(ds) != OGRERR_NONE)
        throw DataError("cannot commit the features: " + take_gdal_error());
}

/// Removes a temporary GeoPackage with SQLite's side files.
void remove_geopackage_temp(const fs::path& temp)
{
    for (const char* suffix : {"", "-journal", "-wal", "-shm"})
        remove_temp(temp.string() + suffix);
}

} // namespace

void check_geopackage_output(const std::string& path, const std::string& layer_name, bool overwrite)
{
    const fs::path real = resolve_output_path(path);
    std::error_code ec;
    const fs::file_status status = fs::status(real, ec);
    if (!fs::exists(status)) {
        if (!fs::is_directory(folder_of(real)))
            throw DataError("cannot write '" + path + "': folder " + folder_of(real).string() + " does not exist");
        return;
    }
    if (is_input(real)) throw UsageError("'" + path + "' is one of this command's inputs; choose another output file");
    if (!fs::is_regular_file(status))
        throw UsageError("'" + path + "' is not a regular file; a GeoPackage needs one (choose another output file)");
    if (!overwrite)
        throw UsageError("'" + path + "' exists; give --overwrite to write layer '" + layer_name +
                         "' into it (its other layers are kept), or choose another output file");
}

void write_geopackage(const std::string& path, const std::string& layer_name, const Table& table,
                      const std::vector<Wkb>& geometries, const GeoPackageOptions& options)
{
    init_gdal();
    check_geopackage_output(path, layer_name, options.overwrite);
    const fs::path real = resolve_output_path(path);
    const bool exists = fs::exists(real);
    const fs::path folder = folder_of(real);
    TempFile reserved = reserve_output_temp(folder, real.filename().string());
    ::close(reserved.fd);
    const fs::path temp = reserved.path;
    try {
        take_gdal_error(); // a stale message must not be read as this write's failure
        std::map<std::string, GIntBig> kept;
        Dataset ds;
        if (exists) {
            if (Dataset old = open_geopackage(real, false)) {
                // Another GeoPackage: edit a copy, keeping its other layers.
                kept = layer_counts(old.get());
                kept.erase(layer_name);
                old.reset();
                std::error_code ec;
                fs::copy_file(real, temp, fs::copy_options::overwrite_existing, ec);
                if (ec) throw DataError("cannot copy it: " + ec.message());
                ds = open_geopackage(temp, true);
                if (!ds) throw DataError("cannot open its copy: " + take_gdal_error());
                for (int i = GDALDatasetGetLayerCount(ds.get()) - 1; i >= 0; --i)
                    if (OGR_L_GetName(GDALDatasetGetLayer(ds.get(), i)) == layer_name &&
                        GDALDatasetDeleteLayer(ds.get(), i) != OGRERR_NONE)
                        throw DataError("cannot replace layer '" + layer_name + "': " + take_gdal_error());
            }
            struct stat old_stat {};
            if (::stat(real.c_str(), &old_stat) == 0) ::chmod(temp.c_str(), old_stat.st_mode & 07777);
        }
        if (!ds) {
            fs::remove(temp); // GDAL creates the file itself
            GDALDriverH driver = GDALGetDriverByName("GPKG");
            ds.reset(driver ? GDALCreate(driver, temp.c_str(), 0, 0, 0, GDT_Unknown, nullptr) : nullptr);
            if (!ds) throw DataError("cannot create it: " + take_gdal_error("no GeoPackage driver"));
        }
        fill_layer(ds.get(), layer_name, table, geometries, options.srs_wkt, options.progress,
                   "write " + fs::path(path).filename().string());
        ds.reset(); // GDAL 3.6's GDALClose returns nothing: its failure is in the error state
        if (const std::string closing = take_gdal_error(""); !closing.empty())
            throw DataError("cannot finish writing: " + closing);
        // Read back what was written before it replaces anything.
        const Dataset check = open_geopackage(temp, false);
        if (!check) throw DataError("the written file does not open: " + take_gdal_error());
        auto counts = layer_counts(check.get());
        const auto written = counts.find(layer_name);
        if (written == counts.end() || written->second != static_cast<GIntBig>(table.rows.size()))
            throw DataError("the written layer holds " +
                            (written == counts.end() ? std::string("nothing") : std::to_string(written->second)) +
                            " features, not " + std::to_string(table.rows.size()));
        counts.erase(written);
        if (counts != kept) throw DataError("the other layers of the file were not kept as they were");
    } catch (const DataError& e) {
        remove_geopackage_temp(temp);
        throw DataError("cannot write '" + path + "': " + e.what());
    } catch (...) {
        remove_geopackage_temp(temp);
        throw;
    }
    try {
        move_into_place(temp, real, exists);
    } catch (...) {
        remove_geopackage_temp(temp);
        throw;
    }
    remove_geopackage_temp(temp); // side files SQLite may leave
}

void write_vector_file(const std::string& path, const std::string& driver_name, const std::string& layer_name,
                       const Table& table, const std::vector<Wkb>& geometries, const GeoPackageOptions& options)
{
    if (driver_name == "GPKG") return write_geopackage(path, layer_name, table, geometries, options);
    init_gdal();
    if (check_output(path, {options.overwrite}) == OutputKind::stream)
        throw UsageError("'" + path + "' is a device or a pipe; " + driver_name + " needs a regular file");
    const fs::path real = resolve_output_path(path);
    const bool exists = fs::exists(real);
    const fs::path folder = folder_of(real);
    TempFile reserved = reserve_output_temp(folder, real.filename().string());
    ::close(reserved.fd);
    const fs::path temp = reserved.path;
    try {
        take_gdal_error();
        fs::remove(temp); // GDAL creates the file itself
        GDALDriverH driver = GDALGetDriverByName(driver_name.c_str());
        Dataset ds(driver ? GDALCreate(driver, temp.c_str(), 0, 0, 0, GDT_Unknown, nullptr) : nullptr);
        if (!ds) throw DataError("cannot create it: " + take_gdal_error("no " + driver_name + " driver"));
        fill_layer(ds.get(), layer_name, table, geometries, options.srs_wkt, options.progress,
                   "write " + fs::path(path).filename().string());
        ds.reset();
        if (const std::string closing = take_gdal_error(""); !closing.empty())
            throw DataError("cannot finish writing: " + closing);
        const char* const drivers[] = {driver_name.c_str(), nullptr};
        const Dataset check(GDALOpenEx(temp.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr));
        if (!check) throw DataError("the written file does not open: " + take_gdal_error());
        const auto counts = layer_counts(check.get());
        const GIntBig written = counts.size() == 1 ? counts.begin()->second : -1;
        if (written != static_cast<GIntBig>(table.rows.size()))
            throw DataError("the written file holds " + std::to_string(written) + " features, not " +
                            std::to_string(table.rows.size()));
        if (exists) {
            struct stat old_stat {};
            if (::stat(real.c_str(), &old_stat) == 0) ::chmod(temp.c_str(), old_stat.st_mode & 07777);
        }
        move_into_place(temp, real, exists);
    } catch (const DataError& e) {
        remove_temp(temp);
        throw DataError("cannot write '" + path + "': " + e.what());
    } catch (...) {
        remove_temp(temp);
        throw;
    }
}

} // namespace coterm::io
