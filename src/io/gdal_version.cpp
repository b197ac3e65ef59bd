// SPDX-License-Identifier: MIT
#include "io/gdal_version.hpp"

#include <gdal.h>

namespace coterm::io {

std::string gdal_version()
{
    return GDALVersionInfo("RELEASE_NAME");
}

} // namespace coterm::io
