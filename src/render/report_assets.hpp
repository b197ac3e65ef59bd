// SPDX-License-Identifier: MIT
// The page's script and stylesheet, embedded at build time from src/render/assets
// (CMake writes report_assets.cpp; see src/render/embed_assets.cmake).
#pragma once

namespace coterm::render {

extern const char* const report_js;  ///< src/render/assets/report.js
extern const char* const report_css; ///< src/render/assets/report.css

} // namespace coterm::render
