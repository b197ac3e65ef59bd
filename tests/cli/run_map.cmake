# SPDX-License-Identifier: MIT
# `coterm map` end to end on the fixtures: an overlap's pieces (GeoJSON, WGS 84, codes
# repeated, one piece without geometry) coloured by share_of_a with the quarters outlined, to PNG (size and DPI read
# back from the file's IHDR and pHYs chunks), SVG (rendered by rsvg-convert), PDF (read by
# pdfinfo) and HTML (one shape per piece); overwrite and extension rules.
# -DEXE= -DF=fixtures folder -DOUT=work folder
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")
function(run expect_rc)
  execute_process(COMMAND ${EXE} ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL expect_rc)
    message(FATAL_ERROR "coterm ${ARGN}: exit ${rc}, expected ${expect_rc}: ${err}")
  endif()
  set(err "${err}" PARENT_SCOPE)
endfunction()
run(0 overlap ${F}/shifted.geojson ${F}/quarters.geojson -q --format geojson -o ${OUT}/pieces.geojson)
set(common ${OUT}/pieces.geojson --code a_code --name a_name --color share_of_a --outline ${F}/quarters.geojson)

run(0 map ${common} -o ${OUT}/map.png --width 640 --dpi 96)
if(NOT err MATCHES "coterm: map .*pieces.geojson: 4 areas coloured by share_of_a [(][0-9] classes")
  message(FATAL_ERROR "unexpected summary: ${err}")
endif()
file(READ ${OUT}/map.png head LIMIT 80 HEX)
# Signature, IHDR length 13, "IHDR", width 640 (0x280); then (after sRGB) pHYs 3780 px/m
# both ways, unit metre.
if(NOT head MATCHES "^89504e470d0a1a0a0000000d4948445200000280")
  message(FATAL_ERROR "map.png: not a 640 pixel wide PNG: ${head}")
endif()
if(NOT head MATCHES "0000000970485973(00000ec4)(00000ec4)01")
  message(FATAL_ERROR "map.png: no 96 dpi pHYs chunk in its header: ${head}")
endif()

run(2 map ${common} -o ${OUT}/map.png)
if(NOT err MATCHES "^coterm: error: '.*map.png' exists; give --overwrite to replace it")
  message(FATAL_ERROR "refusing to overwrite: unexpected message: ${err}")
endif()
run(0 map ${common} -o ${OUT}/map.png --overwrite -q --width 300 --height 300)
file(READ ${OUT}/map.png head LIMIT 24 HEX)
if(NOT head MATCHES "0000012c0000012c$")
  message(FATAL_ERROR "map.png: not replaced by a 300 × 300 image: ${head}")
endif()

run(0 map ${common} -o ${OUT}/map.svg -q --width 720 --dpi 72)
find_program(RSVG rsvg-convert REQUIRED)
execute_process(COMMAND ${RSVG} -o ${OUT}/svg.png ${OUT}/map.svg RESULT_VARIABLE rc ERROR_VARIABLE e)
if(NOT rc EQUAL 0 OR NOT EXISTS ${OUT}/svg.png)
  message(FATAL_ERROR "rsvg-convert cannot read map.svg: ${e}")
endif()

run(0 map ${common} -o ${OUT}/map.pdf -q --width 720 --height 576 --dpi 72)
find_program(PDFINFO pdfinfo REQUIRED)
execute_process(COMMAND ${PDFINFO} ${OUT}/map.pdf RESULT_VARIABLE rc OUTPUT_VARIABLE info ERROR_VARIABLE e)
if(NOT rc EQUAL 0 OR NOT info MATCHES "Pages: +1\n" OR NOT info MATCHES "Page size: +720 x 576 pts")
  message(FATAL_ERROR "pdfinfo on map.pdf: ${rc} ${e}\n${info}")
endif()

run(0 map ${common} -o ${OUT}/map.html -q --label)
file(READ ${OUT}/map.html html)
string(REGEX MATCHALL "<path data-i=" shapes "${html}")
list(LENGTH shapes n)
if(NOT n EQUAL 4)
  message(FATAL_ERROR "map.html: ${n} shapes, expected 4 (one per non-empty piece)")
endif()

run(2 map ${common} -o ${OUT}/map.jpg)
if(NOT err MATCHES "must end in .png, .svg, .pdf or .html")
  message(FATAL_ERROR "unexpected message for .jpg: ${err}")
endif()
run(2 map ${OUT}/pieces.geojson --code a_code --name a_name --color share_of_q -o ${OUT}/typo.png)
if(NOT err MATCHES "no field 'share_of_q' [(]did you mean 'share_of_a'[?][)]")
  message(FATAL_ERROR "unexpected message for a misspelt field: ${err}")
endif()
