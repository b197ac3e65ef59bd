// SPDX-License-Identifier: MIT
#include "core/cbc_library.hpp"

#include "core/errors.hpp"

#include <dlfcn.h>

#include <string>

namespace coterm {
namespace {

// The soname the build found (CMake reads it from the library coinor-libcbc-dev links):
// the run-time package's file, present without the -dev package.
constexpr const char* library_name = COTERM_CBC_SONAME;

template <class F> void bind(void* handle, F& f, const char* symbol)
{
    f = reinterpret_cast<F>(dlsym(handle, symbol));
    if (!f) throw DataError(std::string("COIN-OR CBC (") + library_name + ") has no function " + symbol);
}

CbcLibrary load()
{
    // RTLD_LOCAL: CBC's symbols serve only these pointers; never unloaded (its static
    // objects live until exit).
    void* handle = dlopen(library_name, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char* why = dlerror();
        throw DataError(std::string("cannot load COIN-OR CBC for the exact model (") + library_name +
                        "): " + (why ? why : "unknown reason") + "; install coinor-libcbc3");
    }
    CbcLibrary l{};
    bind(handle, l.newModel, "Cbc_newModel");
    bind(handle, l.deleteModel, "Cbc_deleteModel");
    bind(handle, l.setLogLevel, "Cbc_setLogLevel");
    bind(handle, l.addCol, "Cbc_addCol");
    bind(handle, l.addRow, "Cbc_addRow");
    bind(handle, l.setMaximumNodes, "Cbc_setMaximumNodes");
    bind(handle, l.setParameter, "Cbc_setParameter");
    bind(handle, l.solve, "Cbc_solve");
    bind(handle, l.isProvenInfeasible, "Cbc_isProvenInfeasible");
    bind(handle, l.isProvenOptimal, "Cbc_isProvenOptimal");
    bind(handle, l.getObjValue, "Cbc_getObjValue");
    bind(handle, l.getBestPossibleObjValue, "Cbc_getBestPossibleObjValue");
    bind(handle, l.bestSolution, "Cbc_bestSolution");
    return l;
}

} // namespace

const CbcLibrary& cbc_library()
{
    static const CbcLibrary library = load(); // a throw leaves it unset: the next call tries again
    return library;
}

} // namespace coterm
