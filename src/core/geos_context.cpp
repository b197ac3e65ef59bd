// SPDX-License-Identifier: MIT
#include "core/geos_context.hpp"

namespace coterm {
namespace {

void on_geos_error(const char* message, void* userdata)
{
    *static_cast<std::string*>(userdata) = message;
}

struct ThreadContext {
    GEOSContextHandle_t handle = GEOS_init_r();
    std::string last_error;
    GEOSWKBReader* reader = nullptr;
    GEOSWKBWriter* writer = nullptr;

    ThreadContext()
    {
        GEOSContext_setErrorMessageHandler_r(handle, on_geos_error, &last_error);
        // Notices (e.g. "Self-intersection at ...") are what validity reports give us
        // separately; printing them from GEOS would put raw text on stderr.
        GEOSContext_setNoticeMessageHandler_r(handle, nullptr, nullptr);
    }
    ~ThreadContext()
    {
        if (reader) GEOSWKBReader_destroy_r(handle, reader);
        if (writer) GEOSWKBWriter_destroy_r(handle, writer);
        GEOS_finish_r(handle);
    }
    ThreadContext(const ThreadContext&) = delete;
    ThreadContext& operator=(const ThreadContext&) = delete;
};

ThreadContext& thread_context()
{
    thread_local ThreadContext context;
    return context;
}

} // namespace

GEOSContextHandle_t geos_context()
{
    return thread_context().handle;
}

std::string take_geos_error()
{
    std::string message;
    message.swap(thread_context().last_error);
    return message.empty() ? std::string("unknown GEOS error") : message;
}

GEOSWKBReader* geos_wkb_reader()
{
    auto& c = thread_context();
    if (!c.reader) c.reader = GEOSWKBReader_create_r(c.handle);
    return c.reader;
}

GEOSWKBWriter* geos_wkb_writer()
{
    auto& c = thread_context();
    if (!c.writer) {
        c.writer = GEOSWKBWriter_create_r(c.handle);
        GEOSWKBWriter_setByteOrder_r(c.handle, c.writer, GEOS_WKB_NDR);
        GEOSWKBWriter_setOutputDimension_r(c.handle, c.writer, 2);
    }
    return c.writer;
}

} // namespace coterm
