# SPDX-License-Identifier: MIT
# CLI cases, one line each: name, expected exit, then checks and ARGS.
set(F ${CMAKE_CURRENT_SOURCE_DIR}/fixtures)
set(G ${CMAKE_CURRENT_SOURCE_DIR}/golden)

function(cli_case name)
  cmake_parse_arguments(C "STDERR_EMPTY;STDOUT_EMPTY" "EXIT;GOLDEN;OUTFILE;STDERR;STDOUT;LABEL" "ARGS" ${ARGN})
  string(REPLACE ";" "|" args "${C_ARGS}")
  if(NOT C_LABEL)
    set(C_LABEL cli)
  endif()
  add_test(NAME cli.${name}
    COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:coterm> "-DARGS=${args}" -DEXPECT_EXIT=${C_EXIT}
            "-DGOLDEN=${C_GOLDEN}" "-DOUTFILE=${C_OUTFILE}" "-DSTDERR=${C_STDERR}" "-DSTDOUT=${C_STDOUT}"
            -DSTDERR_EMPTY=${C_STDERR_EMPTY} -DSTDOUT_EMPTY=${C_STDOUT_EMPTY} -DSRC=${PROJECT_SOURCE_DIR}
            -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/run_case.cmake)
  set_tests_properties(cli.${name} PROPERTIES LABELS ${C_LABEL})
endfunction()

# ---- success: byte-exact output, empty stderr (-q) ----
cli_case(overlap_csv EXIT 0 STDERR_EMPTY GOLDEN ${G}/overlap_quarters_halves.csv
  ARGS overlap ${F}/quarters.geojson ${F}/halves.geojson -q)
cli_case(overlap_json EXIT 0 STDERR_EMPTY GOLDEN ${G}/overlap_shifted_quarters.json
  ARGS overlap ${F}/shifted.geojson ${F}/quarters.geojson -q --format json)
cli_case(overlap_json_one_thread EXIT 0 STDERR_EMPTY GOLDEN ${G}/overlap_shifted_quarters.json
  ARGS overlap ${F}/shifted.geojson ${F}/quarters.geojson -q --format json --threads 1)
cli_case(overlap_geojson EXIT 0 STDERR_EMPTY GOLDEN ${G}/overlap_shifted_quarters.geojson
  ARGS overlap ${F}/shifted.geojson ${F}/quarters.geojson -q --format geojson)
cli_case(overlap_min_share EXIT 0 STDERR_EMPTY GOLDEN ${G}/overlap_shifted_quarters_min_share.csv
  ARGS overlap ${F}/shifted.geojson ${F}/quarters.geojson -q --min-share 0.001)
cli_case(overlap_output_file EXIT 0 STDERR_EMPTY STDOUT_EMPTY GOLDEN ${G}/overlap_quarters_halves.csv
  OUTFILE ${CMAKE_CURRENT_BINARY_DIR}/overlap_output_file.csv
  ARGS overlap ${F}/quarters.geojson ${F}/halves.geojson -q -o ${CMAKE_CURRENT_BINARY_DIR}/overlap_output_file.csv)
cli_case(overlap_lonlat_input EXIT 0 STDERR_EMPTY GOLDEN ${G}/overlap_lonlat_self.csv
  ARGS overlap ${F}/lonlat.geojson ${F}/lonlat.geojson -q)

# ---- the summary line and warnings on stderr ----
cli_case(overlap_summary_line EXIT 0 GOLDEN ${G}/overlap_quarters_shifted.csv
  STDERR "^coterm: quarters.geojson × shifted.geojson: 5 pairs; 0 of 4 quarters.geojson features split"
  ARGS overlap ${F}/quarters.geojson ${F}/shifted.geojson)
cli_case(overlap_repairs_bowtie EXIT 0
  STDERR "warning: bowtie.geojson: 1 invalid geometries repaired with MakeValid [(]BOW[)]"
  ARGS overlap ${F}/bowtie.geojson ${F}/quarters.geojson)
