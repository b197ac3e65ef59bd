// SPDX-License-Identifier: MIT
// libFuzzer target: the CSV reader and the values-file layouts (tidy, wide, points).
// Any exception derived from std::exception is a clean refusal; crashes, sanitizer
// reports and other exceptions are findings.
#include "io/area_data.hpp"
#include "io/csv_reader.hpp"

#include <cstdint>
#include <cstdio>
#include <exception>
#include <fstream>
#include <string>
#include <unistd.h>

namespace {

/// A scratch file per process: read_csv reads files (and FIFOs), as users give them.
const std::string& scratch_path()
{
    static const std::string path = [] {
        const char* dir = std::getenv("TMPDIR");
        return std::string(dir ? dir : "/tmp") + "/coterm_fuzz_csv_" + std::to_string(getpid()) + ".csv";
    }();
    return path;
}

template <class F> void refuse_cleanly(F&& f)
{
    try {
        f();
    } catch (const std::exception&) {
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    {
        std::ofstream out(scratch_path(), std::ios::binary | std::ios::trunc);
        out << text;
    }
    refuse_cleanly([&] {
        const coterm::io::CsvFile csv = coterm::io::read_csv(scratch_path());
        double v = 0;
        for (std::size_t r = 0; r < csv.row_count(); ++r)
            for (std::size_t c = 0; c < csv.header.size(); ++c)
                coterm::io::parse_number(csv.field(r, c), v);
    });
    coterm::io::DataRequest tidy;
    tidy.path = scratch_path();
    tidy.declared = {{"x", "--extensive"}};
    refuse_cleanly([&] { coterm::io::read_area_values(tidy); });
    coterm::io::DataRequest wide = tidy;
    wide.declared.clear();
    wide.code_column = "code";
    wide.value_columns = {"value"};
    refuse_cleanly([&] { coterm::io::read_area_values(wide); });
    coterm::io::DataRequest points = wide;
    points.code_column.clear();
    refuse_cleanly([&] { coterm::io::read_point_values(points); });
    return 0;
}
