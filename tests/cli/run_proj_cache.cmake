# SPDX-License-Identifier: MIT
# PROJ's answer kept in the cache folder (io/operation_cache): the first run of a lon/lat
# layer writes proj/<key>.txt listing the candidate operations; later runs read it and
# give the same bytes; a damaged entry (bad header, or one changed digit) is a miss,
# written again; a file in the current folder that PROJ could take for a grid rewrites
# the entry (PROJ looks there when PROJ_DATA and PROJ_LIB are unset); the shortcut
# turned off (COTERM_PROJ_SHORTCUT=0) gives the same bytes too; another PROJ folder
# (PROJ_DATA) is another key, so another entry.
# -DEXE= -DF= (fixtures) -DOUT=
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}/work")
set(ENV{COTERM_CACHE} "${OUT}/cache")
unset(ENV{PROJ_DATA})
unset(ENV{PROJ_LIB})

function(overlap_into name)
  execute_process(COMMAND ${EXE} overlap ${F}/lonlat.geojson ${F}/lonlat.geojson -q -o ${OUT}/${name}.csv
                  WORKING_DIRECTORY ${OUT}/work RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0 OR NOT err STREQUAL "")
    message(FATAL_ERROR "coterm overlap (${name}) failed (${rc}) or wrote to stderr: ${err}")
  endif()
  file(READ "${OUT}/run1.csv" first)
  file(READ "${OUT}/${name}.csv" this)
  if(NOT this STREQUAL first)
    message(FATAL_ERROR "${name}.csv differs from run1.csv:\n${this}\n---\n${first}")
  endif()
endfunction()

overlap_into(run1)
file(GLOB entries "${OUT}/cache/proj/*.txt")
list(LENGTH entries n)
if(NOT n EQUAL 1)
  message(FATAL_ERROR "expected one entry in ${OUT}/cache/proj, found: ${entries}")
endif()
file(READ "${entries}" entry)
if(NOT entry MATCHES "^coterm proj cache 3\nproj [0-9.]+\n" OR NOT entry MATCHES "\ntarget EPSG:27700\n"
   OR NOT entry MATCHES "\ncoterm proj operations 1\n(candidates|full)\n"
   OR NOT entry MATCHES "\ncheck [0-9a-f]+\n$")
  message(FATAL_ERROR "unexpected entry ${entries}:\n${entry}")
endif()

# A hit reads the entry and leaves it alone (a miss would write it again): also when the
# run writes a .json output into the current folder, and again when it rewrites it.
function(expect_hit name)
  file(TIMESTAMP "${entries}" before "%s.%f")
  execute_process(COMMAND ${CMAKE_COMMAND} -E sleep 1.1)
  overlap_into(${name})
  file(GLOB now "${OUT}/cache/proj/*.txt")
  file(TIMESTAMP "${entries}" after "%s.%f")
  if(NOT now STREQUAL entries OR NOT before STREQUAL after)
    message(FATAL_ERROR "${name}: the entry was written again (${before} -> ${after}): a miss")
  endif()
endfunction()
expect_hit(run2)
foreach(i 1 2)
  execute_process(COMMAND ${EXE} overlap ${F}/lonlat.geojson ${F}/lonlat.geojson -q --overwrite -o out.json
                  WORKING_DIRECTORY ${OUT}/work RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "coterm overlap -o out.json failed (${rc})")
  endif()
endforeach()
# out.json is grid-like by name: the second run saw it (one new key), later ones the same.
file(READ "${entries}" entry)
expect_hit(after_json_outputs)

function(expect_rewritten why)
  file(READ "${entries}" rewritten)
  if(NOT rewritten STREQUAL entry)
    message(FATAL_ERROR "${why}: the entry was not written again as before:\n${rewritten}")
  endif()
endfunction()
file(WRITE "${entries}" "coterm proj cache 3\nnot what coterm wrote\n")
overlap_into(damaged)
expect_rewritten("a damaged entry")
string(REGEX REPLACE "(\nop\t[^\t]+\t[^\t]+\t[^\t]+\t[^\t]+\t)([0-9])" "\\1\\29" edited "${entry}")
if(edited STREQUAL entry)
  message(FATAL_ERROR "the test could not edit an accuracy in:\n${entry}")
endif()
file(WRITE "${entries}" "${edited}")
overlap_into(edited)
expect_rewritten("an entry with one accuracy changed")

file(WRITE "${OUT}/work/OSTN15_NTv2_OSGBtoETRS.gsb" "not a grid")
overlap_into(grid_here)
file(READ "${entries}" with_grid)
string(REGEX MATCH "\ncwd [0-9]+ [0-9a-f]+\n" cwd_with "${with_grid}")
string(REGEX MATCH "\ncwd [0-9]+ [0-9a-f]+\n" cwd_without "${entry}")
if(NOT cwd_with MATCHES "^\ncwd 2 " OR cwd_with STREQUAL cwd_without)
  message(FATAL_ERROR "a grid-like file in the current folder did not change the key:\n${with_grid}")
endif()
file(WRITE "${OUT}/work/out.csv" "an output, not a grid")
file(REMOVE "${OUT}/work/OSTN15_NTv2_OSGBtoETRS.gsb")
overlap_into(grid_gone)
expect_rewritten("the grid-like file removed again (an output .csv beside it does not count)")
expect_hit(grid_gone_again)

set(ENV{COTERM_PROJ_SHORTCUT} 0)
overlap_into(no_shortcut)
unset(ENV{COTERM_PROJ_SHORTCUT})

file(MAKE_DIRECTORY "${OUT}/projdata")
file(CREATE_LINK "/usr/share/proj/proj.db" "${OUT}/projdata/proj.db" SYMBOLIC)
set(ENV{PROJ_DATA} "${OUT}/projdata")
overlap_into(other_folder)
file(GLOB both "${OUT}/cache/proj/*.txt")
list(LENGTH both n)
if(NOT n EQUAL 2)
  message(FATAL_ERROR "another PROJ folder should be another entry, found: ${both}")
endif()
