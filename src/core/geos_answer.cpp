// SPDX-License-Identifier: MIT
#include "core/geos_answer.hpp"

#include "core/geos_context.hpp"

namespace coterm {

Answer read_answer(char result, std::size_t& failures)
{
    if (result == 0) return Answer::no;
    if (result == 1) return Answer::yes;
    ++failures;
    take_geos_error();
    return Answer::failed;
}

} // namespace coterm
