// SPDX-License-Identifier: MIT
#include "render/static_map.hpp"

#include "core/errors.hpp"
#include "core/parallel.hpp"
#include "render/classify.hpp"
#include "render/map_geometry.hpp"
#include "render/map_text.hpp"
#include "render/palette.hpp"
#include "render/png_file.hpp"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

namespace coterm::render {
namespace {

/// Layout and styles of one drawing, in pixels.
struct Frame {
    StaticLayout layout;
    double pt = 1;     ///< one typographic point in pixels
    double margin = 0; ///< outer margin
    double panel_x = 0, panel_w = 0, header_h = 0, footer_h = 0;
    double map_x = 0, map_y = 0, map_w = 0, map_h = 0; ///< the box the map is drawn (and clipped) in
};

void set_colour(cairo_t* cr, const Rgb& c, double alpha = 1)
{
    cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, alpha);
}

void add_shape(cairo_t* cr, const StaticLayout& l, const Wkb& wkb)
{
    for_each_map_ring(wkb, [&](const std::vector<MapPoint>& ring) {
        if (ring.size() < 3) return;
        cairo_move_to(cr, l.px(ring[0].x), l.py(ring[0].y));
        for (std::size_t i = 1; i < ring.size(); ++i)
            cairo_line_to(cr, l.px(ring[i].x), l.py(ring[i].y));
        cairo_close_path(cr);
    });
}

/// Diagonal lines over the current path (which is consumed), clipped to it.
void hatch_path(cairo_t* cr, double spacing, double width)
{
    double x1, y1, x2, y2;
    cairo_save(cr);
    cairo_path_extents(cr, &x1, &y1, &x2, &y2);
    cairo_clip(cr);
    set_colour(cr, mark_colour, 0.6);
    cairo_set_line_width(cr, width);
    for (double s = x1 - (y2 - y1); s < x2; s += spacing) {
        cairo_move_to(cr, s, y2);
        cairo_line_to(cr, s + (y2 - y1), y1);
    }
    cairo_stroke(cr);
    cairo_restore(cr);
}

Frame make_frame(const ReportModel& m, const StaticMapOptions& o, cairo_t* measure_cr)
{
    if (o.width_px < 200 || (o.height_px != 0 && o.height_px < 200))
        throw UsageError("map size must be at least 200 × 200 pixels");
    if (o.width_px > 20000 || o.height_px > 20000) throw UsageError("map size must be at most 20000 × 20000 pixels");
    if (!(o.dpi >= 36 && o.dpi <= 1200)) throw UsageError("map DPI must be between 36 and 1200");
    Frame f;
    f.pt = o.dpi / 72.0;
    f.margin = 18 * f.pt;
    const double w = o.width_px;
    f.panel_w = std::clamp(0.3 * w, std::min(170 * f.pt, 0.45 * w), 0.45 * w);
    f.panel_x = w - f.margin - f.panel_w;
    TextStyle title{16 * f.pt, true}, sub{9 * f.pt, false}, small{7 * f.pt, false};
    f.header_h = f.margin + line_height(title) +
                 wrap_text(measure_cr, sub, m.subtitle, w - 2 * f.margin, 3).size() * line_height(sub) + 8 * f.pt;
    f.footer_h =
        wrap_text(measure_cr, small, m.attribution, w - 2 * f.margin, 4).size() * line_height(small) + f.margin;
    const Box box = map_extent(m.features);
    const double ext_w = std::max(box.max_x - box.min_x, 1.0), ext_h = std::max(box.max_y - box.min_y, 1.0);
    const double map_w = f.panel_x - 12 * f.pt - f.margin;
    double h = o.height_px;
    // A tall, thin extent (a 25 m strip of changed area) would ask for a page tens of
    // thousands of pixels high, past what Cairo can allocate: the automatic height stops at
    // twice the width (and 20000 px) and the map is fitted into it.
    if (h == 0)
        h = std::clamp(std::ceil(f.header_h + map_w * ext_h / ext_w + f.footer_h), 200.0,
                       std::min(2.0 * o.width_px, 20000.0));
    const double map_h = std::max(h - f.header_h - f.footer_h, 1.0);
    f.map_x = f.margin;
    f.map_y = f.header_h;
    f.map_w = map_w;
    f.map_h = map_h;
    StaticLayout& l = f.layout;
    l.width = o.width_px;
    l.height = static_cast<int>(h);
    l.scale = std::min(map_w / ext_w, map_h / ext_h);
    l.origin_x = f.margin + (map_w - ext_w * l.scale) / 2 - box.min_x * l.scale;
    l.origin_y = f.header_h + (map_h - ext_h * l.scale) / 2 + box.max_y * l.scale;
    return f;
}

/// A scale bar of a round length (1, 2 or 5 × 10^k km) at most `max_px` long.
void draw_scale_bar(cairo_t* cr, const Frame& f, double x, double y, double max_px)
{
    const double max_km = max_px / f.layout.scale / 1000;
    double km = std::pow(10.0, std::floor(std::log10(max_km)));
    for (double step : {5.0, 2.0})
        if (km * step <= max_km) {
            km *= step;
            break;
        }
    const double len = km * 1000 * f.layout.scale, h = 5 * f.pt;
    for (int i = 0; i < 4; ++i) {
        cairo_rectangle(cr, x + i * len / 4, y, len / 4, h);
        set_colour(cr, i % 2 ? Rgb{255, 255, 255} : mark_colour);
        cairo_fill_preserve(cr);
        set_colour(cr, mark_colour);
        cairo_set_line_width(cr, 0.5 * f.pt);
        cairo_stroke(cr);
    }
    const TextStyle t{7.5 * f.pt, false};
    draw_text(cr, t, "0", x, y + h + line_height(t), mark_colour);
    const std::string label =
        km >= 1 ? std::to_string(std::llround(km)) + " km" : std::to_string(std::llround(km * 1000)) + " m";
    draw_text(cr, t, label, x + len - text_width(cr, t, label) / 2, y + h + line_height(t), mark_colour);
}

void draw_legend(cairo_t* cr, const ReportModel& m, const Classification* c, Frame& f)
{
    const double x = f.panel_x, w = f.panel_w;
    double y = f.header_h + 4 * f.pt;
    const TextStyle head{10 * f.pt, true}, body{8.5 * f.pt, false}, note{7.5 * f.pt, false};
    const double sw = 24 * f.pt, sh = 12 * f.pt, row = 16 * f.pt;
    auto text_row = [&](const TextStyle& s, const std::string& text, const Rgb& colour, double indent) {
        for (const auto& line : wrap_text(cr, s, text, w - indent, 4)) {
            y += line_height(s);
            draw_text(cr, s, line, x + indent, y - 0.3 * s.size_px, colour);
        }
    };
    auto swatch_row = [&](const std::string& text, auto&& draw_swatch) {
        // Long labels wrap beside the swatch rather than run off the page.
        const auto lines = wrap_text(cr, body, text, w - sw - 8 * f.pt, 3);
        draw_swatch(x, y + (row - sh) / 2);
        for (std::size_t i = 0; i < lines.size(); ++i)
            draw_text(cr, body, lines[i], x + sw + 8 * f.pt,
                      y + row / 2 + 0.35 * body.size_px + static_cast<double>(i) * line_height(body), mark_colour);
        y += row + static_cast<double>(lines.empty() ? 0 : lines.size() - 1) * line_height(body);
    };
    if (c) {
        const Measure& me = m.measures[m.default_measure];
        text_row(head, me.label + (me.unit.empty() ? "" : " (" + me.unit + ")"), mark_colour, 0);
        text_row(note,
                 c->method == "quantiles"    ? "Quantile classes (about equal numbers of areas)"
                 : c->method == "categories" ? "One colour per value"
                                             : "One class per value",
                 Rgb{90, 90, 90}, 0);
        y += 4 * f.pt;
        std::size_t missing = std::count(c->class_of.begin(), c->class_of.end(), -1);
        for (std::size_t i = 0; i <= c->classes.size(); ++i) {
            if (i == c->classes.size() && missing == 0) break;
            const Rgb colour = i < c->classes.size() ? c->classes[i].colour : no_data_colour;
            const std::size_t n = i < c->classes.size() ? c->classes[i].count : missing;
            const std::string label = (i < c->classes.size() ? c->classes[i].label : std::string("No data")) + "  (" +
                                      std::to_string(n) + ")";
            swatch_row(label, [&](double sx, double sy) {
                if (i < c->classes.size()) f.layout.swatches.push_back({sx, sy, sw, sh});
                cairo_rectangle(cr, sx, sy, sw, sh);
                set_colour(cr, colour);
                cairo_fill_preserve(cr);
                set_colour(cr, Rgb{120, 120, 120});
                cairo_set_line_width(cr, 0.5 * f.pt);
                cairo_stroke(cr);
            });
        }
    }
    if (std::any_of(m.features.begin(), m.features.end(), [](const MapFeature& mf) { return mf.marked; }))
        swatch_row(m.marked_label, [&](double sx, double sy) {
            cairo_rectangle(cr, sx, sy, sw, sh);
            hatch_path(cr, 3.5 * f.pt, 0.8 * f.pt);
            cairo_rectangle(cr, sx, sy, sw, sh);
            set_colour(cr, mark_colour);
            cairo_set_line_width(cr, 1 * f.pt);
            cairo_stroke(cr);
        });
    const auto& lines = overlay_palette();
    for (std::size_t k = 0; k < m.overlays.size(); ++k) {
        if (!m.overlays[k].visible) continue;
        swatch_row(m.overlays[k].label, [&](double sx, double sy) {
            cairo_move_to(cr, sx, sy + sh / 2);
            cairo_line_to(cr, sx + sw, sy + sh / 2);
            set_colour(cr, lines[k % lines.size()]);
            cairo_set_line_width(cr, 1.5 * f.pt);
            cairo_stroke(cr);
        });
    }
    y += 14 * f.pt;
    draw_scale_bar(cr, f, x, y, std::min(w * 0.8, 140 * f.pt));
}

void draw(cairo_t* cr, const ReportModel& m, const StaticMapOptions& o, Frame& f)
{
    const StaticLayout& l = f.layout;
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    std::unique_ptr<Classification> c;
    if (!m.measures.empty())
        c = std::make_unique<Classification>(classify(m.features, m.measures[m.default_measure], m.default_measure));
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    // Outlines may reach beyond the features: keep everything inside the map's box.
    cairo_save(cr);
    cairo_rectangle(cr, f.map_x, f.map_y, f.map_w, f.map_h);
    cairo_clip(cr);
    // On the PNG, Cairo's 4 × 4 antialiasing (FAST) instead of its default 256 × 15 grid:
    // the map's thousands of edges and lines rasterise in half the time and look the same
    // at 200 DPI (docs/methods.md §15.4). Text and legend keep the default.
    if (o.format == ImageFormat::png) cairo_set_antialias(cr, CAIRO_ANTIALIAS_FAST);
    for (std::size_t i = 0; i < m.features.size(); ++i) {
        add_shape(cr, l, m.features[i].geometry_bng);
        set_colour(cr, c ? fill_of(*c, i) : plain_colour);
        cairo_fill_preserve(cr);
        set_colour(cr, edge_colour);
        cairo_set_line_width(cr, 0.4 * f.pt);
        cairo_stroke(cr);
    }
    for (const auto& mf : m.features) {
        if (!mf.marked) continue;
        add_shape(cr, l, mf.geometry_bng);
        hatch_path(cr, 3.5 * f.pt, 0.6 * f.pt);
        add_shape(cr, l, mf.geometry_bng);
        set_colour(cr, mark_colour);
        cairo_set_line_width(cr, 0.9 * f.pt);
        cairo_stroke(cr);
    }
    const auto& lines = overlay_palette();
    for (std::size_t k = 0; k < m.overlays.size(); ++k) {
        if (!m.overlays[k].visible) continue;
        for (const auto& g : m.overlays[k].geometries_bng)
            add_shape(cr, l, g);
        set_colour(cr, lines[k % lines.size()], 0.75);
        cairo_set_line_width(cr, 0.6 * f.pt);
        cairo_stroke(cr);
    }
    cairo_restore(cr);
    if (o.labels) {
        const TextStyle t{6.5 * f.pt, false};
        for (const auto& mf : m.features) {
            const MapPoint p = label_point(mf.geometry_bng);
            const std::string& text = mf.name.empty() ? mf.code : mf.name;
            draw_text(cr, t, text, l.px(p.x) - text_width(cr, t, text) / 2, l.py(p.y), mark_colour, true);
        }
    }
    const TextStyle title{16 * f.pt, true}, sub{9 * f.pt, false}, small{7 * f.pt, false};
    double y = f.margin + title.size_px;
    draw_text(cr, title, m.title, f.margin, y, mark_colour);
    y += line_height(title) - title.size_px;
    for (const auto& line : wrap_text(cr, sub, m.subtitle, l.width - 2 * f.margin, 3)) {
        y += line_height(sub);
        draw_text(cr, sub, line, f.margin, y, Rgb{70, 70, 70});
    }
    draw_legend(cr, m, c.get(), f);
    y = l.height - f.footer_h;
    for (const auto& line : wrap_text(cr, small, m.attribution, l.width - 2 * f.margin, 4)) {
        y += line_height(small);
        draw_text(cr, small, line, f.margin, y, Rgb{90, 90, 90});
    }
}

/// map.png as two horizontal bands, each a surface of its own drawn whole (Cairo clips to
/// it) on up to two threads, then encoded as one image: the drawing is half the critical
/// path of a run's report. The bands are the same whatever the thread count, and so are the
/// pixels.
std::string render_png(const ReportModel& model, const StaticMapOptions& options, const Frame& f)
{
    const int w = f.layout.width, h = f.layout.height, split = h / 2;
    const int top[2] = {0, split}, height[2] = {split, h - split};
    std::vector<cairo_surface_t*> bands(2, nullptr);
    struct Release {
        std::vector<cairo_surface_t*>& surfaces;
        ~Release()
        {
            for (cairo_surface_t* s : surfaces)
                if (s) cairo_surface_destroy(s);
        }
    } release{bands};
    cairo_status_t status[2] = {CAIRO_STATUS_SUCCESS, CAIRO_STATUS_SUCCESS};
    parallel_for(2, options.threads, [&](std::size_t b) {
        bands[b] = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, height[b]);
        cairo_t* cr = cairo_create(bands[b]);
        cairo_translate(cr, 0, -top[b]);
        Frame own = f; // draw records the legend's swatches in its frame
        draw(cr, model, options, own);
        status[b] = cairo_status(cr);
        cairo_destroy(cr);
        if (status[b] == CAIRO_STATUS_SUCCESS) status[b] = cairo_surface_status(bands[b]);
    });
    for (cairo_status_t s : status)
        if (s != CAIRO_STATUS_SUCCESS) throw DataError(std::string("drawing the map: ") + cairo_status_to_string(s));
    return encode_png(bands, options.dpi);
}

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length)
{
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

} // namespace

