// SPDX-License-Identifier: MIT
#include "realdata.hpp"

#include "io/area_data.hpp"
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

std::string data_file(const std::string& relative)
{
    const char* data = std::getenv("COTERM_DATA");
    if (!data || !*data) FAIL("COTERM_DATA is not set: the real-data tests need the ONS mirror (../shared/geodata)");
    return std::string(data) + "/" + relative;
}

const WeightLayer& census_weights()
{
    static std::unique_ptr<WeightLayer> weights;
    if (!weights) {
        const Layer& lsoa = layer("lsoa21");
        std::vector<std::string> codes;
        for (const auto& f : lsoa.features)
            codes.push_back(f.code);
        const io::WeightValues joined =
            io::join_weights(codes, data_file("stats/population_lsoa21_census2021.csv"), "usual_residents");
        REQUIRE(joined.missing_codes.empty());
        weights = std::make_unique<WeightLayer>(WeightLayer{&lsoa, joined.values});
    }
    return *weights;
}

} // namespace coterm::realdata
