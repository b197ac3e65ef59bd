// SPDX-License-Identifier: MIT
#include "core/versions.hpp"

#include <coterm/version.hpp>
#include <geos_c.h>

namespace coterm {

std::string coterm_version()
{
    return COTERM_VERSION;
}

std::string geos_version()
{
    return GEOSversion();
}

} // namespace coterm
