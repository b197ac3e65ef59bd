# SPDX-License-Identifier: MIT
# Output formats, sources and provenance (issue 15 items 1, 2, 5; docs/formats.md), label
# cli: each case is one run of tests/formats/formats.sh in its own temporary folder,
# checking outputs with GDAL's own tools (ogrinfo, the GeoPackage validator).
foreach(case gpkg_by_extension fgb_by_extension geojson_types json_by_extension format_disagrees
             unknown_extension gdal_to_stdout shapefile_refused score_gpkg_attributes score_fgb_refused
             score_json_lists gpkg_overwrite_keeps_layers
             where_filter where_selects_nothing bad_where sql_source file_colon_layer layer_not_found
             stdin_geojson stdin_csv postgis_table_not_found provenance_inputs provenance_secret footprint_where)
  add_test(NAME formats.${case}
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/formats/formats.sh ${case} $<TARGET_FILE:coterm>
            ${CMAKE_CURRENT_SOURCE_DIR}/fixtures ${CMAKE_CURRENT_BINARY_DIR}/formats)
  set_tests_properties(formats.${case} PROPERTIES LABELS "cli;formats" SKIP_RETURN_CODE 77 TIMEOUT 120)
endforeach()

# Source filters on every layer a command reads; progress of every long phase (issue 15
# items 2, 4): tests/formats/filters.sh.
foreach(case validate_where validate_against_where map_where_color diff_where propose_blocks_where bad_filters
             progress_phases)
  add_test(NAME filters.${case}
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/formats/filters.sh ${case} $<TARGET_FILE:coterm>
            ${CMAKE_CURRENT_SOURCE_DIR}/fixtures ${CMAKE_CURRENT_BINARY_DIR}/filters)
  set_tests_properties(filters.${case} PROPERTIES LABELS "cli;formats" SKIP_RETURN_CODE 77 TIMEOUT 120)
endforeach()