cli_case(overlap_assume_crs EXIT 0 STDERR_EMPTY STDOUT "N1,no crs,H-W,west half,1000000.000000,1,0.5"
  ARGS overlap ${F}/nocrs.csv ${F}/halves.geojson --assume-crs EPSG:27700 -q)

# ---- errors: exit code, one line on stderr, nothing on stdout ----
cli_case(err_missing_file EXIT 1 STDOUT_EMPTY STDERR "cannot open '.*missing.gpkg'"
  ARGS overlap ${F}/missing.gpkg ${F}/halves.geojson)
cli_case(err_unknown_layer EXIT 2 STDOUT_EMPTY STDERR "unknown layer 'ltla42' [(]did you mean 'ltla22'[?][)]"
  ARGS overlap ltla42 icb24)
cli_case(err_no_crs EXIT 1 STDOUT_EMPTY STDERR "nocrs.csv: the layer has no CRS; give one with --assume-crs"
  ARGS overlap ${F}/nocrs.csv ${F}/halves.geojson)
cli_case(err_not_polygons EXIT 1 STDOUT_EMPTY STDERR "feature 'P1' [(]fid 0[)] is a Point"
  ARGS overlap ${F}/points.geojson ${F}/halves.geojson)
cli_case(err_duplicate_code EXIT 1 STDOUT_EMPTY STDERR "duplicate code 'D1'"
  ARGS overlap ${F}/duplicate.geojson ${F}/halves.geojson)
cli_case(err_ambiguous_code EXIT 2 STDOUT_EMPTY STDERR "several fields could be the code"
  ARGS overlap ${F}/two_codes.geojson ${F}/halves.geojson)
cli_case(err_data_dir_missing EXIT 1 STDOUT_EMPTY STDERR "is not in the data directory /nonexistent-coterm-data"
  ARGS overlap ltla24 icb24 --data /nonexistent-coterm-data)
cli_case(err_bad_format EXIT 2 STDOUT_EMPTY STDERR "--format"
  ARGS overlap ${F}/quarters.geojson ${F}/halves.geojson --format xls)
cli_case(err_min_share_range EXIT 2 STDOUT_EMPTY STDERR "--min-share"
  ARGS overlap ${F}/quarters.geojson ${F}/halves.geojson --min-share 2)
cli_case(err_output_folder EXIT 1 STDOUT_EMPTY STDERR "folder /nonexistent-coterm-out does not exist"
  ARGS overlap ${F}/quarters.geojson ${F}/halves.geojson -q -o /nonexistent-coterm-out/x.csv)
cli_case(err_no_subcommand EXIT 2 STDOUT_EMPTY STDERR "subcommand"
  ARGS)

# ---- version and help ----
cli_case(version EXIT 0 STDERR_EMPTY STDOUT "^coterm 0[.]1[.]0\nGDAL 3[.][0-9.]+, GEOS 3[.][0-9]+.*, PROJ 9[.]"
  ARGS --version)
cli_case(overlap_help EXIT 0 STDERR_EMPTY STDOUT "--min-share"
  ARGS overlap --help)

# ---- the manual page lists exactly the options --help lists ----
add_test(NAME cli.doc_options_overlap
  COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:coterm> -DCOMMAND=overlap
          -DDOC=${PROJECT_SOURCE_DIR}/docs/cli/overlap.md -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/check_doc_options.cmake)
set_tests_properties(cli.doc_options_overlap PROPERTIES LABELS cli)

# ---- apportion (hand-checked: see docs/cli/apportion.md, "the test fixture") ----
# Cells W1 (pop 100, point on surface in Q1 and H-W), W2 (50, Q3, H-W), W3 (30, Q4, H-E).
# spend Q1..Q4 = 10, 20, 30, 40: by population H-W = 10 + 30 = 40 (pop 150), H-E = 40
# (pop 30), Q2's 20 lost (no population); by area H-W = 40, H-E = 60.
# rate Q1..Q4 = 1..4 (intensive): H-W = (1·100 + 3·50) / 150 = 1.6667, H-E = 4.
set(W --weights ${F}/cells.geojson --weights-data ${F}/cells_pop.csv --weights-var pop)
cli_case(apportion_population EXIT 0 STDERR_EMPTY GOLDEN ${G}/apportion_population.csv
  ARGS apportion --data ${F}/quarter_values.csv --from ${F}/quarters.geojson --to ${F}/halves.geojson ${W}
       --var spend --var rate --extensive spend --intensive rate -q)
