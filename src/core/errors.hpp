// SPDX-License-Identifier: MIT
#pragma once
#include <stdexcept>

namespace coterm {

/// The data could not be processed: unreadable file, bad geometry, duplicate code.
/// The CLI maps it to exit code 1.
class DataError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The command line or a query file was wrong: unknown layer id, bad option value.
/// The CLI maps it to exit code 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// GEOS reported an error (or returned null) for an operation that should not fail.
class GeometryError : public DataError {
public:
    using DataError::DataError;
};

/// Ends the program with `code` and no further message, the command having said all
/// there is (e.g. `coterm validate` finding problems exits 1 after its report).
struct ExitStatus {
    int code = 0;
};

} // namespace coterm
