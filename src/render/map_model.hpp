// SPDX-License-Identifier: MIT
// The plain model every rendering (report.html, map.png/svg/pdf) consumes. It holds
// finished numbers and display geometry only: a renderer formats and draws, it never
// computes a figure (docs/report.md). Whoever fills it (cmd_run, cmd_map, later the
// analysis layer's RunResult) decides what is shown.
#pragma once
#include "core/geometry.hpp"
#include "core/table.hpp"

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace coterm::render {

/// How a value is written and coloured.
enum class ValueKind {
    number,   ///< a quantity or rate: separators, 0–3 decimals by magnitude
    money,    ///< pounds sterling: "£1,234,567", per-head figures "£180.12"
    share,    ///< a fraction 0–1 written as a percentage "98.7 %"
    count,    ///< a whole number: "1,234"; coloured by class like a number
    category, ///< text (or a whole number used as a label): one colour per distinct value
    flag,     ///< true / false written as "yes" / "no"; coloured as a category
    text      ///< tables only: written as is, never coloured
};

/// One thing the map can be coloured by.
struct Measure {
    std::string id;    ///< stable identifier (a column name), used by tests and the URL-free selector
    std::string label; ///< what the selector and legend say, e.g. "Population (Census 2021)"
    ValueKind kind = ValueKind::number;
    std::string unit;       ///< optional suffix after the label, e.g. "years", "per 100,000"
    bool in_tooltip = true; ///< listed when hovering an area (the measure on the map always is)
};

/// One area drawn on the map.
struct MapFeature {
    std::string code, name;
    Wkb geometry_bng;         ///< little-endian 2D WKB in EPSG:27700, already simplified for display
    std::vector<Cell> values; ///< one per measure (same order as ReportModel::measures); missing = no data
    bool marked = false;      ///< drawn hatched and outlined (e.g. it splits a comparison body)
};

/// Boundaries drawn over the features (e.g. a comparison layer), switchable in the page.
struct Overlay {
    std::string label;
    std::vector<Wkb> geometries_bng; ///< EPSG:27700 WKB, simplified for display
    bool visible = true;             ///< shown when the page opens, and on static maps
};

/// A text drawn on the map at a point, e.g. the name of an option when several maps
/// stand side by side (coterm compare).
struct MapCaption {
    std::string text;
    double x_bng = 0, y_bng = 0; ///< EPSG:27700 metres: the top-left corner of the text
};

/// A sortable table of the page. A row links to a map feature when the table has a
/// column named "code" holding the feature's code.
struct ReportTable {
    std::string title;
    Table table;
    std::vector<ValueKind> kinds; ///< per column; empty: derived from each column's Format
    /// Cells shown with a warning mark, e.g. a value computed from under 95 % of the
    /// footprint's people; (row, column) indices into `table`.
    std::vector<std::pair<std::size_t, std::size_t>> flagged;
    std::string flag_note; ///< what a mark means, written under the table
};

/// Everything a report or map shows.
struct ReportModel {
    std::string title, subtitle;
    std::vector<std::pair<std::string, std::string>> headline; ///< (label, already formatted value)
    std::vector<Measure> measures;
    std::size_t default_measure = 0; ///< the measure the page opens with and static maps show
    std::vector<MapFeature> features;
    std::vector<Overlay> overlays;
    std::vector<MapCaption> captions;                 ///< texts on the map (report.html only)
    std::string marked_label = "Splits another body"; ///< legend text of marked features
    std::vector<std::string> findings; ///< sentences worth reading first (e.g. alignment with each layer)
    std::vector<ReportTable> tables;
    std::vector<std::string> conservation; ///< lines stating where every mapped total went
    std::vector<std::string> notes;        ///< method notes (simplification, weights, …)
    std::string attribution;               ///< data licence text, printed on every map
};

} // namespace coterm::render
