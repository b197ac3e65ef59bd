// SPDX-License-Identifier: MIT
// The one place a read picks its layer from an open dataset (io internal: GDAL types).
#pragma once
#include "io/gdal_handles.hpp"
#include "io/layer_reader.hpp"

#include <string>

namespace coterm::io {

/// The layer of `ds` that ReadOptions name: the result set of `sql` (held in `sql_out`,
/// which must be dropped before `ds` closes), else the named layer or the only one;
/// with `where` set as its attribute filter. Every reader of a source takes its layer
/// here, so two reads of one source (geometry, then an attribute) see the same features
/// in the same order. UsageError naming `label` and the option when one is refused.
OGRLayerH open_read_layer(GDALDatasetH ds, const std::string& source, const ReadOptions& options,
                          const std::string& label, SqlResult& sql_out);

} // namespace coterm::io
