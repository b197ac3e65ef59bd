// SPDX-License-Identifier: MIT
#include "core/strings.hpp"

#include <catch2/catch.hpp>

using namespace coterm;

TEST_CASE("A typo in a layer id gets a did-you-mean")
{
    const std::vector<std::string> ids{"lsoa21", "ltla24", "utla23", "icb24", "ltla24-gen"};
    CHECK(did_you_mean("ltla42", ids) == " (did you mean 'ltla24'?)");
    CHECK(did_you_mean("ICB24", ids) == " (did you mean 'icb24'?)");
    CHECK(did_you_mean("hospital", ids).empty());
}

TEST_CASE("Case-insensitive suffixes and joins")
{
    CHECK(iends_with("LAD24_CODE", "_code"));
    CHECK_FALSE(iends_with("code", "_code"));
    CHECK(iequals("Code", "code"));
    CHECK(join({"a", "b", "c"}, "; ") == "a; b; c");
    CHECK(join_limited({"a", "b", "c", "d"}, 2) == "a, b, … (2 more)");
}

TEST_CASE("Passwords in connection strings are redacted, everything else is kept")
{
    CHECK(redact_secrets("PG:dbname=x password=secret host=h") == "PG:dbname=x password=*** host=h");
    CHECK(redact_secrets("PG:dbname=x password = 'se cr\\'et' port=5") == "PG:dbname=x password = *** port=5");
    CHECK(redact_secrets("PG:PASSWORD=secret") == "PG:PASSWORD=***");
    CHECK(redact_secrets("postgresql://user:secret@host:5432/db") == "postgresql://user:***@host:5432/db");
    CHECK(redact_secrets("postgresql://user@host/db?password=secret&sslmode=require") ==
          "postgresql://user@host/db?password=***&sslmode=require");
    CHECK(redact_secrets("MSSQL:server=s;database=d;UID=u;PWD=secret;") == "MSSQL:server=s;database=d;UID=u;PWD=***;");
    CHECK(redact_secrets("cannot open 'PG:dbname=x password=secret': no server") ==
          "cannot open 'PG:dbname=x password=***': no server");
    // No secret: unchanged, including words that only end in "password" and plain URLs.
    CHECK(redact_secrets("boundaries/ltla24.gpkg") == "boundaries/ltla24.gpkg");
    CHECK(redact_secrets("nopassword=1 https://example.org/a:b@c") == "nopassword=1 https://example.org/a:b@c");
    CHECK(redact_secrets("") == "");
}
