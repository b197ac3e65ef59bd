# SPDX-License-Identifier: MIT
# A catalogue layer built on first use (cache = true): `before` of tests/fixtures/diff,
# built from the blocks by a lookup. Checks that it is built into COTERM_CACHE and never
# into the data directory (a read-only copy), that the diff equals the one of the hand-made
# before.geojson, that a second run uses the cached file, that a changed lookup builds
# anew (and removes the older file), and that an unwritable cache folder is a one-line error.
# -DEXE= -DF= (fixture folder) -DOUT= -DGOLDEN= (the fixture diff's changes.csv)
if(EXISTS "${OUT}/data")
  execute_process(COMMAND chmod -R u+w "${OUT}/data")
endif()
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")
file(COPY "${F}/" DESTINATION "${OUT}/data")
file(GLOB data_files RELATIVE "${OUT}/data" "${OUT}/data/*")
# Read-only for everyone but root (CI runs as root: the file list is checked below as well).
execute_process(COMMAND chmod -R a-w "${OUT}/data")
set(ENV{COTERM_CATALOGUE} "${OUT}/data/catalogue.toml")
set(ENV{COTERM_CACHE} "${OUT}/cache")
set(common before after --blocks blocks --weights blocks --weights-data blocks_pop.csv --weights-var pop
           --data ${OUT}/data -q)

function(diff_into folder)
  execute_process(COMMAND ${EXE} diff ${common} -o ${OUT}/${folder} RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0 OR NOT err STREQUAL "")
    message(FATAL_ERROR "coterm diff (${folder}) failed (${rc}) or wrote to stderr: ${err}")
  endif()
endfunction()

diff_into(run1)
file(GLOB built "${OUT}/cache/before-*.gpkg")
list(LENGTH built n)
if(NOT n EQUAL 1)
  message(FATAL_ERROR "expected one cached 'before' in ${OUT}/cache, found: ${built}")
endif()
file(GLOB data_after RELATIVE "${OUT}/data" "${OUT}/data/*")
if(NOT data_after STREQUAL data_files)
  message(FATAL_ERROR "the data directory was written: ${data_after}")
endif()
file(READ "${OUT}/run1/changes.csv" actual)
file(READ "${GOLDEN}" expected)
if(NOT actual STREQUAL expected)
  message(FATAL_ERROR "the diff of the cached layer differs from ${GOLDEN}:\n${actual}")
endif()

# A second run reads the cached file: same name, not written again.
file(TIMESTAMP "${built}" first "%s.%f")
execute_process(COMMAND ${CMAKE_COMMAND} -E sleep 1.1)
diff_into(run2)
file(TIMESTAMP "${built}" second "%s.%f")
if(NOT EXISTS "${built}" OR NOT first STREQUAL second)
  message(FATAL_ERROR "the cached layer was built again though nothing changed")
endif()

# A changed lookup (block B13 now in W2, as after) gives a new key: built anew, the old file removed.
execute_process(COMMAND chmod -R u+w "${OUT}/data")
file(READ "${OUT}/data/lookup_blocks_before.csv" lookup)
string(REPLACE "B13,W,W before" "B13,W2,W recoded" lookup "${lookup}")
file(WRITE "${OUT}/data/lookup_blocks_before.csv" "${lookup}")
diff_into(run3)
file(GLOB rebuilt "${OUT}/cache/before-*.gpkg")
if(rebuilt STREQUAL built OR EXISTS "${built}")
  message(FATAL_ERROR "a changed lookup did not build anew: ${built} -> ${rebuilt}")
endif()
file(READ "${OUT}/run3/changes.csv" changed)
if(changed MATCHES "recoded")
  message(FATAL_ERROR "with W2 in both layers nothing is recoded:\n${changed}")
endif()

# A cache folder that cannot be made: exit 1, one line naming it and the remedy.
set(ENV{COTERM_CACHE} "${OUT}/data/blocks.geojson/cache")
execute_process(COMMAND ${EXE} diff ${common} -o ${OUT}/run4 RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 1 OR NOT err MATCHES "^coterm: error: layer 'before': cannot build it into the cache folder [^\n]*blocks.geojson/cache [(]not writable[)]; point COTERM_CACHE at a writable folder\n$")
  message(FATAL_ERROR "an unwritable cache folder should exit 1 with one line, got ${rc}: ${err}")
endif()
