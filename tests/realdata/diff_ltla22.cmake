# SPDX-License-Identifier: MIT
# `coterm diff ltla22 ltla24` on the mirror: ltla22 is built on first use into this test's
# own cache folder (the data directory is only read). The 2023 reorganisations must be
# merges (Cumberland, Westmorland and Furness, North Yorkshire, Somerset) and the only other
# change the one LSOA the two lookups place differently (West Northamptonshire/Cherwell,
# a reshaped pair); diff_ltla22_ltla24.py recounts every changed pair from the lookup CSVs
# and the Census populations.
# -DEXE= -DDATA= -DOUT= -DCHECK= (the python script)
file(REMOVE_RECURSE "${OUT}/run")
set(ENV{COTERM_CACHE} "${OUT}/cache")
execute_process(COMMAND ${EXE} diff ltla22 ltla24 --data ${DATA} -o ${OUT}/run --compare icb24 utla23
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "coterm diff ltla22 ltla24 failed (${rc}): ${err}")
endif()
message(STATUS "${err}")
file(READ "${OUT}/run/changes.json" json)
string(JSON merged GET "${json}" summary events_merged)
string(JSON reshaped GET "${json}" summary events_reshaped)
string(JSON n_events LENGTH "${json}" events)
if(NOT merged EQUAL 4 OR NOT reshaped EQUAL 1 OR NOT n_events EQUAL 5)
  message(FATAL_ERROR "expected 4 merges and 1 reshaped change, nothing else; got ${n_events} changes:\n${json}")
endif()
file(READ "${OUT}/run/diff.md" md)
# Whole lines of diff.md, found as literal text (a regex would read each "|" as "or").
foreach(line
    "| 1 | merged | Allerdale (E07000026), Carlisle (E07000028), Copeland (E07000029) | Cumberland (E06000063) | 273,279 | 273,279 |"
    "| 2 | merged | Barrow-in-Furness (E07000027), Eden (E07000030), South Lakeland (E07000031) | Westmorland and Furness (E06000064) | 226,586 | 226,586 |"
    "| 3 | merged | Craven (E07000163), Hambleton (E07000164), Harrogate (E07000165), Richmondshire (E07000166), Ryedale (E07000167), Scarborough (E07000168), Selby (E07000169) | North Yorkshire (E06000065) | 615,496 | 615,496 |"
    "| 4 | merged | Mendip (E07000187), Sedgemoor (E07000188), South Somerset (E07000189), Somerset West and Taunton (E07000246) | Somerset (E06000066) | 571,499 | 571,499 |"
    "| 5 | reshaped | West Northamptonshire (E06000062), Cherwell (E07000177) | West Northamptonshire (E06000062), Cherwell (E07000177) | 586,730 | 1,914 |"
    "- #5 moved: West Northamptonshire (E06000062) → Cherwell (E07000177): 1 block, 1,914 people: E01027305 West Northamptonshire 048E (1,914)"
    "- #4 moved: Mendip (E07000187) → Somerset (E06000066): 67 blocks, 116,104 people"
    "13 units split by ltla22, 15 by ltla24."
    "- new split: NHS Humber and North Yorkshire Integrated Care Board (E54000051), 1,697,332 people"
    "- new split: NHS Northamptonshire Integrated Care Board (E54000059), 785,238 people"
    "1 unit split by ltla22, 0 by ltla24."
    "- split removed: Oxfordshire (E10000025), 727,213 people")
  string(FIND "${md}" "${line}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "diff.md lacks the line\n  ${line}\n${md}")
  endif()
endforeach()
execute_process(COMMAND python3 ${CHECK} ${DATA} ${OUT}/run RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the lookups disagree with coterm:\n${out}${err}")
endif()
message(STATUS "${out}")
