// SPDX-License-Identifier: MIT
#include "io/gdal_errors.hpp"

#include "core/strings.hpp"
#include "io/atomic_file.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>
#include <ogr_api.h>

#include <mutex>

namespace coterm::io {
namespace {

thread_local std::string last_message;

void CPL_STDCALL collect_error(CPLErr level, CPLErrorNum, const char* message)
{
    // Debug and warning chatter stays quiet; failures are reported through the
    // exception of the call that failed, which reads this message.
    if (level >= CE_Failure) last_message = message ? message : "";
}

} // namespace

void init_gdal()
{
    static std::once_flag once;
    std::call_once(once, [] {
        CPLSetErrorHandler(collect_error);
        GDALAllRegister();
    });
}

void* open_vector(const std::string& source, bool sql_functions)
{
    init_gdal();
    note_input(source); // never an output
    static std::mutex open_mutex;
    std::lock_guard lock(open_mutex);
    // GDAL reads SPATIALITE_LOAD when the GeoPackage/SQLite driver opens the file; the
    // option is set for this thread and this call only.
    if (!sql_functions) CPLSetThreadLocalConfigOption("SPATIALITE_LOAD", "NO");
    void* ds = GDALOpenEx(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
    if (!sql_functions) CPLSetThreadLocalConfigOption("SPATIALITE_LOAD", nullptr);
    return ds;
}

std::string take_gdal_error(const std::string& fallback)
{
    std::string message;
    message.swap(last_message);
    // One line, without secrets: some drivers (PostgreSQL) answer over several lines and
    // may echo the connection string.
    std::string line = redact_secrets(message.empty() ? fallback : message);
    for (char& c : line)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    while (!line.empty() && line.back() == ' ')
        line.pop_back();
    return line;
}

} // namespace coterm::io
