// SPDX-License-Identifier: MIT
#pragma once
#include <geos_c.h>
#include <string>

namespace coterm {

/// The GEOS context of the calling thread. GEOS's `_r` functions are reentrant per
/// context but a context must not be shared between threads, so each thread gets its
/// own on first use; it is finished when the thread exits.
GEOSContextHandle_t geos_context();

/// The last error message GEOS reported on this thread's context, then cleared.
std::string take_geos_error();

/// This thread's WKB reader and writer (little-endian, 2D), created once per thread.
GEOSWKBReader* geos_wkb_reader();
GEOSWKBWriter* geos_wkb_writer();

} // namespace coterm