cli_case(apportion_area_json EXIT 0 STDERR_EMPTY GOLDEN ${G}/apportion_area.json
  ARGS apportion --data ${F}/quarter_values.csv --from ${F}/quarters.geojson --to ${F}/halves.geojson ${W}
       --var spend --extensive spend --weight area --format json -q)
cli_case(apportion_ratio EXIT 0 STDERR_EMPTY GOLDEN ${G}/apportion_ratio.csv
  ARGS apportion --data ${F}/quarter_values.csv --from ${F}/quarters.geojson --to ${F}/halves.geojson ${W}
       --var spend --var rate --extensive spend --extensive rate --ratio spend/rate -q)
cli_case(apportion_points EXIT 0 STDERR_EMPTY GOLDEN ${G}/apportion_points.csv
  ARGS apportion --data ${F}/practices.csv --points --to ${F}/halves.geojson ${W} --value-column gbp
       --code-column target -q)
cli_case(apportion_conservation_line EXIT 0
  STDERR "spend [(]extensive, cells.geojson pop, centroid spread[)]: in 100.00, out 80.00, outside every halves.geojson 20.00 [(]from 1 areas: Q2[)]"
  ARGS apportion --data ${F}/quarter_values.csv --from ${F}/quarters.geojson --to ${F}/halves.geojson ${W}
       --var spend --extensive spend)
cli_case(apportion_points_lines EXIT 0
  STDERR "gbp [(]points[)]: in 308.50, out 307.50, outside every halves.geojson 1.00 [(]from 1 points: P4[)].*1 rows without coordinates hold 50.00.*gbp: 8.00 at 2 points lies outside the halves.geojson their target names"
  ARGS apportion --data ${F}/practices.csv --points --to ${F}/halves.geojson ${W} --value-column gbp --code-column target)
cli_case(apportion_not_a_number EXIT 0
  STDERR "1 values are not numbers and were left out [(]line 7 Q2 bad: 'x'[)]"
  ARGS apportion --data ${F}/quarter_values.csv --from ${F}/quarters.geojson --to ${F}/halves.geojson ${W}
       --var bad --intensive bad)
cli_case(err_apportion_unknown_var EXIT 2 STDOUT_EMPTY STDERR "no variable 'spnd' [(]did you mean 'spend'[?][)]"
  ARGS apportion --data ${F}/quarter_values.csv --from ${F}/quarters.geojson --to ${F}/halves.geojson ${W} --var spnd)
cli_case(err_apportion_kind EXIT 2 STDOUT_EMPTY STDERR "say whether 'spend' is a count or money [(]--extensive spend[)]"
  ARGS apportion --data ${F}/quarter_values.csv --from ${F}/quarters.geojson --to ${F}/halves.geojson ${W} --var spend)
cli_case(err_apportion_strict EXIT 1 STDOUT_EMPTY STDERR "1 codes not in quarters.geojson [(]Q9[)]"
  ARGS apportion --data ${F}/quarter_values.csv --from ${F}/quarters.geojson --to ${F}/halves.geojson ${W}
       --var spend --extensive spend --strict)
cli_case(err_apportion_column EXIT 2 STDOUT_EMPTY STDERR "no column 'gpb' [(]did you mean 'gbp'[?][)]"
  ARGS apportion --data ${F}/practices.csv --points --to ${F}/halves.geojson ${W} --value-column gpb)
cli_case(err_apportion_missing_file EXIT 1 STDOUT_EMPTY STDERR "cannot open 'nowhere.csv'"
  ARGS apportion --data nowhere.csv --from ${F}/quarters.geojson --to ${F}/halves.geojson)
add_test(NAME cli.doc_options_apportion
  COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:coterm> -DCOMMAND=apportion
          -DDOC=${PROJECT_SOURCE_DIR}/docs/cli/apportion.md -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/check_doc_options.cmake)
