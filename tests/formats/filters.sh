#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Source filters on every layer a command reads, and the progress of every long phase
# (issue 15 items 2, 4). Each case works in a fresh temporary folder.
#   filters.sh CASE COTERM FIXTURES WORKDIR      exit 0 pass, 1 fail, 77 skipped
# The fixtures are hand-drawn: quarters.geojson is four 1 km squares Q1 (south-west),
# Q2 (south-east), Q3 (north-west), Q4 (north-east); halves.geojson is H-W and H-E,
# each two quarters; diff/ is the grid of tests/golden/diff-fixture/DERIVATIONS.md.
set -uo pipefail
case_name=$1 coterm=$2 fx=$3
# shellcheck source=../case_helpers.sh
source "$(dirname "$0")/../case_helpers.sh"
has() { grep -Eq -- "$2" "$1" || fail "$1 does not match /$2/"; }
lacks() { grep -Eq -- "$2" "$1" && fail "$1 matches /$2/"; return 0; }
q="$fx/quarters.geojson" h="$fx/halves.geojson" d="$fx/diff"
w=(--weights "$fx/cells.geojson" --weights-data "$fx/cells_pop.csv" --weights-var pop)
dw=(--weights "$d/blocks.geojson" --weights-data "$d/blocks_pop.csv" --weights-var pop)
# bad OPTION FILE ARGS…: a filter refused by OGR is one usage error naming the option and
# the file, exit 2, and nothing is written (out.* and the folder out/ stay absent).
bad() {
  local option=$1 file=$2; shift 2
  run 2 "$@"
  error "^coterm: error: $option .*on [^ ]*$file: "
  [[ -z $(find . -maxdepth 1 -name 'out*' -o -maxdepth 1 -name '.coterm-tmp-*') ]] || fail "something was written"
}

case $case_name in

validate_where) # only the filtered features are counted and checked
  run 0 validate "$q" --where "q_code IN ('Q1', 'Q2')" -o v.json
  has v.json '"features": 2,'
  has v.json '"vertices": 10,' # two squares, five vertices each (closed rings)
  run 0 validate "$q" --sql "SELECT * FROM quarters WHERE q_code = 'Q4'"
  has "$O" '^features: 1$'
  run 1 validate "$q" --where "q_code = 'Q9'"
  error "quarters.geojson: --where 'q_code = .Q9.' selects no feature" ;;

validate_against_where) # against the west half only: the east quarters, half of the area, are outside it
  run 0 validate "$q" --against "$h" --against-where "code = 'H-W'" -q
  has "$O" '^uncovered_share: 0.5$'
  has "$O" '^against_uncovered_share: 0$'
  has "$O" '>=50%: 2 of quarters.geojson units, 2 of halves.geojson units' ;;

map_where_color) # --color's values are read under the same filter: Q2 keeps its own name
  # Unfiltered, the second read would give the first two features' names (south-west,
  # south-east) to Q2 and Q4.
  run 0 map "$q" --where "q_code IN ('Q2', 'Q4')" --color q_name -o m.html -q
  has m.html '<tr data-code="Q2"><td>Q2</td><td>south-east</td><td>south-east</td></tr>'
  has m.html '<tr data-code="Q4"><td>Q4</td><td>north-east</td><td>north-east</td></tr>'
  lacks m.html 'data-code="Q[13]"'
  run 0 map "$q" --sql "SELECT * FROM quarters WHERE q_code = 'Q3'" --color q_name -o s.html -q
  has s.html '<tr data-code="Q3"><td>Q3</td><td>north-west</td><td>north-west</td></tr>'
  lacks s.html 'data-code="Q[124]"' ;;

diff_where) # A and B filtered to the merger of Q and R into QR (80 + 100 people, as in the golden diff)
  run 0 diff "$d/before.geojson" "$d/after.geojson" --a-where "unit_code IN ('Q', 'R')" \
    --b-where "unit_code = 'QR'" "${dw[@]}" -o out -q
  has out/changes.csv '^1,merged,moved,Q,Q before,QR,Q and R merged,2,80,'
  has out/changes.csv '^1,merged,moved,R,R before,QR,Q and R merged,2,100,'
  [[ $(wc -l <out/changes.csv) == 3 ]] || fail "changes.csv holds other units"
  has out/diff.md "coterm diff before.geojson after.geojson --a-where \"unit_code IN \\('Q', 'R'\\)\""
  run 2 diff "$d/before.geojson" "$d/after.geojson" --blocks-where "x = 1" "${dw[@]}" -o out2
  error "--blocks-where and --blocks-sql filter --blocks: give --blocks LAYER too" ;;

