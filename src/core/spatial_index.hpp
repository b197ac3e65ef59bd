// SPDX-License-Identifier: MIT
#pragma once
// The Boost.Geometry R-tree types the engine indexes with (bulk-loaded through the
// packing constructor; const queries are safe from several threads).
#include "core/geometry.hpp"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <boost/iterator/function_output_iterator.hpp>

#include <cstddef>
#include <utility>

namespace coterm::index {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;
using Point = bg::model::point<double, 2, bg::cs::cartesian>;
using BoxType = bg::model::box<Point>;
using BoxEntry = std::pair<BoxType, std::size_t>;
using BoxTree = bgi::rtree<BoxEntry, bgi::rstar<16>>;
using PointEntry = std::pair<Point, std::size_t>;
using PointTree = bgi::rtree<PointEntry, bgi::rstar<16>>;

/// Our Box as a Boost.Geometry box.
inline BoxType to_box(const Box& b)
{
    return BoxType(Point(b.min_x, b.min_y), Point(b.max_x, b.max_y));
}

/// Calls `visit(entry)` for every entry of `tree` whose box or point meets `box`.
template <class Tree, class Visit> void query(const Tree& tree, const Box& box, Visit&& visit)
{
    tree.query(bgi::intersects(to_box(box)), boost::make_function_output_iterator(visit));
}

} // namespace coterm::index
