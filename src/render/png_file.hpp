// SPDX-License-Identifier: MIT
// PNG bytes of a Cairo image surface, written through libpng (docs/report.md).
#pragma once
#include <cairo.h>

#include <string>
#include <vector>

namespace coterm::render {

/// The PNG file of RGB24 image surfaces stacked top to bottom (horizontal bands of one
/// image, all as wide): 8-bit RGB, sRGB, with a pHYs chunk saying
/// `dpi`. Written row by row (memory: the surface plus one row and the output) with
/// libpng's fast settings (no row filters, zlib level 3)
/// rather than Cairo's writer (every filter tried per row, level 6): on maps of flat
/// colour areas it is several times faster and the file comes out no bigger
/// (docs/performance.md, "Report rendering"). Throws DataError when libpng fails.
std::string encode_png(const std::vector<cairo_surface_t*>& bands, double dpi);

} // namespace coterm::render
