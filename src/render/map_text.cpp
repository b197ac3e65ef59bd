// SPDX-License-Identifier: MIT
#include "render/map_text.hpp"

#include <sstream>

namespace coterm::render {
namespace {

void select_font(cairo_t* cr, const TextStyle& s)
{
    cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL,
                           s.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, s.size_px);
}

} // namespace

double text_width(cairo_t* cr, const TextStyle& s, const std::string& text)
{
    select_font(cr, s);
    cairo_text_extents_t e;
    cairo_text_extents(cr, text.c_str(), &e);
    return e.x_advance;
}

std::vector<std::string> wrap_text(cairo_t* cr, const TextStyle& s, const std::string& text, double width,
                                   std::size_t max_lines)
{
    std::vector<std::string> lines;
    std::istringstream words(text);
    std::string word, line;
    bool cut = false;
    while (words >> word) {
        const std::string longer = line.empty() ? word : line + " " + word;
        if (line.empty() || text_width(cr, s, longer) <= width) {
            line = longer;
            continue;
        }
        if (lines.size() + 1 == max_lines) {
            cut = true;
            break;
        }
        lines.push_back(line);
        line = word;
    }
    if (!line.empty()) lines.push_back(line);
    if (cut) {
        std::string& last = lines.back();
        while (!last.empty() && text_width(cr, s, last + " …") > width) {
            const auto space = last.rfind(' ');
            last.erase(space == std::string::npos ? 0 : space);
        }
        last += " …";
    }
    return lines;
}

void draw_text(cairo_t* cr, const TextStyle& s, const std::string& text, double x, double y, const Rgb& colour,
               bool halo)
{
    select_font(cr, s);
    cairo_move_to(cr, x, y);
    if (halo) {
        cairo_text_path(cr, text.c_str());
        cairo_set_source_rgba(cr, 1, 1, 1, 0.85);
        cairo_set_line_width(cr, s.size_px / 4);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        cairo_stroke_preserve(cr);
        cairo_set_source_rgb(cr, colour.r / 255.0, colour.g / 255.0, colour.b / 255.0);
        cairo_fill(cr);
        return;
    }
    cairo_set_source_rgb(cr, colour.r / 255.0, colour.g / 255.0, colour.b / 255.0);
    cairo_show_text(cr, text.c_str());
}

} // namespace coterm::render
