// SPDX-License-Identifier: MIT
#include "io/attribute_reader.hpp"

#include "io/gdal_handles.hpp"

#include "core/errors.hpp"
#include "core/strings.hpp"
#include "io/gdal_errors.hpp"

#include <gdal.h>
#include <ogr_api.h>

#include <memory>

namespace coterm::io {
namespace {

/// The result set of an --sql statement, released before its dataset closes.
struct ResultSet {
    GDALDatasetH ds = nullptr;
    OGRLayerH layer = nullptr;
    ResultSet() = default;
    ResultSet(const ResultSet&) = delete;
    ResultSet& operator=(const ResultSet&) = delete;
    ~ResultSet()
    {
        if (layer) GDALDatasetReleaseResultSet(ds, layer);
    }
};

} // namespace

AttributeValues read_attribute(const std::string& source, const ReadOptions& options, const std::string& field,
                               const std::string& label)
{
    init_gdal();
    DatasetPtr ds(open_vector(source));
    if (!ds) throw DataError("cannot open '" + source + "': " + take_gdal_error("not a readable vector source"));
    ResultSet sql; // declared after ds: released first
    OGRLayerH layer = nullptr;
    const std::string& layer_name = options.layer_name;
    if (!options.sql.empty()) {
        take_gdal_error("");
        sql.ds = ds.get();
        sql.layer = layer = GDALDatasetExecuteSQL(ds.get(), options.sql.c_str(), nullptr, nullptr);
        if (!layer)
            throw UsageError(options.option_prefix + "-sql on " + label + ": " +
                             take_gdal_error("the statement returned no result set"));
    } else {
        layer = layer_name.empty()
                    ? (GDALDatasetGetLayerCount(ds.get()) == 1 ? GDALDatasetGetLayer(ds.get(), 0) : nullptr)
                    : GDALDatasetGetLayerByName(ds.get(), layer_name.c_str());
        if (!layer)
            throw UsageError(
                label + ": " +
                (layer_name.empty() ? "the source must hold exactly one layer" : "no layer '" + layer_name + "'"));
    }
    // The same filter as the geometry read, so both reads return the same features in
    // the same order.
    if (!options.where.empty() && OGR_L_SetAttributeFilter(layer, options.where.c_str()) != OGRERR_NONE)
        throw UsageError(options.option_prefix + "-where '" + options.where + "' on " + label + ": " +
                         take_gdal_error("not a valid filter"));
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    std::vector<std::string> fields;
    for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i)
        fields.emplace_back(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)));
    const int idx = OGR_FD_GetFieldIndex(defn, field.c_str());
    if (idx < 0)
        throw UsageError(label + ": no field '" + field + "'" + did_you_mean(field, fields) +
                         "; fields: " + join_limited(fields, 20));
    const OGRFieldType type = OGR_Fld_GetType(OGR_FD_GetFieldDefn(defn, idx));
    AttributeValues out;
    out.field = field;
    out.numeric = type == OFTInteger || type == OFTInteger64 || type == OFTReal;
    OGR_L_ResetReading(layer);
    while (FeaturePtr f{OGR_L_GetNextFeature(layer)}) {
        if (!OGR_F_IsFieldSetAndNotNull(f.get(), idx))
            out.values.emplace_back();
        else if (type == OFTReal)
            out.values.emplace_back(OGR_F_GetFieldAsDouble(f.get(), idx));
        else if (out.numeric)
            out.values.emplace_back(static_cast<std::int64_t>(OGR_F_GetFieldAsInteger64(f.get(), idx)));
        else
            out.values.emplace_back(std::string(OGR_F_GetFieldAsString(f.get(), idx)));
    }
    const std::string late_error = take_gdal_error("");
    if (!late_error.empty()) throw DataError(label + ": reading failed: " + late_error);
    return out;
}

} // namespace coterm::io
