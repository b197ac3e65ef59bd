// SPDX-License-Identifier: MIT
#include "core/errors.hpp"
#include "io/catalogue.hpp"
#include "io/derived_cache.hpp"

#include "fixtures.hpp"

#include <catch2/catch.hpp>

using namespace coterm;

namespace {

io::CatalogueLayer built_layer()
{
    io::CatalogueLayer l;
    l.id = "before";
    l.code_field = "unit_code";
    l.name_field = "unit_name";
    l.derive = io::Derive{"blocks", "blocks-before", "block_code"};
    l.cache = true;
    return l;
}

} // namespace

TEST_CASE("The cache key of a built layer changes with either input file and with the recipe")
{
    const std::string blocks = test::write_temp("test_cache_blocks.txt", "blocks\n");
    const std::string lookup = test::write_temp("test_cache_lookup.csv", "block_code,unit_code\nB1,P\n");
    const io::CatalogueLayer l = built_layer();
    const std::string key = io::derived_cache_key(l, blocks, lookup);
    CHECK(key.size() == 64);
    CHECK(io::derived_cache_key(l, blocks, lookup) == key); // a function of the inputs only

    const std::string changed = test::write_temp("test_cache_lookup2.csv", "block_code,unit_code\nB1,Q\n");
    CHECK(io::derived_cache_key(l, blocks, changed) != key);
    const std::string other_blocks = test::write_temp("test_cache_blocks2.txt", "blocks!\n");
    CHECK(io::derived_cache_key(l, other_blocks, lookup) != key);
    io::CatalogueLayer renamed = l;
    renamed.code_field = "other_code";
    CHECK(io::derived_cache_key(renamed, blocks, lookup) != key);
}

TEST_CASE("A layer marked cache = true without a derive entry is an error naming it")
{
    const std::string path = test::write_temp(
        "test_catalogue_cache.toml", "[[layer]]\nid = \"x\"\ntitle = \"t\"\nfamily = \"f\"\nfile = \"x.gpkg\"\n"
                                     "code_field = \"c\"\ncache = true\n");
    CHECK_THROWS_WITH(io::read_catalogue(path),
                      Catch::Matchers::Contains("layer 'x': cache = true needs a derive entry"));
}

TEST_CASE("The shipped catalogue builds ltla22 on first use from LSOA 2021 polygons")
{
    const io::Catalogue c = io::read_catalogue(COTERM_CATALOGUE_FILE);
    const io::CatalogueLayer* l = c.find("ltla22");
    REQUIRE(l != nullptr);
    CHECK(l->cache);
    REQUIRE(l->derive);
    CHECK(l->derive->from == "lsoa21");
    CHECK(l->derive->block == "lsoa21_code");
    REQUIRE(c.find_lookup(l->derive->lookup) != nullptr);
    CHECK(c.find_lookup(l->derive->lookup)->file == "lookups/lookup_lsoa11_lsoa21_ltla22.csv");
    CHECK(l->features == 309);
}
