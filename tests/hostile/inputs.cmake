# SPDX-License-Identifier: MIT
# Hostile inputs (issue 11, input half): one case per class of bad input, each run by
# hostile/input_cases.sh in its own temp folder (label hostile).
foreach(case csv_cr_only csv_header_only declared_missing duplicate_column plus_minus data_directory data_pipe
        money_large query_not_utf8 csv_not_utf8 names_not_utf8 coords_nan coords_far gpkg_undefined_srs)
  add_test(NAME hostile.in.${case}
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/hostile/input_cases.sh ${case} $<TARGET_FILE:coterm>
            ${CMAKE_CURRENT_SOURCE_DIR}/fixtures)
  set_tests_properties(hostile.in.${case} PROPERTIES LABELS hostile)
endforeach()
