// SPDX-License-Identifier: MIT
// PNG bytes of a Cairo image surface, written through libpng (docs/report.md).
#pragma once
#include <cairo.h>

#include <string>

namespace coterm::render {

/// The PNG file of an RGB24 image surface: 8-bit RGB, with a pHYs chunk right after
/// IHDR saying `dpi`. Written by libpng's fast mode (no row filters, zlib level 3)
/// rather than Cairo's writer (every filter tried per row, level 6): on maps of flat
/// colour areas it is several times faster and the file comes out no bigger
/// (docs/performance.md, "Report rendering"). Throws DataError when libpng fails.
std::string encode_png(cairo_surface_t* surface, double dpi);

} // namespace coterm::render
