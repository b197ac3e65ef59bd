# SPDX-License-Identifier: MIT
# `coterm data fetch` against tests/tools/fake_featureserver on 127.0.0.1, through the
# same code users run (GDAL's ESRIJSON paging): a paged layer with one failing request,
# a lookup table, a derived layer dissolved from them, and a truncated download.
# -DEXE= -DSERVER= -DFIXTURES= -DOUT= -DHALVES= -DGOLDEN= (COTERM_UPDATE_GOLDEN=1 rewrites it)
set(ENV{COTERM_CATALOGUE} "${FIXTURES}/catalogue.toml")
set(ENV{GDAL_HTTP_RETRY_DELAY} "0.1")
file(REMOVE_RECURSE "${OUT}")

function(must_match what text regex)
  if(NOT text MATCHES "${regex}")
    message(FATAL_ERROR "${what}: expected /${regex}/ in:\n${text}")
  endif()
endfunction()

# 1. Blocks, lookup and the derived districts.
execute_process(COMMAND ${SERVER} ${FIXTURES} -- ${EXE} data fetch districts --ons-url {url} --data ${OUT} --progress
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "fetch failed (${rc}):\n${err}")
endif()
# --progress: each download (of the server's count) and each phase of the build is named.
must_match("progress" "${err}" "\ncoterm: download layer blocks 100% [(]4/4[)]\n")
must_match("progress" "${err}" "\ncoterm: download lookup blocks-districts 100% [(]4/4[)]\n")
must_match("progress" "${err}" "\ncoterm: read blocks 100% [(]4/4[)]\ncoterm: build blocks 100% [(]1/1[)]\n")
must_match("progress" "${err}" "\ncoterm: dissolve districts 100% [(]1/1[)]\n")
must_match("retried request" "${err}" "503 /Blocks_TEST_BSC/FeatureServer/0/query[^\n]*resultOffset=2\nfake_featureserver: 200 /Blocks_TEST_BSC/FeatureServer/0/query[^\n]*resultOffset=2")
must_match("blocks" "${err}" "blocks: downloaded 4 features from Blocks_TEST_BSC")
must_match("lookup" "${err}" "lookup blocks-districts: downloaded 4 rows from Lookup_TEST_LU")
must_match("derived" "${err}" "districts: built from 4 of 4 blocks blocks into 2 features")
# The source CRS is kept and fields renamed to the catalogue's.
execute_process(COMMAND ${EXE} layers blocks --data ${OUT} OUTPUT_VARIABLE info RESULT_VARIABLE rc)
must_match("layers blocks" "${info}" "crs +EPSG:27700")
must_match("layers blocks" "${info}" "fields +lsoa21_code [(]String[)], lsoa21_name [(]String[)]")
# The districts are the two halves, exactly.
execute_process(COMMAND ${EXE} overlap districts ${HALVES} --data ${OUT} -q OUTPUT_VARIABLE overlap RESULT_VARIABLE rc)
if("$ENV{COTERM_UPDATE_GOLDEN}" STREQUAL "1")
  file(WRITE "${GOLDEN}" "${overlap}")
endif()
file(READ "${GOLDEN}" expected)
if(NOT rc EQUAL 0 OR NOT overlap STREQUAL expected)
  message(FATAL_ERROR "overlap of the built districts with the halves differs from ${GOLDEN}:\n${overlap}")
endif()

# 2. A truncated page: an error naming the URL, exit 1, and nothing left behind.
execute_process(COMMAND ${SERVER} ${FIXTURES} -- ${EXE} data fetch truncated --ons-url {url} --data ${OUT}
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 1)
  message(FATAL_ERROR "a truncated download should exit 1, got ${rc}:\n${err}")
endif()
must_match("truncated" "${err}" "error: layer truncated: http://127[.]0[.]0[.]1:[0-9]+/Truncated_TEST_BUC/[^\n]*download failed after 2 features: transfer closed")
file(GLOB left "${OUT}/boundaries/*truncated*" "${OUT}/boundaries/.*")
if(left)
  message(FATAL_ERROR "a failed download left files behind: ${left}")
endif()
