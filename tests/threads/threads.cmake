# SPDX-License-Identifier: MIT
# Thread-safety job (issue 11): helgrind on the parallel overlap and validate paths with
# two threads; suppressions only for the reports explained in docs/architecture.md.
add_test(NAME threads.helgrind_overlap
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/threads/run_helgrind.sh $<TARGET_FILE:coterm>
          ${CMAKE_CURRENT_SOURCE_DIR}/fixtures)
set_tests_properties(threads.helgrind_overlap PROPERTIES LABELS threads TIMEOUT 900)
