# SPDX-License-Identifier: MIT
# Builds icb24 the way `coterm data fetch` does after a download (LSOA 2021 polygons
# dissolved with the ONS LSOA→ICB lookup), from the mirror's own LSOA file and lookup,
# and checks it is the mirror's derived icb24 layer: 42 ICBs, each equal to the same
# code there (coterm score: 42 identical pairs).
# -DEXE= -DDATA= -DOUT=
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}/boundaries" "${OUT}/lookups")
file(COPY "${DATA}/boundaries/boundaries_lsoa21.gpkg" DESTINATION "${OUT}/boundaries")
file(COPY "${DATA}/lookups/lookup_lsoa21_icb24.csv" DESTINATION "${OUT}/lookups")
# No download happens (the inputs are present), so the URL is never contacted.
execute_process(COMMAND ${EXE} data fetch icb24 --data ${OUT} --ons-url http://127.0.0.1:9
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT err MATCHES "icb24: built from 33755 of 33755 lsoa21 blocks into 42 features")
  message(FATAL_ERROR "building icb24 failed (${rc}):\n${err}")
endif()
execute_process(COMMAND ${EXE} score ${OUT}/derived/derived_icb24_from_lsoa21.gpkg
                        ${DATA}/derived/derived_icb24_from_lsoa21.gpkg --a-code icb24_code --b-code icb24_code
                        --format json -q
                RESULT_VARIABLE rc OUTPUT_VARIABLE json ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "score failed (${rc}): ${err}")
endif()
string(JSON identical GET "${json}" summary identical_pairs)
string(JSON units GET "${json}" summary a_units)
if(NOT identical EQUAL 42 OR NOT units EQUAL 42)
  message(FATAL_ERROR "built icb24 is not the mirror's: ${identical} identical pairs of ${units}")
endif()
message(STATUS "icb24 rebuilt from LSOAs: ${identical} of 42 ICBs identical to the mirror's")
