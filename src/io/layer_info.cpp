// SPDX-License-Identifier: MIT
#include "io/layer_info.hpp"

#include "core/errors.hpp"
#include "core/sha256.hpp"
#include "core/wkb.hpp"
#include "io/gdal_errors.hpp"

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <filesystem>
#include <fstream>
#include <vector>

namespace coterm::io {

std::string file_sha256(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) throw DataError("cannot open '" + path + "' to hash it");
    Sha256 h;
    std::vector<char> buffer(1 << 20);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        h.update(buffer.data(), static_cast<std::size_t>(in.gcount()));
    }
    // A read error ends the loop like the end of the file does: never return (and
    // cache) the hash of part of a file.
    if (in.bad()) throw DataError("cannot read '" + path + "' to hash it");
    return h.hex();
}

LayerInfo describe_layer(const std::string& source, const std::string& layer_name)
{
    init_gdal();
    GDALDatasetH ds = open_vector(source);
    if (!ds) throw DataError("cannot open '" + source + "': " + take_gdal_error("not a readable vector source"));
    LayerInfo info;
    try {
        OGRLayerH layer =
            layer_name.empty() ? GDALDatasetGetLayer(ds, 0) : GDALDatasetGetLayerByName(ds, layer_name.c_str());
        if (!layer) throw DataError(source + ": no layer '" + layer_name + "'");
        info.layer_name = OGR_L_GetName(layer);
        OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
        for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
            OGRFieldDefnH f = OGR_FD_GetFieldDefn(defn, i);
            info.fields.emplace_back(OGR_Fld_GetNameRef(f), OGR_GetFieldTypeName(OGR_Fld_GetType(f)));
        }
        if (OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(layer)) {
            const char* auth = OSRGetAuthorityName(srs, nullptr);
            const char* code = OSRGetAuthorityCode(srs, nullptr);
            info.crs = auth && code ? std::string(auth) + ":" + code : std::string(OSRGetName(srs));
        } else {
            info.crs = "none";
        }
        OGREnvelope env;
        if (OGR_L_GetExtent(layer, &env, 1) == OGRERR_NONE) {
            info.min_x = env.MinX, info.min_y = env.MinY, info.max_x = env.MaxX, info.max_y = env.MaxY;
        }
        OGR_L_ResetReading(layer);
        while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
            ++info.features;
            if (OGRGeometryH g = OGR_F_GetGeometryRef(f)) {
                OGRGeometryH flat = OGR_G_Clone(g);
                OGR_G_FlattenTo2D(flat);
                Wkb wkb(static_cast<std::size_t>(OGR_G_WkbSize(flat)));
                OGR_G_ExportToWkb(flat, wkbNDR, wkb.data());
                OGR_G_DestroyGeometry(flat);
                std::size_t last_polygon = static_cast<std::size_t>(-1);
                try {
                    for_each_ring(wkb, [&](std::size_t p, std::size_t, WkbRing ring) {
                        info.vertices += static_cast<std::int64_t>(ring.count);
                        ++info.rings;
                        if (p != last_polygon) ++info.parts, last_polygon = p;
                    });
                } catch (const GeometryError&) {
                    // Curved or 3D-measured geometries: counted as features only.
                }
            }
            OGR_F_Destroy(f);
        }
    } catch (...) {
        GDALClose(ds);
        throw;
    }
    GDALClose(ds);
    if (std::filesystem::is_regular_file(source)) {
        info.bytes = std::filesystem::file_size(source);
        info.sha256 = file_sha256(source);
    }
    return info;
}

} // namespace coterm::io