set_tests_properties(cli.doc_options_apportion PROPERTIES LABELS cli)
# staff Q1..Q4 = 1..4 from a second file: by population H-W = 1 + 3 = 4, H-E = 4.
cli_case(apportion_two_files EXIT 0 STDERR_EMPTY GOLDEN ${G}/apportion_two_files.csv
  ARGS apportion --data ${F}/quarter_values.csv ${F}/quarter_staff.csv --from ${F}/quarters.geojson
       --to ${F}/halves.geojson ${W} --var spend --var staff --extensive spend --extensive staff -q)

# ---- score ----
cli_case(score_quarters_halves EXIT 0 STDERR_EMPTY GOLDEN ${G}/score_quarters_halves.csv
  ARGS score ${F}/quarters.geojson ${F}/halves.geojson --both -q)
cli_case(score_shifted_json EXIT 0 STDERR_EMPTY GOLDEN ${G}/score_shifted_quarters.json
  ARGS score ${F}/shifted.geojson ${F}/quarters.geojson --format json -q)
cli_case(score_text EXIT 0 STDERR_EMPTY GOLDEN ${G}/score_quarters_halves.txt
  ARGS score ${F}/quarters.geojson ${F}/halves.geojson --format text -q)
cli_case(score_summary_line EXIT 0 STDERR "quarters.geojson vs halves.geojson [(]area[)]: 4 of 4 nested, 0 split; 2 of 2 halves.geojson are unions of whole quarters.geojson"
  ARGS score ${F}/quarters.geojson ${F}/halves.geojson)
cli_case(err_score_tolerance EXIT 2 STDOUT_EMPTY STDERR "--tolerance"
  ARGS score ${F}/quarters.geojson ${F}/halves.geojson --tolerance 1.5)
add_test(NAME cli.doc_options_score
  COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:coterm> -DCOMMAND=score
          -DDOC=${PROJECT_SOURCE_DIR}/docs/cli/score.md -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/check_doc_options.cmake)
set_tests_properties(cli.doc_options_score PROPERTIES LABELS cli)
cli_case(score_scorecard EXIT 0 STDERR_EMPTY GOLDEN ${G}/score_scorecard.json
  ARGS score --scorecard ${F}/quarters.geojson ${F}/halves.geojson ${F}/shifted.geojson -q)
cli_case(err_score_no_layers EXIT 2 STDOUT_EMPTY STDERR "give two layers A B, or --scorecard LAYERS"
  ARGS score)

# ---- layers and validate ----
cli_case(validate_clean EXIT 0 STDERR_EMPTY GOLDEN ${G}/validate_quarters.txt
  ARGS validate ${F}/quarters.geojson -q)
cli_case(validate_against_json EXIT 0 STDERR_EMPTY GOLDEN ${G}/validate_shifted_against_quarters.json
  ARGS validate ${F}/shifted.geojson --against ${F}/quarters.geojson --format json -q)
cli_case(validate_problems EXIT 1 STDOUT "invalid BOW: Self-intersection[[]400500 300500[]]"
  STDERR "validate bowtie.geojson: 1 problems [(]1 invalid"
  ARGS validate ${F}/bowtie.geojson)
cli_case(validate_duplicates EXIT 1 STDOUT "duplicate_code D1"
  ARGS validate ${F}/duplicate.geojson -q)
cli_case(err_layers_unknown EXIT 2 STDOUT_EMPTY STDERR "unknown layer 'icb25' [(]did you mean 'icb24'[?][)]"
  ARGS layers icb25)
cli_case(layers_list EXIT 0 STDERR_EMPTY STDOUT "^id +family +features +present +title\nlsoa21 +lsoa21 +33755 "
  ARGS layers --data /nonexistent-coterm-data)
foreach(command validate layers)
  add_test(NAME cli.doc_options_${command}
    COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:coterm> -DCOMMAND=${command}
            -DDOC=${PROJECT_SOURCE_DIR}/docs/cli/${command}.md -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/check_doc_options.cmake)
  set_tests_properties(cli.doc_options_${command} PROPERTIES LABELS cli)
endforeach()

