// SPDX-License-Identifier: MIT
#include "realdata.hpp"

#include "io/catalogue.hpp"
#include "io/data_dir.hpp"
#include "io/layer_source.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <memory>

namespace coterm::realdata {

const Layer& layer(const std::string& id)
{
    static std::map<std::string, std::unique_ptr<Layer>> cache;
    auto& slot = cache[id];
    if (!slot) {
        const char* data = std::getenv("COTERM_DATA");
        if (!data || !*data)
            FAIL("COTERM_DATA is not set: the real-data tests need the ONS mirror (../shared/geodata)");
        const io::Catalogue catalogue = io::read_catalogue(io::default_catalogue_path());
        BuildReport report;
        slot = std::make_unique<Layer>(io::load_layer(io::locate_layer(id, catalogue, data, {}), 0, report));
    }
    return *slot;
}

std::map<std::string, double> shares_of(const Layer& a, const Layer& b, const OverlapResult& r, std::size_t a_index)
{
    std::map<std::string, double> out;
    for (const auto& row : r.rows)
        if (row.a == a_index) out[b.features[row.b].code] = row.share_of_a;
    (void)a;
    return out;
}

} // namespace coterm::realdata
