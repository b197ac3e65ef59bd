// SPDX-License-Identifier: MIT
#include "render/png_file.hpp"

#include "core/errors.hpp"

#include <png.h>
#include <zlib.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

namespace coterm::render {
namespace {

/// Adds a pHYs chunk (pixels per metre) after IHDR: a PNG for print should say its
/// resolution, and libpng's simplified writer has no place for one.
std::string with_dpi(std::string png, double dpi)
{
    if (png.size() < 33 || png.compare(12, 4, "IHDR") != 0) throw DataError("libpng wrote an unexpected PNG header");
    const auto ppm = static_cast<std::uint32_t>(std::lround(dpi / 0.0254));
    std::string chunk = "pHYs";
    for (int i = 0; i < 2; ++i)
        for (int shift = 24; shift >= 0; shift -= 8)
            chunk += static_cast<char>((ppm >> shift) & 0xff);
    chunk += '\1'; // unit: metre
    const auto crc = static_cast<std::uint32_t>(
        crc32(0, reinterpret_cast<const Bytef*>(chunk.data()), static_cast<uInt>(chunk.size())));
    std::string out = std::string("\0\0\0\x09", 4) + chunk;
    for (int shift = 24; shift >= 0; shift -= 8)
        out += static_cast<char>((crc >> shift) & 0xff);
    png.insert(33, out);
    return png;
}

} // namespace

std::string encode_png(cairo_surface_t* surface, double dpi)
{
    cairo_surface_flush(surface);
    const int w = cairo_image_surface_get_width(surface), h = cairo_image_surface_get_height(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    if (!data || cairo_image_surface_get_format(surface) != CAIRO_FORMAT_RGB24)
        throw DataError("encoding the map: not an RGB image");
    // Cairo's RGB24 pixel is a native-endian 32-bit 0x00RRGGBB; libpng takes R, G, B bytes.
    std::vector<unsigned char> rgb(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 3);
    unsigned char* to = rgb.data();
    for (int y = 0; y < h; ++y) {
        const unsigned char* row = data + static_cast<std::size_t>(y) * static_cast<std::size_t>(stride);
        for (int x = 0; x < w; ++x) {
            std::uint32_t v;
            std::memcpy(&v, row + 4 * static_cast<std::size_t>(x), 4);
            *to++ = static_cast<unsigned char>(v >> 16);
            *to++ = static_cast<unsigned char>(v >> 8);
            *to++ = static_cast<unsigned char>(v);
        }
    }
    png_image image;
    std::memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    image.width = static_cast<png_uint_32>(w);
    image.height = static_cast<png_uint_32>(h);
    image.format = PNG_FORMAT_RGB;
    image.flags = PNG_IMAGE_FLAG_FAST;
    std::string png(PNG_IMAGE_PNG_SIZE_MAX(image), '\0');
    png_alloc_size_t size = png.size();
    if (!png_image_write_to_memory(&image, png.data(), &size, 0, rgb.data(), 0, nullptr))
        throw DataError(std::string("encoding the map as PNG: ") + image.message);
    png.resize(size);
    return with_dpi(std::move(png), dpi);
}

} // namespace coterm::render
