// SPDX-License-Identifier: MIT
// Orientation and point-in-polygon with certified signs, shared by the exact area
// kernel (intersection_area) and the exact covers test (covers_exact).
#pragma once
#include "core/intersection_area.hpp"

#include <cmath>
#include <optional>

namespace coterm {

/// Sign of the orientation of (a, b, c): +1 left turn, -1 right turn, 0 when the
/// double-precision determinant cannot certify its sign (Shewchuk's ccwerrboundA
/// filter). 0 is treated as a degeneracy by every caller, so no decision is ever
/// taken on an uncertified sign; three exactly collinear points always give 0.
inline int orientation(double ax, double ay, double bx, double by, double cx, double cy)
{
    const double left = (ax - cx) * (by - cy);
    const double right = (ay - cy) * (bx - cx);
    const double det = left - right;
    const double bound = 3.3306690738754716e-16 * (std::fabs(left) + std::fabs(right));
    if (det > bound) return 1;
    if (-det > bound) return -1;
    return 0;
}

/// True only when (a, b, c) are certainly collinear: the differences and products of
/// the orientation determinant are all exact in double precision (checked by their
/// rounding errors) and the products are equal. False when they are not collinear or
/// when double arithmetic cannot tell (as for most coordinates with long fractions).
inline bool certainly_collinear(double ax, double ay, double bx, double by, double cx, double cy)
{
    auto exact_difference = [](double a, double b, double& d) { // Shewchuk's Two_Diff_Tail is 0
        d = a - b;
        const double b_virtual = a - d, a_virtual = d + b_virtual;
        return (a - a_virtual) + (b_virtual - b) == 0;
    };
    double d1, d2, d3, d4;
    if (!exact_difference(ax, cx, d1) || !exact_difference(by, cy, d2) || !exact_difference(ay, cy, d3) ||
        !exact_difference(bx, cx, d4))
        return false;
    const double left = d1 * d2, right = d3 * d4;
    return std::fma(d1, d2, -left) == 0 && std::fma(d3, d4, -right) == 0 && left == right;
}

/// Whether (px, py) lies inside the polygonal set of `r` (crossing parity over all
/// rings, exact for valid geometry); nullopt when the point is on, or too close to
/// decide against, its boundary.
std::optional<bool> point_inside(const PolygonRings& r, double px, double py);

} // namespace coterm
