#!/usr/bin/env bash
# Hostile inputs (issue 11): one case per class of bad input. Each case makes its own
# fixtures in a fresh temp folder, runs the real binary, and checks the exit code, the
# one-line message, and that nothing was left half-written beside the inputs.
# Usage: input_cases.sh CASE COTERM FIXTURES_DIR
set -uo pipefail
case_name=$1 exe=$2 fixtures=$3
work=$(mktemp -d "${TMPDIR:-/tmp}/coterm-hostile-in.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"
export COTERM_DATA="$work"
fail() { echo "FAIL $case_name: $*" >&2; echo "--- stdout:" >&2; cat out.txt >&2 2>/dev/null; echo "--- stderr:" >&2; cat err.txt >&2 2>/dev/null; exit 1; }

# run EXIT ARGS...: runs coterm with stdout/stderr captured, checks the exit code.
run() {
  local want=$1; shift
  "$exe" "$@" >out.txt 2>err.txt
  local rc=$?
  [[ $rc == "$want" ]] || fail "exit $rc, expected $want"
}
# one_error REGEX: stderr is exactly one line, 'coterm: error: ' matching REGEX.
one_error() {
  [[ $(wc -l <err.txt) == 1 ]] || fail "the error is not one line"
  grep -Eq "^coterm: error: $1" err.txt || fail "stderr does not match: $1"
}
# untouched: the folder holds only what the case made (no output, no temp file).
untouched() {
  local now
  now=$(ls -A | grep -vx -e out.txt -e err.txt | sort | tr '\n' ' ')
  [[ "$now" == "$before" ]] || fail "files left behind: '$now' (before: '$before')"
}
snapshot() { before=$(ls -A | grep -vx -e out.txt -e err.txt | sort | tr '\n' ' '); }

# Source areas (the fixtures' quarters and halves, EPSG:27700) and a tidy values file.
cp "$fixtures/quarters.geojson" "$fixtures/halves.geojson" "$fixtures/cells.geojson" "$fixtures/cells_pop.csv" .
weights=(--weights cells.geojson --weights-data cells_pop.csv --weights-var pop)
# By area the west half gets Q1 + Q3, the east half Q2 + Q4 (tests/cli/cases.cmake).
area_args=(--from quarters.geojson --to halves.geojson --weight area "${weights[@]}" -q)

case "$case_name" in
csv_cr_only)
  # Excel for Mac: lone CRs end lines. The declared variable must be moved, not dropped.
  printf 'area_code,variable,value\rQ1,spend,10\rQ2,spend,20\rQ3,spend,30\rQ4,spend,40\r' >cr.csv
  run 0 apportion --data cr.csv --extensive spend "${area_args[@]}"
  grep -q '^H-W,west half,150,40,' out.txt && grep -q '^H-E,east half,30,60,' out.txt || fail "spend not apportioned from a CR-only file"
  ;;
csv_header_only)
  printf 'area_code,variable,value\n' >empty.csv
  snapshot
  run 1 apportion --data empty.csv --extensive spend "${area_args[@]}" -o result.csv
  one_error "empty.csv: the file has a header and no rows$"
  untouched
  ;;
declared_missing)
  # --intensive names a variable the file does not hold: an error, never a silent drop.
  printf 'area_code,variable,value\nQ1,spend,10\nQ2,spend,20\n' >v.csv
  snapshot
  run 2 apportion --data v.csv --extensive spend --intensive life_expectancy "${area_args[@]}" -o result.csv
  one_error "v.csv: no variable 'life_expectancy' \(named by --intensive\).*variables: spend$"
  untouched
  ;;
duplicate_column)
  printf 'area_code,variable,value,value\nQ1,spend,10,11\n' >dup.csv
  snapshot
  run 1 apportion --data dup.csv --extensive spend "${area_args[@]}" -o result.csv
  one_error "dup.csv: line 1: column 'value' appears twice in the header$"
  untouched
  ;;
plus_minus)
  # "+-5" is not a number: left out and reported, never read as -5.
  printf 'area_code,variable,value\nQ1,spend,+-5\nQ2,spend,20\n' >pm.csv
  "$exe" apportion --data pm.csv --extensive spend --from quarters.geojson --to halves.geojson --weight area \
    "${weights[@]}" >out.txt 2>err.txt || fail "exit $?"
  grep -q 'values are not numbers.*+-5' err.txt || fail "+-5 not reported as a value problem"
  grep -q -- '-5' out.txt && fail "+-5 was read as a number"
  grep -q '^H-E,east half,30,20,' out.txt || fail "the valid value was not apportioned"
  ;;
data_directory)
  mkdir adir
  snapshot
  run 1 apportion --data adir --extensive spend "${area_args[@]}"
  one_error "cannot read 'adir': it is a directory, not a values file$"
  untouched
  ;;
data_pipe)
  # Process substitution: a pipe with no size.
  printf 'area_code,variable,value\nQ1,spend,10\nQ2,spend,20\nQ3,spend,30\nQ4,spend,40\n' | gzip >v.csv.gz
  run 0 apportion --data <(zcat v.csv.gz) --extensive spend "${area_args[@]}"
  grep -q '^H-E,east half,30,60,' out.txt || fail "values from a pipe not apportioned"
  ;;
