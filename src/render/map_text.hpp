// SPDX-License-Identifier: MIT
// Text on Cairo maps: one sans-serif face through Cairo's toy font API (fontconfig picks
// the system's sans, DejaVu Sans on Debian), wrapped to a width.
#pragma once
#include "render/palette.hpp"

#include <cairo.h>

#include <string>
#include <vector>

namespace coterm::render {

struct TextStyle {
    double size_px = 12;
    bool bold = false;
};

/// Distance between two baselines.
inline double line_height(const TextStyle& s)
{
    return 1.3 * s.size_px;
}

/// Width of `text` when drawn.
double text_width(cairo_t* cr, const TextStyle& s, const std::string& text);

/// `text` broken at spaces into lines no wider than `width` (a longer word stays whole);
/// at most `max_lines`, the last ending in "…" when text was left out. Empty text: no lines.
std::vector<std::string> wrap_text(cairo_t* cr, const TextStyle& s, const std::string& text, double width,
                                   std::size_t max_lines);

/// Draws one line with its baseline at y; with `halo`, over a white outline so it reads on any fill.
void draw_text(cairo_t* cr, const TextStyle& s, const std::string& text, double x, double y, const Rgb& colour,
               bool halo = false);

} // namespace coterm::render