# ---- data fetch (a fake mirror whose file has the wrong checksum) ----
cli_case(data_fetch_bad_checksum EXIT 1
  STDERR "layer ltla24: .*derived_ltla24_from_lsoa21.gpkg has SHA-256 [0-9a-f]+, the catalogue expects [0-9a-f]+.*1 failed"
  ARGS data fetch ltla24 --mirror ${F}/fake_mirror --data ${CMAKE_CURRENT_BINARY_DIR}/fetch_out)
cli_case(data_fetch_not_in_mirror EXIT 1 STDERR "layer icb24: derived/derived_icb24_from_lsoa21.gpkg is not in the mirror"
  ARGS data fetch icb24 --mirror ${F}/fake_mirror --data ${CMAKE_CURRENT_BINARY_DIR}/fetch_out)
# Without a mirror coterm downloads; nothing listens on port 9, so every attempt fails
# and the layer is reported with the URL (after two warnings saying it reads again).
cli_case(err_data_fetch_unreachable EXIT 1
  STDERR "coterm: error: layer ltla24-gen: http://127.0.0.1:9/Local_Authority_Districts_May_2024_Boundaries_UK_BUC/FeatureServer/0/query[?]where=LAD24CD%20LIKE%20%27E%25%27&outFields=LAD24CD,LAD24NM&orderByFields=FID&f=json: cannot read: .*0 layers ready, 1 failed"
  ARGS data fetch ltla24-gen --data ${CMAKE_CURRENT_BINARY_DIR}/fetch_out --ons-url http://127.0.0.1:9)
add_test(NAME cli.doc_options_data
  COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:coterm> "-DCOMMAND=data;fetch"
          -DDOC=${PROJECT_SOURCE_DIR}/docs/cli/data.md -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/check_doc_options.cmake)
set_tests_properties(cli.doc_options_data PROPERTIES LABELS cli)

# ---- footprint: the quarters grouped into halves (areas 2 km² each, W1+W2 = 150 people west) ----
cli_case(footprint_groups EXIT 0 STDERR_EMPTY GOLDEN ${G}/footprint_groups.csv
  ARGS footprint --blocks ${F}/quarters.geojson --groups ${F}/groups_halves.csv ${W} --format csv -q)
cli_case(footprint_by_layer EXIT 0 STDERR_EMPTY GOLDEN ${G}/footprint_by_halves.geojson
  ARGS footprint --blocks ${F}/quarters.geojson --by ${F}/halves.geojson ${W} -q)
# The west/east boundary zigzags ±20 m; at 50 m both footprints become rectangles with
# the same two positions on their shared edge (golden checked by hand).
cli_case(footprint_simplify EXIT 0 GOLDEN ${G}/footprint_simplify.geojson
  STDERR "simplified at 50 m: 26 -> 10 vertices in 3 shared boundary chains"
  ARGS footprint --blocks ${F}/wiggly_quarters.geojson --groups ${F}/groups_halves.csv ${W} --simplify 50)
cli_case(err_footprint_simplify_negative EXIT 2 STDOUT_EMPTY STDERR "--simplify"
  ARGS footprint --blocks ${F}/quarters.geojson --groups ${F}/groups_halves.csv ${W} --simplify -1)
cli_case(err_footprint_unknown_block EXIT 1 STDOUT_EMPTY STDERR "1 block codes are not in quarters.geojson [(]Q9[)]"
  ARGS footprint --blocks ${F}/quarters.geojson --groups ${F}/groups_bad.csv ${W})
cli_case(err_footprint_no_grouping EXIT 2 STDOUT_EMPTY STDERR "give --groups FILE.csv or --by LAYER"
  ARGS footprint --blocks ${F}/quarters.geojson)
add_test(NAME cli.doc_options_footprint
  COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:coterm> -DCOMMAND=footprint
          -DDOC=${PROJECT_SOURCE_DIR}/docs/cli/footprint.md -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/check_doc_options.cmake)
set_tests_properties(cli.doc_options_footprint PROPERTIES LABELS cli)

# ---- run: a query on the fixtures (goldens in tests/golden/run-fixture-halves) ----
add_test(NAME cli.run_fixture_query
  COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:coterm> -DQUERY=${F}/query/halves.toml
          -DOUT=${CMAKE_CURRENT_BINARY_DIR}/run-fixture -DGOLDEN_DIR=${G}/run-fixture-halves
          -DCHECK=$<TARGET_FILE:coterm_check_run> "-DCHECK_ARGS=--population-total|180|--source|spend=105|--source|gbp=358.5"
          -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/run_query.cmake)
set_tests_properties(cli.run_fixture_query PROPERTIES LABELS cli)
cli_case(err_run_unknown_key EXIT 2 STDOUT_EMPTY STDERR "typo.toml: unknown key 'compre' [(]did you mean 'compare'[?][)]"
  ARGS run ${F}/query/typo.toml)
add_test(NAME cli.doc_options_run
  COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:coterm> -DCOMMAND=run
          -DDOC=${PROJECT_SOURCE_DIR}/docs/cli/run.md -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/check_doc_options.cmake)
set_tests_properties(cli.doc_options_run PROPERTIES LABELS cli)
# The run checker must itself fail on bad output: a copy of the fixture run with one
# exterior ring reversed, a crs member, a 7-decimal position and a conservation line off by 1.
foreach(expect "FE ring 0: exterior ring is not counter-clockwise" "has a crs member" "more than 6 decimals"
               "spend: in 100 != in footprints 81 [+] outside 20" "population: footprints 180.000000 [+] outside 0.000000 != 181")
  string(MAKE_C_IDENTIFIER "${expect}" id)
  add_test(NAME cli.check_run_rejects_${id}
    COMMAND coterm_check_run ${F}/run_tampered --population-total 181)
  set_tests_properties(cli.check_run_rejects_${id} PROPERTIES LABELS cli PASS_REGULAR_EXPRESSION "${expect}")
endforeach()
add_test(NAME cli.data_fetch_ons
  COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:coterm> -DSERVER=$<TARGET_FILE:fake_featureserver>
          -DFIXTURES=${F}/fake_ons -DOUT=${CMAKE_CURRENT_BINARY_DIR}/fetched-ons -DHALVES=${F}/halves.geojson
          -DGOLDEN=${G}/data_fetch_districts_halves.csv -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/run_fetch.cmake)
set_tests_properties(cli.data_fetch_ons PROPERTIES LABELS cli)

# ---- nothing matched is not success (issue 11, item 7) ----
cli_case(err_overlap_disjoint EXIT 1 STDOUT_EMPTY STDERR "quarters.geojson and far.geojson do not overlap anywhere: is one layer's CRS wrong"
  ARGS overlap ${F}/quarters.geojson ${F}/far.geojson -q)
cli_case(err_apportion_no_code_matches EXIT 1 STDOUT_EMPTY STDERR "none of the 5 codes of 'spend' is a code of halves.geojson [(]the file has e.g. 'Q1', the layer 'H-E'[)]"
  ARGS apportion --data ${F}/quarter_values.csv --from ${F}/halves.geojson --to ${F}/quarters.geojson ${W} --var spend --extensive spend)
cli_case(err_apportion_points_swapped EXIT 1 STDOUT_EMPTY STDERR "none of the 4 points lies in any target area: are the latitude and longitude columns swapped"
  ARGS apportion --data ${F}/practices.csv --points --to ${F}/halves.geojson ${W} --value-column gbp --lat longitude --lon latitude)

# ---- map: every output format on an overlap's pieces (see run_map.cmake) ----
add_test(NAME cli.map_formats
  COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:coterm> -DF=${F} -DOUT=${CMAKE_CURRENT_BINARY_DIR}/map-formats
          -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/run_map.cmake)
set_tests_properties(cli.map_formats PROPERTIES LABELS cli)
add_test(NAME cli.doc_options_map
  COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:coterm> -DCOMMAND=map
          -DDOC=${PROJECT_SOURCE_DIR}/docs/cli/map.md -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/check_doc_options.cmake)
set_tests_properties(cli.doc_options_map PROPERTIES LABELS cli)

# ---- propose: usage errors before any data is read; the manual page's options ----
cli_case(err_propose_no_count EXIT 2 STDOUT_EMPTY STDERR "coterm: error: give --count N or --count-min and --count-max"
  ARGS propose --blocks ltla24 --split-layers pfa24 -o ${CMAKE_CURRENT_BINARY_DIR}/propose-err)
cli_case(err_propose_nothing EXIT 2 STDOUT_EMPTY STDERR "nothing to minimise"
  ARGS propose --blocks ltla24 --count 3 -o ${CMAKE_CURRENT_BINARY_DIR}/propose-err)
cli_case(err_propose_term_weight EXIT 2 STDOUT_EMPTY STDERR "--term-weights: 'pfa24' is not KEY=WEIGHT"
  ARGS propose --blocks ltla24 --count 3 --split-layers pfa24 --term-weights pfa24 -o ${CMAKE_CURRENT_BINARY_DIR}/propose-err)
cli_case(err_run_propose_query EXIT 2 STDOUT_EMPTY STDERR "a .propose. table and no .footprints.: `coterm run` analyses given footprints; propose them with `coterm propose --query"
  ARGS run ${PROJECT_SOURCE_DIR}/queries/icb-mergers-coterminous.toml --out ${CMAKE_CURRENT_BINARY_DIR}/run-propose-err)
add_test(NAME cli.doc_options_propose
  COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:coterm> -DCOMMAND=propose
          -DDOC=${PROJECT_SOURCE_DIR}/docs/cli/propose.md -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/check_doc_options.cmake)
set_tests_properties(cli.doc_options_propose PROPERTIES LABELS cli)

# ---- compare: options side by side (goldens in tests/golden/compare-fixture) ----
add_test(NAME cli.compare_fixture_options
  COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:coterm> -DF=${F} -DOUT=${CMAKE_CURRENT_BINARY_DIR}/compare-fixture
          -DGOLDEN_DIR=${G}/compare-fixture -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/run_compare.cmake)
set_tests_properties(cli.compare_fixture_options PROPERTIES LABELS cli)
set(compare_out ${CMAKE_CURRENT_BINARY_DIR}/compare-errors)
cli_case(err_compare_missing EXIT 2 STDOUT_EMPTY STDERR "coterm: error: '.*no-such-run' does not exist"
  ARGS compare ${F}/compare/no-such-run -o ${compare_out})
cli_case(err_compare_not_run_folder EXIT 2 STDOUT_EMPTY STDERR "coterm: error: '.*/fixtures/query' is not a coterm run folder"
  ARGS compare ${F}/query -o ${compare_out})
cli_case(err_compare_weights EXIT 2 STDOUT_EMPTY STDERR "must share the small-area weights"
  ARGS compare ${F}/compare/quarters.toml ${F}/compare/other_weights.toml -o ${compare_out})
cli_case(err_compare_options_mixed EXIT 2 STDOUT_EMPTY STDERR "options.toml is an options file: give it alone"
  ARGS compare ${F}/compare/options.toml ${F}/compare/west.toml -o ${compare_out})
cli_case(err_compare_option_key EXIT 2 STDOUT_EMPTY STDERR "bad_options.toml: \\[\\[option\\]\\] 1: unknown key 'querry' [(]did you mean 'query'[?][)]"
  ARGS compare ${F}/compare/bad_options.toml -o ${compare_out})
cli_case(compare_one_option EXIT 0 STDOUT_EMPTY STDERR "^coterm: compare: 1 option, [0-9]+ figures -> "
  ARGS compare ${F}/compare/west.toml -o ${CMAKE_CURRENT_BINARY_DIR}/compare-one)
add_test(NAME cli.doc_options_compare
  COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:coterm> -DCOMMAND=compare
          -DDOC=${PROJECT_SOURCE_DIR}/docs/cli/compare.md -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/check_doc_options.cmake)
set_tests_properties(cli.doc_options_compare PROPERTIES LABELS cli)
# ---- diff: the hand-counted grid (tests/golden/diff-fixture, DERIVATIONS.md), the cache ----
set(D ${F}/diff)
set(DW --weights ${D}/blocks.geojson --weights-data ${D}/blocks_pop.csv --weights-var pop)
function(diff_golden_case name golden)
  string(REPLACE ";" "|" args "${ARGN}")
  add_test(NAME cli.${name}
    COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:coterm> -DOUT=${CMAKE_CURRENT_BINARY_DIR}/${name}
            -DGOLDEN_DIR=${G}/${golden} -DSRC=${PROJECT_SOURCE_DIR} "-DARGS=${args}"
            -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/run_diff.cmake)
  set_tests_properties(cli.${name} PROPERTIES LABELS cli)
endfunction()
diff_golden_case(diff_fixture diff-fixture ${D}/before.geojson ${D}/after.geojson --compare ${D}/compare.geojson ${DW})
diff_golden_case(diff_fixture_reverse diff-fixture-reverse ${D}/after.geojson ${D}/before.geojson ${DW})
# Given blocks (--blocks) coarser than the weights' small areas: each takes the people whose points it holds.
diff_golden_case(diff_given_blocks diff-given-blocks ${D}/before.geojson ${D}/after.geojson --blocks ${D}/coarse_blocks.geojson ${DW})
# Layers that do not share boundaries: one strip of 40 changes side by a 2.5 % piece: re-digitisation.
diff_golden_case(diff_redigitised diff-redigitised ${D}/halves_drawn.geojson ${D}/halves_redrawn.geojson
  --weights ${D}/strips.geojson --weights-data ${D}/strips_pop.csv --weights-var pop)
# The same with U = 0.01: the strip is a change (moved).
cli_case(diff_redigitised_narrow_band EXIT 0 STDERR "^coterm: diff halves_drawn.geojson → halves_redrawn.geojson: 1 change, 10 people moved"
  ARGS diff ${D}/halves_drawn.geojson ${D}/halves_redrawn.geojson --weights ${D}/strips.geojson
       --weights-data ${D}/strips_pop.csv --weights-var pop --uncertain 0.01 -o ${CMAKE_CURRENT_BINARY_DIR}/diff-narrow)
add_test(NAME cli.diff_cache
  COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:coterm> -DF=${D} -DOUT=${CMAKE_CURRENT_BINARY_DIR}/diff-cache
          -DGOLDEN=${G}/diff-fixture/changes.csv -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/run_diff_cache.cmake)
set_tests_properties(cli.diff_cache PROPERTIES LABELS cli)
cli_case(err_diff_no_output EXIT 2 STDOUT_EMPTY STDERR "--output is required"
  ARGS diff ${D}/before.geojson ${D}/after.geojson)
cli_case(err_diff_unknown_layer EXIT 2 STDOUT_EMPTY STDERR "^coterm: error: unknown layer 'ltla23' [(]did you mean"
  ARGS diff ltla23 ${D}/after.geojson ${DW} -o ${CMAKE_CURRENT_BINARY_DIR}/diff-err)
cli_case(err_diff_disjoint EXIT 1 STDOUT_EMPTY STDERR "before.geojson and far.geojson hold no block of blocks.geojson in common"
  ARGS diff ${D}/before.geojson ${F}/far.geojson ${DW} -o ${CMAKE_CURRENT_BINARY_DIR}/diff-err)
cli_case(err_diff_user_folder EXIT 2 STDOUT_EMPTY STDERR "coterm: error: .*fixtures/diff"
  ARGS diff ${D}/before.geojson ${D}/after.geojson ${DW} -o ${D})
add_test(NAME cli.doc_options_diff
  COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:coterm> -DCOMMAND=diff
          -DDOC=${PROJECT_SOURCE_DIR}/docs/cli/diff.md -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/check_doc_options.cmake)
set_tests_properties(cli.doc_options_diff PROPERTIES LABELS cli)

add_test(NAME cli.proj_cache
  COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:coterm> -DF=${F} -DOUT=${CMAKE_CURRENT_BINARY_DIR}/proj_cache
          -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/run_proj_cache.cmake)
set_tests_properties(cli.proj_cache PROPERTIES LABELS cli)
