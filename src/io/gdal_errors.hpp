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
/// With `sql_functions` false GDAL does not load SpatiaLite into a SQLite-based source
/// (GeoPackage): reading whole tables never calls its SQL functions, and loading them
/// costs ~15 M instructions per file, most of a small layer's opening.
void* open_vector(const std::string& source, bool sql_functions = true);

/// The last message GDAL reported on this thread since the previous call, or `fallback`.
std::string take_gdal_error(const std::string& fallback = "unknown GDAL error");

} // namespace coterm::io