StaticLayout layout_static_map(const ReportModel& model, const StaticMapOptions& options)
{
    cairo_surface_t* scratch = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1);
    cairo_t* cr = cairo_create(scratch);
    Frame f = make_frame(model, options, cr);
    cairo_destroy(cr);
    cairo_surface_destroy(scratch);
    // The swatches' places come from drawing the legend; draw once on a throwaway surface.
    scratch = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nullptr);
    cr = cairo_create(scratch);
    std::unique_ptr<Classification> c;
    if (!model.measures.empty())
        c = std::make_unique<Classification>(
            classify(model.features, model.measures[model.default_measure], model.default_measure));
    draw_legend(cr, model, c.get(), f);
    cairo_destroy(cr);
    cairo_surface_destroy(scratch);
    return f.layout;
}

std::string render_static_map(const ReportModel& model, const StaticMapOptions& options)
{
    cairo_surface_t* scratch = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1);
    cairo_t* measure = cairo_create(scratch);
    Frame f = make_frame(model, options, measure);
    cairo_destroy(measure);
    cairo_surface_destroy(scratch);
    if (options.format == ImageFormat::png) return render_png(model, options, f);
    const int w = f.layout.width, h = f.layout.height;
    const double to_pt = 72.0 / options.dpi;
    std::string bytes;
    cairo_surface_t* surface = nullptr;
    if (options.format == ImageFormat::svg) {
        surface = cairo_svg_surface_create_for_stream(append_bytes, &bytes, w * to_pt, h * to_pt);
    } else {
        surface = cairo_pdf_surface_create_for_stream(append_bytes, &bytes, w * to_pt, h * to_pt);
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, model.title.c_str());
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "coterm");
    }
    cairo_t* cr = cairo_create(surface);
    cairo_scale(cr, to_pt, to_pt);
    draw(cr, model, options, f);
    const cairo_status_t drawn = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t status = drawn != CAIRO_STATUS_SUCCESS ? drawn : cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS)
        throw DataError(std::string("drawing the map: ") + cairo_status_to_string(status));
    return bytes;
}

} // namespace coterm::render
