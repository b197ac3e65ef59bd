// SPDX-License-Identifier: MIT
#include "core/errors.hpp"
#include "io/catalogue.hpp"

#include "fixtures.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace coterm;

TEST_CASE("The shipped catalogue names every layer id the issue asks for")
{
    const io::Catalogue c = io::read_catalogue(COTERM_CATALOGUE_FILE);
    for (const char* id : {"lsoa21", "ltla24", "utla23", "icb24", "pfa24", "fra24", "cauth23", "ltla24-gen",
                           "utla21-gen", "icb22-gen", "pfa20-gen", "msoa21", "england"}) {
        INFO(id);
        const io::CatalogueLayer* l = c.find(id);
        REQUIRE(l != nullptr);
        CHECK_FALSE(l->file.empty());
        CHECK_FALSE(l->code_field.empty());
        CHECK(l->licence == "OGL v3.0");
        CHECK(l->features > 0);
    }
    CHECK(c.find("ltla24")->file == "derived/derived_ltla24_from_lsoa21.gpkg");
    CHECK(c.find("ltla24-gen")->file == "boundaries/boundaries_ltla24.gpkg");
}

TEST_CASE("A catalogue layer without a file is an error naming the layer and key")
{
    const std::string path = test::write_temp(
        "test_catalogue_bad.toml", "[[layer]]\nid = \"x\"\ntitle = \"t\"\nfamily = \"f\"\ncode_field = \"c\"\n");
    CHECK_THROWS_WITH(io::read_catalogue(path), Catch::Matchers::Contains("layer 'x': missing or empty key 'file'"));
}

TEST_CASE("A catalogue with a syntax error names the line")
{
    const std::string path = test::write_temp("test_catalogue_syntax.toml", "[[layer]]\nid = \"x\n");
    CHECK_THROWS_AS(io::read_catalogue(path), DataError);
    CHECK_THROWS_WITH(io::read_catalogue(path), Catch::Matchers::Contains("line 2"));
}
