// SPDX-License-Identifier: MIT
#pragma once
#include <string>

namespace coterm::io {

/// The GDAL library version coterm runs with, e.g. "3.6.2".
std::string gdal_version();

} // namespace coterm::io
