// SPDX-License-Identifier: MIT
// Static maps for papers (PNG, SVG, PDF) drawn with Cairo: the default measure, legend,
// title, scale bar and attribution (docs/report.md, docs/cli/map.md).
#pragma once
#include "render/map_model.hpp"

#include <string>
#include <vector>

namespace coterm::render {

enum class ImageFormat { png, svg, pdf };

/// Size and look of a static map. Drawing units are pixels at `dpi`; SVG and PDF pages
/// are the same size in points (72 per inch), so every format has the same layout.
struct StaticMapOptions {
    ImageFormat format = ImageFormat::png;
    int width_px = 2000; ///< image width
    int height_px = 0;   ///< image height; 0: as tall as the map's shape needs
    double dpi = 200;    ///< written into the PNG (pHYs) and used to size text
    bool labels = false; ///< write each feature's name at a point inside it
    /// PNG: drawn as two bands on up to this many threads (0: all cores); the pixels do
    /// not depend on it.
    unsigned threads = 1;
};

/// Where things are on the image, in pixels from the top-left corner (for tests and
/// for anyone placing the map in a layout).
struct StaticLayout {
    int width = 0, height = 0;
    double scale = 1;                  ///< pixels per metre
    double origin_x = 0, origin_y = 0; ///< pixel of easting 0, northing 0 (y grows downwards)
    struct Swatch {
        double x, y, w, h; ///< the legend swatch of a class, in pixels
    };
    std::vector<Swatch> swatches; ///< one per class of the default measure, in legend order
    /// The pixel of a point in EPSG:27700 metres.
    double px(double easting) const { return origin_x + easting * scale; }
    double py(double northing) const { return origin_y - northing * scale; }
};

/// The layout of a map of `model` with `options` (no drawing).
/// Throws UsageError for a width or height under 200 pixels or a DPI outside 36–1200.
StaticLayout layout_static_map(const ReportModel& model, const StaticMapOptions& options);

/// The image file's bytes. PNG carries the DPI in its pHYs chunk; SVG and PDF are
/// vector. Throws DataError when Cairo fails.
std::string render_static_map(const ReportModel& model, const StaticMapOptions& options);

} // namespace coterm::render
