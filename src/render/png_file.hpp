// SPDX-License-Identifier: MIT
// PNG bytes of a Cairo image surface, written through libpng (docs/report.md).
#pragma once
#include <cairo.h>

#include <string>

namespace coterm::render {

/// The PNG file of an RGB24 image surface: 8-bit RGB, sRGB, with a pHYs chunk saying
/// `dpi`. Written row by row (memory: the surface plus one row and the output) with
/// libpng's fast settings (no row filters, zlib level 3)
/// rather than Cairo's writer (every filter tried per row, level 6): on maps of flat
/// colour areas it is several times faster and the file comes out no bigger
/// (docs/performance.md, "Report rendering"). Throws DataError when libpng fails.
std::string encode_png(cairo_surface_t* surface, double dpi);

} // namespace coterm::render
