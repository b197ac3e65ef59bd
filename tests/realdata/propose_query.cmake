# SPDX-License-Identifier: MIT
# The shipped ICB-mergers query through `coterm propose --query`: runs on one thread and
# on two with byte-identical outputs (every file); every option meets every constraint (count,
# population bounds, contiguity, combined authorities whole); the status quo is compared;
# each set is written as a run (report and map too); propose_check.py recomputes every
# number of compare.csv from groups.csv and the ONS lookups alone.
# -DEXE= -DQUERY= -DOUT= -DDATA= -DCHECK=
foreach(threads 1 2)
  file(REMOVE_RECURSE "${OUT}-${threads}")
  execute_process(COMMAND ${EXE} propose --query ${QUERY} -o ${OUT}-${threads} --threads ${threads} -q
                  RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0 OR NOT err STREQUAL "")
    message(FATAL_ERROR "propose --threads ${threads} failed (${rc}): ${err}")
  endif()
endforeach()
file(GLOB_RECURSE written LIST_DIRECTORIES false RELATIVE "${OUT}-1" "${OUT}-1/*")
file(GLOB_RECURSE written_2 LIST_DIRECTORIES false RELATIVE "${OUT}-2" "${OUT}-2/*")
list(LENGTH written count)
if(count LESS 34) # 4 sets of 8 files, compare.csv, compare.md
  message(FATAL_ERROR "only ${count} files written: ${written}")
endif()
if(NOT written STREQUAL written_2)
  message(FATAL_ERROR "--threads 1 and --threads 2 wrote different files: ${written} / ${written_2}")
endif()
foreach(file ${written}) # every file, the maps and reports too
  file(SHA256 "${OUT}-1/${file}" one)
  file(SHA256 "${OUT}-2/${file}" two)
  if(NOT one STREQUAL two)
    message(FATAL_ERROR "${file} differs between --threads 1 and --threads 2")
  endif()
endforeach()
file(STRINGS "${OUT}-1/compare.csv" rows)
list(LENGTH rows n)
if(NOT n EQUAL 5) # header, 3 options, status quo
  message(FATAL_ERROR "compare.csv has ${n} lines, expected 5")
endif()
foreach(i 1 2 3)
  list(GET rows ${i} row)
  if(NOT row MATCHES "^option ${i},26,.*,true,,")
    message(FATAL_ERROR "option ${i} does not meet every constraint: ${row}")
  endif()
endforeach()
list(GET rows 4 row)
if(NOT row MATCHES "^status quo,42,.*,false,\"26 footprints;")
  message(FATAL_ERROR "unexpected status quo row: ${row}")
endif()
file(READ "${OUT}-1/option-1/summary.md" summary)
foreach(line "| 26 footprints | yes | 26 footprints |" "| population at least 1,200,000, at most 3,000,000 | yes |"
             "| contiguous | yes | every footprint |" "| keep cauth23 whole | yes |")
  string(FIND "${summary}" "${line}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "option-1/summary.md lacks '${line}'")
  endif()
endforeach()
# One page: the option's title once (the run half keeps its sections, not a second title).
string(REGEX MATCHALL "(^|\n)# [^\n]*" titles "${summary}")
list(LENGTH titles n_titles)
string(FIND "${summary}" "- run of the option's footprints, written to `option-1/`" run_part)
if(NOT n_titles EQUAL 1 OR run_part EQUAL -1)
  message(FATAL_ERROR "option-1/summary.md: ${n_titles} titles (expected 1), run part at ${run_part}")
endif()
file(STRINGS "${OUT}-1/option-1/groups.csv" groups)
list(LENGTH groups g)
if(NOT g EQUAL 154) # 153 upper-tier councils + header
  message(FATAL_ERROR "groups.csv has ${g} lines, expected 154")
endif()
foreach(set option-1 option-2 option-3 status-quo)
  foreach(file footprints.geojson footprints.csv scorecard.csv scorecard.json report.html map.png summary.md groups.csv)
    if(NOT EXISTS "${OUT}-1/${set}/${file}")
      message(FATAL_ERROR "${set}/${file} was not written")
    endif()
  endforeach()
endforeach()
execute_process(COMMAND python3 ${CHECK} ${DATA} ${OUT}-1 utla23 icb24 1200000 3000000 cauth23
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "propose_check.py: ${out}${err}")
endif()
message(STATUS "${out}")
