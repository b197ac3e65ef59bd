// SPDX-License-Identifier: MIT
// Owning handles of GDAL objects, so every exit path closes what it opened.
#pragma once
#include <gdal.h>
#include <ogr_api.h>

#include <memory>
#include <type_traits>

namespace coterm::io {

struct DatasetCloser {
    void operator()(void* ds) const { GDALClose(ds); }
};
struct FeatureDestroyer {
    void operator()(OGRFeatureH f) const { OGR_F_Destroy(f); }
};

/// An open GDAL dataset, closed when dropped.
using DatasetPtr = std::unique_ptr<void, DatasetCloser>;
/// An OGR feature, destroyed when dropped.
using FeaturePtr = std::unique_ptr<std::remove_pointer_t<OGRFeatureH>, FeatureDestroyer>;

/// The result set of an --sql statement, released with its dataset: declare it after
/// the DatasetPtr it came from, so it is dropped first.
struct SqlResult {
    GDALDatasetH ds = nullptr;
    OGRLayerH layer = nullptr;
    SqlResult() = default;
    SqlResult(const SqlResult&) = delete;
    SqlResult& operator=(const SqlResult&) = delete;
    ~SqlResult()
    {
        if (layer) GDALDatasetReleaseResultSet(ds, layer);
    }
};

} // namespace coterm::io
