# SPDX-License-Identifier: MIT
# Hostile cases for outputs (label hostile): run folders, -o onto special files, links
# and inputs, GeoPackages on a full disk or beside other layers, secrets in sources.
# Each case is one run of tests/hostile/outputs.sh in its own temporary folder.
foreach(case run_user_folder run_out_file run_out_inputs run_bad_name run_replace run_killed run_write_fails
             o_fifo o_char_device o_symlink o_mode o_exists o_input
             gpkg_file_limit gpkg_full_disk gpkg_other_layer fetch_file_limit secret_pg)
  add_test(NAME hostile.outputs.${case}
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/hostile/outputs.sh ${case} $<TARGET_FILE:coterm>
            ${CMAKE_CURRENT_SOURCE_DIR}/fixtures ${CMAKE_CURRENT_BINARY_DIR}/hostile-outputs
            $<TARGET_FILE:fake_featureserver>)
  set_tests_properties(hostile.outputs.${case} PROPERTIES LABELS hostile SKIP_RETURN_CODE 77 TIMEOUT 120)
endforeach()
