// SPDX-License-Identifier: MIT
#include "render/palette.hpp"

#include <algorithm>

namespace coterm::render {

std::string to_hex(const Rgb& c)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string s = "#";
    for (std::uint8_t v : {c.r, c.g, c.b}) {
        s += digits[v >> 4];
        s += digits[v & 15];
    }
    return s;
}

std::vector<Rgb> sequential_palette(std::size_t classes)
{
    // ColorBrewer 2.0 (Cynthia A. Brewer, Pennsylvania State University, colorbrewer2.org;
    // Apache License 2.0), scheme YlGnBu, the 3- to 7-class versions as published.
    static const std::vector<std::vector<Rgb>> ylgnbu = {
        {{237, 248, 177}, {127, 205, 187}, {44, 127, 184}},
        {{255, 255, 204}, {161, 218, 180}, {65, 182, 196}, {34, 94, 168}},
        {{255, 255, 204}, {161, 218, 180}, {65, 182, 196}, {44, 127, 184}, {37, 52, 148}},
        {{255, 255, 204}, {199, 233, 180}, {127, 205, 187}, {65, 182, 196}, {44, 127, 184}, {37, 52, 148}},
        {{255, 255, 204},
         {199, 233, 180},
         {127, 205, 187},
         {65, 182, 196},
         {29, 145, 192},
         {34, 94, 168},
         {12, 44, 132}},
    };
    if (classes == 0) return {};
    if (classes == 1) return {ylgnbu[0][1]};
    if (classes == 2) return {ylgnbu[0][0], ylgnbu[0][2]};
    return ylgnbu[std::min<std::size_t>(classes, 7) - 3];
}

const std::vector<Rgb>& categorical_palette()
{
    // Okabe, M. and Ito, K. (2008) "Color Universal Design (CUD): how to make figures and
    // presentations that are friendly to colorblind people", jfly.uni-koeln.de/color/.
    static const std::vector<Rgb> okabe_ito = {{230, 159, 0}, {86, 180, 233}, {0, 158, 115},  {240, 228, 66},
                                               {0, 114, 178}, {213, 94, 0},   {204, 121, 167}};
    return okabe_ito;
}

const std::vector<Rgb>& overlay_palette()
{
    static const std::vector<Rgb> lines = {{0, 0, 0},       {213, 94, 0},  {0, 114, 178},
                                           {204, 121, 167}, {230, 159, 0}, {0, 158, 115}};
    return lines;
}

} // namespace coterm::render
