// SPDX-License-Identifier: MIT
#include "render/png_file.hpp"

#include "core/errors.hpp"

#include <png.h>

#include <cmath>
#include <csetjmp>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace coterm::render {
namespace {

/// libpng's structures, released on every path (libpng's errors longjmp back to
/// write_png, which returns false; C++ exceptions never cross libpng).
struct PngHandles {
    png_structp png = nullptr;
    png_infop info = nullptr;
    ~PngHandles() { png_destroy_write_struct(&png, info ? &info : nullptr); }
};

struct Sink {
    std::string* bytes;
    bool failed = false;
};

extern "C" void append_to_sink(png_structp png, png_bytep data, png_size_t n)
{
    auto* sink = static_cast<Sink*>(png_get_io_ptr(png));
    try {
        sink->bytes->append(reinterpret_cast<const char*>(data), n);
    } catch (...) {
        sink->failed = true;
        png_error(png, "out of memory");
    }
}

extern "C" void flush_nothing(png_structp) {}

/// One band of the image: its pixels, height and row stride.
struct Band {
    const unsigned char* data;
    int height, stride;
};

/// Writes the RGB24 bands as one 8-bit RGB PNG, one row at a time through `row`
/// (w × 3 bytes): no full-size copy of the image. Speed over size, as maps are flat
/// colour: no row filters, zlib level 3 (libpng's "fast" settings). Only plain data
/// lives across setjmp, which libpng's error handler jumps back to.
bool write_png(PngHandles& h, Sink& sink, const Band* bands, std::size_t n_bands, int w, int height, unsigned char* row,
               double dpi)
{
    if (setjmp(png_jmpbuf(h.png))) return false;
    png_set_write_fn(h.png, &sink, append_to_sink, flush_nothing);
    png_set_IHDR(h.png, h.info, static_cast<png_uint_32>(w), static_cast<png_uint_32>(height), 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_sRGB(h.png, h.info, PNG_sRGB_INTENT_PERCEPTUAL);
    // A PNG for print should say its resolution (pixels per metre).
    const auto ppm = static_cast<png_uint_32>(std::lround(dpi / 0.0254));
    png_set_pHYs(h.png, h.info, ppm, ppm, PNG_RESOLUTION_METER);
    png_set_filter(h.png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
    png_set_compression_level(h.png, 3);
    png_write_info(h.png, h.info);
    for (std::size_t b = 0; b < n_bands; ++b)
        for (int y = 0; y < bands[b].height; ++y) {
            // Cairo's RGB24 pixel is a native-endian 32-bit 0x00RRGGBB; PNG wants R, G, B.
            const unsigned char* from =
                bands[b].data + static_cast<std::size_t>(y) * static_cast<std::size_t>(bands[b].stride);
            unsigned char* to = row;
            for (int x = 0; x < w; ++x) {
                std::uint32_t v;
                std::memcpy(&v, from + 4 * static_cast<std::size_t>(x), 4);
                *to++ = static_cast<unsigned char>(v >> 16);
                *to++ = static_cast<unsigned char>(v >> 8);
                *to++ = static_cast<unsigned char>(v);
            }
            png_write_row(h.png, row);
        }
    png_write_end(h.png, nullptr);
    return true;
}

} // namespace

std::string encode_png(const std::vector<cairo_surface_t*>& bands, double dpi)
{
    std::vector<Band> parts;
    int w = 0, h = 0;
    for (cairo_surface_t* surface : bands) {
        cairo_surface_flush(surface);
        const unsigned char* data = cairo_image_surface_get_data(surface);
        if (!data || cairo_image_surface_get_format(surface) != CAIRO_FORMAT_RGB24 ||
            (!parts.empty() && cairo_image_surface_get_width(surface) != w))
            throw DataError("encoding the map: not an RGB image");
        w = cairo_image_surface_get_width(surface);
        parts.push_back({data, cairo_image_surface_get_height(surface), cairo_image_surface_get_stride(surface)});
        h += parts.back().height;
    }
    if (parts.empty()) throw DataError("encoding the map: no image");
    std::vector<unsigned char> row(static_cast<std::size_t>(w) * 3);
    std::string bytes;
    Sink sink{&bytes};
    PngHandles handles;
    handles.png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    if (handles.png) handles.info = png_create_info_struct(handles.png);
    if (!handles.png || !handles.info) throw DataError("encoding the map as PNG: libpng could not start");
    if (!write_png(handles, sink, parts.data(), parts.size(), w, h, row.data(), dpi))
        throw DataError(sink.failed ? "encoding the map as PNG: out of memory"
                                    : "encoding the map as PNG: libpng failed");
    return bytes;
}

} // namespace coterm::render
