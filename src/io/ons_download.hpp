// SPDX-License-Identifier: MIT
#pragma once
#include "io/catalogue.hpp"

#include <cstdint>
#include <functional>
#include <string>

namespace coterm::io {

/// The FeatureServer query URL of a download: `base`/service/FeatureServer/index/query
/// with the filter, the fields to keep, a stable order and (optionally) the page size.
/// No output CRS is asked for: the source's is kept.
std::string download_url(const std::string& base, const Download& d);

/// What a download tells its caller: the number of features read so far out of the
/// server's count (0 when unknown), for progress, and why a read is being started again
/// (a warning). Either may be empty.
struct DownloadEvents {
    std::function<void(std::int64_t done, std::int64_t total)> progress;
    std::function<void(const std::string&)> retrying;
};

/// Reads every page of a FeatureServer query through GDAL's ESRIJSON driver (GDAL pages
/// and retries failed requests, GDAL_HTTP_MAX_RETRY) and writes the features to a
/// GeoPackage layer `layer_name` in the source CRS, keeping and renaming only the fields
/// the download lists. Written to a temporary file renamed into place. A request that
/// fails for good, a truncated or unreadable page, a missing field, or fewer features
/// than the server counted (or than `expected`, when > 0) is a DataError naming the URL;
/// nothing is left behind. An existing file is replaced only with `overwrite`.
/// Returns the number of features.
std::int64_t download_layer(const std::string& url, const Download& d, const std::string& gpkg_path,
                            const std::string& layer_name, std::int64_t expected, const DownloadEvents& events,
                            bool overwrite = false);

/// The same for a table without geometry (a lookup), written as CSV with a header of the
/// catalogue's field names, every text field quoted.
std::int64_t download_table(const std::string& url, const Download& d, const std::string& csv_path,
                            const DownloadEvents& events, bool overwrite = false);

} // namespace coterm::io
