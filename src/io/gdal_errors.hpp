// SPDX-License-Identifier: MIT
#pragma once
#include <string>

namespace coterm::io {

/// Registers GDAL drivers once and routes GDAL/OGR error messages into a per-thread
/// buffer instead of the terminal (never a raw "ERROR 1:" on stderr). Idempotent.
void init_gdal();

/// Opens a vector dataset. Opening is serialised across threads: GDAL's GeoPackage
/// driver initialises libspatialite on first use, which is not thread-safe (helgrind
/// reports the race when two layers load at once); reading afterwards is concurrent.
void* open_vector(const std::string& source);

/// The last message GDAL reported on this thread since the previous call, or `fallback`.
std::string take_gdal_error(const std::string& fallback = "unknown GDAL error");

} // namespace coterm::io
