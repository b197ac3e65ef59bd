# SPDX-License-Identifier: MIT
# Help that teaches, progress, installing (issue 15 items 3, 4, 6). Included from
# tests/CMakeLists.txt after cli/cases.cmake (cli_case, F and G come from there).

# ---- did-you-mean, -V, coterm help ----
cli_case(err_unknown_command EXIT 2 STDOUT_EMPTY STDERR "^coterm: error: unknown command 'overlab'; did you mean 'overlap'[?]\n$"
  ARGS overlab ltla24 icb24)
cli_case(err_unknown_option EXIT 2 STDOUT_EMPTY
  STDERR "^coterm: error: unknown option '--treads' for 'coterm overlap'; did you mean '--threads'[?]\n$"
  ARGS overlap ${F}/quarters.geojson ${F}/halves.geojson --treads 2)
cli_case(err_unknown_option_nested EXIT 2 STDOUT_EMPTY
  STDERR "^coterm: error: unknown option '--miror' for 'coterm data fetch'; did you mean '--mirror'[?]\n$"
  ARGS data fetch ltla24 --miror x)
cli_case(err_help_unknown EXIT 2 STDOUT_EMPTY STDERR "unknown command 'scroe'; did you mean 'score'[?]"
  ARGS help scroe)
cli_case(version_short EXIT 0 STDERR_EMPTY STDOUT "^coterm 0[.]1[.]0\nGDAL 3[.][0-9.]+, GEOS 3[.][0-9]+.*, PROJ 9[.]"
  ARGS -V)
cli_case(help_overlap EXIT 0 STDERR_EMPTY STDOUT "--min-share.*Examples:\n  coterm overlap ltla24 icb24"
  ARGS help overlap)
add_test(NAME cli.help_every_command COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/check_help.sh $<TARGET_FILE:coterm>)
set_tests_properties(cli.help_every_command PROPERTIES LABELS cli)
foreach(page help coterm)
  if(page STREQUAL "coterm")
    set(command "")
  else()
    set(command ${page})
  endif()
  add_test(NAME cli.doc_options_${page}
    COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:coterm> -DCOMMAND=${command}
            -DDOC=${PROJECT_SOURCE_DIR}/docs/cli/${page}.md -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/check_doc_options.cmake)
  set_tests_properties(cli.doc_options_${page} PROPERTIES LABELS cli)
endforeach()

# ---- -q silences warnings; --progress forces progress into a file ----
cli_case(quiet_silences_warnings EXIT 0 STDERR_EMPTY ARGS overlap ${F}/bowtie.geojson ${F}/quarters.geojson -q)
cli_case(progress_forced EXIT 0
  STDERR "coterm: read .*quarters.geojson 100% [(]4/4[)]\n.*coterm: build quarters.geojson 100% [(]1/1[)]\n.*coterm: overlap 100% [(]4/4[)]\n"
  ARGS overlap ${F}/quarters.geojson ${F}/halves.geojson --progress -q)
# Writing a GeoPackage is a phase too, reported by features written.
cli_case(progress_forced_write EXIT 0
  STDERR "coterm: overlap 100% [(]4/4[)]\n.*coterm: write progress_write.gpkg 100% [(]4/4[)]\n"
  ARGS overlap ${F}/quarters.geojson ${F}/halves.geojson --progress -q
       -o ${CMAKE_CURRENT_BINARY_DIR}/progress_write.gpkg --overwrite)
# Not a terminal and no --progress: the summary line only.
cli_case(progress_quiet_off_terminal EXIT 0 STDERR "^coterm: quarters.geojson × halves.geojson: [^\n]*\n$"
  ARGS overlap ${F}/quarters.geojson ${F}/halves.geojson)

# ---- layers fits an 80-column terminal ----
add_test(NAME cli.layers_80_columns
  COMMAND sh -c "$<TARGET_FILE:coterm> layers --data /nonexistent-coterm-data | python3 -c \"import sys; \
lines = sys.stdin.read().splitlines(); wide = [l for l in lines if len(l) > 80]; \
sys.exit('no layers listed' if len(lines) < 10 else ('too wide: ' + wide[0] if wide else 0))\"")
set_tests_properties(cli.layers_80_columns PROPERTIES LABELS cli)

# ---- bash completion, sourced and called as bash does ----
add_test(NAME cli.completion COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/check_completion.sh $<TARGET_FILE:coterm>
  ${PROJECT_SOURCE_DIR}/src/completion/coterm.bash)
set_tests_properties(cli.completion PROPERTIES LABELS cli ENVIRONMENT "COTERM_DATA=/nonexistent-coterm-data")

# ---- cmake --install into a temporary prefix; the .deb CPack builds (label package) ----
add_test(NAME install.layout COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/check_install.sh ${PROJECT_BINARY_DIR}
  ${CMAKE_CURRENT_BINARY_DIR}/install_layout)
set_tests_properties(install.layout PROPERTIES LABELS "cli;install")
add_test(NAME install.deb COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/check_deb.sh ${PROJECT_BINARY_DIR}
  ${CMAKE_CURRENT_BINARY_DIR}/install_deb)
set_tests_properties(install.deb PROPERTIES LABELS "install;package" TIMEOUT 300)

# ---- every example of every --help runs on the ONS data (label realdata) ----
add_test(NAME cli.examples COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/run_examples.sh $<TARGET_FILE:coterm>
  ${PROJECT_SOURCE_DIR} ${COTERM_TEST_DATA} ${CMAKE_CURRENT_BINARY_DIR}/examples)
set_tests_properties(cli.examples PROPERTIES LABELS realdata TIMEOUT 1800)
