// SPDX-License-Identifier: MIT
// Colours of maps and reports, written as data with their sources (docs/methods.md §15).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace coterm::render {

/// An sRGB colour.
struct Rgb {
    std::uint8_t r = 0, g = 0, b = 0;
    bool operator==(const Rgb&) const = default;
};

/// "#rrggbb", lowercase.
std::string to_hex(const Rgb& c);

/// ColorBrewer's YlGnBu sequential scheme with `classes` colours (3 to 7; fewer than 3
/// gives the lightest and/or darkest of the 3-class scheme, more than 7 is clamped to 7).
/// Light is low, dark is high. Marked colour-blind safe and print friendly by ColorBrewer.
std::vector<Rgb> sequential_palette(std::size_t classes);

/// The Okabe–Ito colours for categories (7 colours, black left out so outlines stay
/// readable); a category beyond the seventh shares `other_colour`.
const std::vector<Rgb>& categorical_palette();

/// Lines of overlays, in order: black, then Okabe–Ito vermilion, blue, reddish purple,
/// orange and bluish green (distinct from the YlGnBu fills).
const std::vector<Rgb>& overlay_palette();

inline constexpr Rgb no_data_colour{217, 217, 217}; ///< light grey: a feature without a value
inline constexpr Rgb other_colour{153, 153, 153};   ///< mid grey: categories beyond the palette
inline constexpr Rgb plain_colour{199, 216, 230};   ///< a map coloured by nothing
inline constexpr Rgb edge_colour{255, 255, 255};    ///< the thin edge between features
inline constexpr Rgb mark_colour{26, 26, 26};       ///< outline and hatching of marked features

} // namespace coterm::render