propose_blocks_where) # the blocks are read filtered: 3 of the 4 quarters
  # The comparison layers are not in the empty data folder, so the run stops there
  # (exit 1) once the blocks are read; the progress line shows how many were.
  mkdir empty
  run 1 propose --blocks "$q" --blocks-where "q_code <> 'Q4'" --count 1 --term-weights balance=1 "${w[@]}" \
    --bound-nodes 0 --data empty --progress -o out
  has "$E" "^coterm: read .*quarters.geojson 100% \\(3/3\\)$"
  has "$E" "^coterm: build quarters.geojson 100%"
  bad --blocks-where quarters.geojson propose --blocks "$q" --blocks-where "nosuchfield = 1" --count 1 \
    --term-weights balance=1 "${w[@]}" -o out ;;

bad_filters) # every command, every filter: one line naming option and file, exit 2, nothing written
  bad --where quarters.geojson validate "$q" --where "nosuchfield = 1" -o out.json
  bad --sql quarters.geojson validate "$q" --sql "SELECT broken" -o out.json
  bad --against-where halves.geojson validate "$q" --against "$h" --against-where "nosuchfield = 1" -o out.json
  bad --against-sql halves.geojson validate "$q" --against "$h" --against-sql "SELECT broken" -o out.json
  bad --where quarters.geojson map "$q" --where "nosuchfield = 1" -o out.png
  bad --sql quarters.geojson map "$q" --sql "SELECT broken" --color q_name -o out.png
  bad --a-where quarters.geojson overlap "$q" "$h" --a-where "nosuchfield = 1" -o out.csv
  bad --b-sql halves.geojson overlap "$q" "$h" --b-sql "SELECT broken" -o out.csv
  bad --a-where quarters.geojson score "$q" "$h" --a-where "nosuchfield = 1" -o out.json
  bad --b-sql halves.geojson score "$q" "$h" --b-sql "SELECT broken" -o out.json
  bad --to-where halves.geojson apportion --data "$fx/quarter_values.csv" --from "$q" --to "$h" "${w[@]}" \
    --to-where "nosuchfield = 1" -o out.csv
  bad --from-sql quarters.geojson apportion --data "$fx/quarter_values.csv" --from "$q" --to "$h" "${w[@]}" \
    --from-sql "SELECT broken" -o out.csv
  bad --to-where halves.geojson apportion --data "$fx/practices.csv" --points --to "$h" "${w[@]}" \
    --value-column gbp --to-where "nosuchfield = 1" -o out.csv
  bad --blocks-where quarters.geojson footprint --blocks "$q" --by "$h" "${w[@]}" \
    --blocks-where "nosuchfield = 1" -o out.csv
  bad --by-sql halves.geojson footprint --blocks "$q" --by "$h" "${w[@]}" --by-sql "SELECT broken" -o out.csv
  bad --a-where before.geojson diff "$d/before.geojson" "$d/after.geojson" "${dw[@]}" --a-where "nosuchfield = 1" \
    -o out
  bad --b-sql after.geojson diff "$d/before.geojson" "$d/after.geojson" "${dw[@]}" --b-sql "SELECT broken" -o out ;;

progress_phases) # --progress into a file: every layer read and built is a phase with its name
  run 0 validate "$q" --against "$h" --progress -q
  has "$E" "^coterm: read .*quarters.geojson 100% \\(4/4\\)$"
  has "$E" "^coterm: read .*halves.geojson 100% \\(2/2\\)$"
  has "$E" "^coterm: build halves.geojson 100% \\(1/1\\)$"
  has "$E" "^coterm: overlap 100% "
  run 0 apportion --data "$fx/practices.csv" --points --to "$h" "${w[@]}" --value-column gbp --progress -q \
    -o p.csv
  has "$E" "^coterm: read .*halves.geojson 100% \\(2/2\\)$"
  has "$E" "^coterm: read .*cells.geojson 100% "
  run 0 map "$q" -o m.png --progress -q
  has "$E" "^coterm: read .*quarters.geojson 100% \\(4/4\\)$"
  has "$E" "^coterm: build quarters.geojson 100% "
  # Without --progress and off a terminal: no progress line.
  run 0 validate "$q" --against "$h" -q
  [[ -s $E ]] && fail "progress off a terminal without --progress"
  true ;;

*) fail "no such case" ;;
esac
echo "PASS [$case_name]"