money_large)
  # A £1.12e15 total: no exponent, pennies, and no false leak from rounding.
  printf 'area_code,variable,value\nQ1,gbp,280000000000000.01\nQ2,gbp,280000000000000.02\nQ3,gbp,280000000000000.03\nQ4,gbp,279999999999999.94\n' >big.csv
  "$exe" apportion --data big.csv --extensive gbp --from quarters.geojson --to halves.geojson --weight area \
    "${weights[@]}" >out.txt 2>err.txt || fail "exit $?"
  grep -q 'e+' out.txt err.txt && fail "a number printed with an exponent"
  grep -q 'in 1120000000000000.00, out 1120000000000000.00, outside every halves.geojson 0.00$' err.txt ||
    fail "conservation line wrong"
  ;;
query_not_utf8)
  printf 'name = "x"\ntitle = "Caf\xe9"\n[footprints]\nlayer = "quarters.geojson"\n' >q.toml
  snapshot
  run 2 run q.toml
  one_error "q.toml: invalid UTF-8 at byte 23; query files are UTF-8 text$"
  untouched
  ;;
csv_not_utf8)
  printf 'area_code,variable,value\nQ1,sp\xe9nd,10\n' >latin1.csv
  snapshot
  run 1 apportion --data latin1.csv --extensive spend "${area_args[@]}" -o result.csv
  one_error "latin1.csv: invalid UTF-8 at byte 30 \(line 2\); save the file as UTF-8"
  untouched
  ;;
names_not_utf8)
  # A layer (GDAL's CSV driver, WKT geometry, no CRS) whose names are Latin-1: replaced by
  # U+FFFD with a warning, so the GeoJSON written is valid UTF-8 JSON.
  printf 'code,name,WKT\nA,Caf\xe9,"POLYGON((400000 300000,401000 300000,401000 302000,400000 302000,400000 300000))"\n' >latin1_layer.csv
  "$exe" overlap latin1_layer.csv halves.geojson --assume-crs EPSG:27700 --a-code code --a-name name \
    --format geojson >out.txt 2>err.txt || fail "exit $?"
  grep -q "warning: latin1_layer.csv: 1 features with invalid UTF-8 in their code or name, replaced by U+FFFD (A)" \
    err.txt || fail "no warning about the replaced name"
  python3 -c 'import json,sys; json.load(open("out.txt", encoding="utf-8", errors="strict"))' ||
    fail "output is not valid UTF-8 JSON"
  ;;
coords_nan)
  # NaN in a layer already in EPSG:27700: an error naming the layer and feature.
  # (GDAL's GeoJSON reader takes the NaN literal; its WKT reader drops the geometry.)
  printf '{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::27700"}},"features":[{"type":"Feature","properties":{"code":"A"},"geometry":{"type":"Polygon","coordinates":[[[400000,300000],[401000,300000],[NaN,302000],[400000,300000]]]}}]}' >nan.geojson
  snapshot
  run 1 overlap nan.geojson halves.geojson -o pieces.csv
  one_error "nan.geojson: feature 'A': non-finite coordinate \(NaN, 302000\) at polygon 1, ring 1, vertex 3$"
  untouched
  ;;
coords_far)
  printf 'code,WKT\nA,"POLYGON((400000 300000,1e300 300000,401000 302000,400000 300000))"\nB,"POLYGON((400000 300000,401000 300000,401000 302000,400000 300000))"\n' >far.csv
  "$exe" overlap far.csv halves.geojson --assume-crs EPSG:27700 --a-code code >out.txt 2>err.txt
  grep -q "warning: far.csv: 1 features with coordinates far outside the British National Grid's area of use (e.g. A)" \
    err.txt || fail "no warning about far coordinates"
  ;;
gpkg_undefined_srs)
  # A GeoPackage whose SRS is "Undefined" (srs_id 0 or -1): --assume-crs applies, and
  # without it the error says so. The GeoPackage is written by coterm, then edited.
  command -v sqlite3 >/dev/null || fail "sqlite3 is needed (tools/install-deps installs it)"
  "$exe" footprint --blocks quarters.geojson --by halves.geojson "${weights[@]}" -q -o fp.gpkg || fail "footprint"
  for id in 0 -1; do
    cp fp.gpkg "u$id.gpkg"
    sqlite3 "u$id.gpkg" "UPDATE gpkg_geometry_columns SET srs_id = $id; UPDATE gpkg_contents SET srs_id = $id;"
    run 1 overlap "u$id.gpkg" halves.geojson --a-code code -q
    one_error "u$id.gpkg: the layer's CRS is undefined \('Undefined (geographic|Cartesian) SRS'\); give one with --assume-crs"
    run 0 overlap "u$id.gpkg" halves.geojson --a-code code --assume-crs EPSG:27700 -q
    grep -q '^H-W,west half,H-W,west half,2000000.000000,1,1$' out.txt || fail "srs_id $id with --assume-crs EPSG:27700: wrong pieces"
  done
  ;;
*)
  fail "unknown case"
  ;;
esac
echo "ok $case_name"
