// SPDX-License-Identifier: MIT
// PNG bytes decoded by Cairo's reader, for checking the pixels of rendered maps.
#pragma once
#include "render/palette.hpp"

#include <cairo.h>
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace coterm::test {

struct Image {
    int width = 0, height = 0;
    std::vector<render::Rgb> pixels;
    render::Rgb at(double x, double y) const
    {
        return pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)];
    }
};

namespace detail {
struct Reader {
    const std::string* bytes;
    std::size_t at = 0;
};
inline cairo_status_t read_bytes(void* closure, unsigned char* data, unsigned int length)
{
    auto* r = static_cast<Reader*>(closure);
    if (r->at + length > r->bytes->size()) return CAIRO_STATUS_READ_ERROR;
    std::memcpy(data, r->bytes->data() + r->at, length);
    r->at += length;
    return CAIRO_STATUS_SUCCESS;
}
} // namespace detail

inline Image decode_png(const std::string& png)
{
    detail::Reader r{&png};
    cairo_surface_t* s = cairo_image_surface_create_from_png_stream(detail::read_bytes, &r);
    REQUIRE(cairo_surface_status(s) == CAIRO_STATUS_SUCCESS);
    cairo_surface_flush(s);
    Image img{cairo_image_surface_get_width(s), cairo_image_surface_get_height(s), {}};
    const unsigned char* data = cairo_image_surface_get_data(s);
    const int stride = cairo_image_surface_get_stride(s);
    for (int y = 0; y < img.height; ++y)
        for (int x = 0; x < img.width; ++x) {
            std::uint32_t v;
            std::memcpy(&v, data + y * stride + 4 * x, 4);
            img.pixels.push_back(
                {static_cast<std::uint8_t>(v >> 16), static_cast<std::uint8_t>(v >> 8), static_cast<std::uint8_t>(v)});
        }
    cairo_surface_destroy(s);
    return img;
}

} // namespace coterm::test
