// SPDX-License-Identifier: MIT
#include "io/attribute_reader.hpp"

#include "io/gdal_handles.hpp"
#include "io/source_layer.hpp"

#include "core/errors.hpp"
#include "core/strings.hpp"
#include "io/gdal_errors.hpp"

#include <gdal.h>
#include <ogr_api.h>

#include <memory>

namespace coterm::io {

AttributeValues read_attribute(const std::string& source, const ReadOptions& options, const std::string& field,
                               const std::string& label)
{
    init_gdal();
    DatasetPtr ds(open_vector(source));
    if (!ds) throw DataError("cannot open '" + source + "': " + take_gdal_error("not a readable vector source"));
    SqlResult sql; // declared after ds: released first
    // The same layer and filter as the geometry read, so both reads return the same
    // features in the same order.
    OGRLayerH layer = open_read_layer(ds.get(), source, options, label, sql);
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
