// SPDX-License-Identifier: MIT
#include "io/layer_writer.hpp"

#include "core/errors.hpp"
#include "io/gdal_errors.hpp"

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <filesystem>

namespace coterm::io {

void write_geopackage(const std::string& path, const std::string& layer_name, const Table& table,
                      const std::vector<Wkb>& geometries)
{
    init_gdal();
    namespace fs = std::filesystem;
    const fs::path target(path);
    const fs::path temp = (target.has_parent_path() ? target.parent_path() : fs::path(".")) /
                          ("." + target.filename().string() + ".part.gpkg");
    fs::remove(temp);
    GDALDriverH driver = GDALGetDriverByName("GPKG");
    GDALDatasetH ds = driver ? GDALCreate(driver, temp.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr) : nullptr;
    if (!ds) throw DataError("cannot write '" + path + "': " + take_gdal_error("no GeoPackage driver"));
    auto fail = [&](const std::string& what) {
        GDALClose(ds);
        fs::remove(temp);
        throw DataError("cannot write '" + path + "': " + what + ": " + take_gdal_error());
    };
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 27700);
    OGRLayerH layer = GDALDatasetCreateLayer(ds, layer_name.c_str(), srs, wkbMultiPolygon, nullptr);
    OSRDestroySpatialReference(srs);
    if (!layer) fail("layer");
    for (const auto& c : table.columns) {
        const OGRFieldType type = c.format == Format::text || c.format == Format::flag ? OFTString
                                  : c.format == Format::integer                        ? OFTInteger64
                                                                                       : OFTReal;
        OGRFieldDefnH field = OGR_Fld_Create(c.name.c_str(), type);
        const OGRErr err = OGR_L_CreateField(layer, field, 1);
        OGR_Fld_Destroy(field);
        if (err != OGRERR_NONE) fail("field " + c.name);
    }
    GDALDatasetStartTransaction(ds, 0);
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
        if (OGR_G_CreateFromWkb(geometries[r].data(), nullptr, &g, static_cast<int>(geometries[r].size())) ==
            OGRERR_NONE) {
            g = OGR_G_ForceToMultiPolygon(g);
            OGR_F_SetGeometryDirectly(f, g);
        }
        const OGRErr err = OGR_L_CreateFeature(layer, f);
        OGR_F_Destroy(f);
        if (err != OGRERR_NONE) fail("feature " + std::to_string(r + 1));
    }
    GDALDatasetCommitTransaction(ds);
    GDALClose(ds);
    fs::rename(temp, target);
}

} // namespace coterm::io
