# SPDX-License-Identifier: MIT
# Real-data CLI cases (label realdata): the binary on the ONS mirror.
function(realdata_cli_case name)
  cli_case(${name} LABEL realdata ${ARGN})
  set_tests_properties(cli.${name} PROPERTIES ENVIRONMENT "COTERM_DATA=${COTERM_TEST_DATA}")
endfunction()

realdata_cli_case(realdata_ltla24_icb24 EXIT 0
  STDERR "^coterm: ltla24 × icb24: 310 pairs; 13 of 296 ltla24 features split across more than one icb24"
  STDOUT "^a_code,a_name,b_code,b_name,area_m2,share_of_a,share_of_b\nE06000001,Hartlepool,E54000050,"
  ARGS overlap ltla24 icb24)
realdata_cli_case(realdata_geojson_output EXIT 0 STDERR_EMPTY
  STDOUT "^.\"type\": ?\"FeatureCollection\".*\"a_code\": \"E06000001\""
  ARGS overlap ltla24 fra24 -q --format geojson)
realdata_cli_case(realdata_scorecard EXIT 0
  STDERR "scorecard of 3 layers, 6 ordered pairs by area"
  STDOUT "\"a_layer\": \"ltla24\", \"b_layer\": \"fra24\", [^}]*\"a_split\": 0,[^}]*\"nesting_a_in_b\": 1[.]0,"
  ARGS score --scorecard ltla24 fra24 cauth23)
realdata_cli_case(realdata_validate_lsoa_built EXIT 0 STDERR "validate fra24: clean"
  ARGS validate fra24)
realdata_cli_case(realdata_validate_utla21_gen EXIT 1
  STDOUT "overlap E06000047: overlaps E10000023 [(]26[.]9[0-9]+ m²[)].*gap -: gap inside the outline at [0-9]+ [0-9]+ [(]18[.]0[0-9]+ m²[)]"
  ARGS validate utla21-gen -q)
realdata_cli_case(realdata_layers_detail EXIT 0 STDERR_EMPTY STDOUT "vertices +661\nparts / rings +43 / 43"
  ARGS layers icb22-gen)
foreach(id ltla24 utla23 icb24 pfa24 cauth23 ltla24-gen pfa20-gen)
  # The report goes to a file of the test's own (OUTFILE is removed before the run).
  realdata_cli_case(realdata_validate_${id} EXIT 0 STDERR "validate ${id}: clean"
    OUTFILE ${CMAKE_CURRENT_BINARY_DIR}/realdata_validate_${id}.txt
    ARGS validate ${id} -o ${CMAKE_CURRENT_BINARY_DIR}/realdata_validate_${id}.txt)
endforeach()
realdata_cli_case(realdata_data_fetch EXIT 0 STDERR "data fetch into .*: (2 copied, 0|0 copied, 2) already present and checked, 0 failed"
  ARGS data fetch ltla24 icb24 --mirror ${COTERM_TEST_DATA} --data ${CMAKE_CURRENT_BINARY_DIR}/fetched)
# Every shipped query runs, twice byte-identically, its GeoJSON is read back by GDAL and
# passes the independent RFC 7946 and conservation checks. Documented totals: Census 2021
# usual residents 56,490,108 (stats/README.md); GP payments £10,230,094,803.70 over all
# 6,669 rows; every NHS need-weighted component 63,849,324 (stats/README.md, Caveats).
set(census_total 56490108)
set(check_status-quo-icbs "--source|total_payments_gbp=10230094803.70|--source|gp_population_projected_2025_26=63849324|--source|wp_core_services_overall=63849324")
foreach(query status-quo-icbs combined-authority-aco split-devolution police-fire-alignment custom-groups-example
              combined-authority-aco-rest mayoral-areas)
  add_test(NAME cli.realdata_run_${query}
    COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:coterm> -DQUERY=${PROJECT_SOURCE_DIR}/queries/${query}.toml
            -DOUT=${CMAKE_CURRENT_BINARY_DIR}/run-${query} -DCHECK=$<TARGET_FILE:coterm_check_run>
            "-DCHECK_ARGS=--population-total|${census_total}|${check_${query}}"
            -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/run_query.cmake)
  set_tests_properties(cli.realdata_run_${query} PROPERTIES LABELS realdata ENVIRONMENT "COTERM_DATA=${COTERM_TEST_DATA}")
endforeach()
# The derived-layer build of `data fetch` reproduces the mirror's LSOA-built ICBs.
add_test(NAME cli.realdata_derive_icb24
  COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:coterm> -DDATA=${COTERM_TEST_DATA}
          -DOUT=${CMAKE_CURRENT_BINARY_DIR}/derived-icb24 -P ${CMAKE_CURRENT_SOURCE_DIR}/realdata/derive_icb24.cmake)
set_tests_properties(cli.realdata_derive_icb24 PROPERTIES LABELS realdata)
# propose: the shipped ICB-mergers query (deterministic across thread counts, every
# constraint met, every number of compare.csv recomputed in Python from the ONS lookups);
# an impossible floor is an error giving the numbers.
add_test(NAME cli.realdata_propose_icb_mergers
  COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:coterm> -DQUERY=${PROJECT_SOURCE_DIR}/queries/icb-mergers-coterminous.toml
          -DOUT=${CMAKE_CURRENT_BINARY_DIR}/propose-icb-mergers -DDATA=${COTERM_TEST_DATA}
          -DCHECK=${CMAKE_CURRENT_SOURCE_DIR}/realdata/propose_check.py -P ${CMAKE_CURRENT_SOURCE_DIR}/realdata/propose_query.cmake)
set_tests_properties(cli.realdata_propose_icb_mergers PROPERTIES LABELS realdata ENVIRONMENT "COTERM_DATA=${COTERM_TEST_DATA}")
realdata_cli_case(realdata_propose_impossible_floor EXIT 1 STDOUT_EMPTY
  STDERR "coterm: error: infeasible: 42 footprints of at least 2,000,000 people need 84,000,000, but the blocks hold 56,490,108 [(]the floor can be at most 1,345,002[)]"
  ARGS propose --blocks ltla24 --count 42 --pop-min 2000000 --split-layers icb24 -o ${CMAKE_CURRENT_BINARY_DIR}/propose-floor)
# coterm diff ltla22 ltla24: ltla22 built on first use into the test's own cache folder;
# the 2023 mergers and the one LSOA the lookups differ on, recounted in Python from the lookups.
add_test(NAME cli.realdata_diff_ltla22_ltla24
  COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:coterm> -DDATA=${COTERM_TEST_DATA}
          -DOUT=${CMAKE_CURRENT_BINARY_DIR}/realdata-diff -DCHECK=${CMAKE_CURRENT_SOURCE_DIR}/realdata/diff_ltla22_ltla24.py
          -P ${CMAKE_CURRENT_SOURCE_DIR}/realdata/diff_ltla22.cmake)
set_tests_properties(cli.realdata_diff_ltla22_ltla24 PROPERTIES LABELS realdata)
