#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Output formats by extension through GDAL, source filters and standard input, and the
# provenance of outputs (issue 15 items 1, 2, 5). Each case works in a fresh temporary
# folder and checks exit code, message and the written file with GDAL's tools.
#   formats.sh CASE COTERM FIXTURES WORKDIR      exit 0 pass, 1 fail, 77 skipped
set -uo pipefail
case_name=$1 coterm=$2 fx=$3
# shellcheck source=../case_helpers.sh
source "$(dirname "$0")/../case_helpers.sh"
has() { grep -Eq -- "$2" "$1" || fail "$1 does not match /$2/"; }
lacks() { grep -Eq -- "$2" "$1" && fail "$1 matches /$2/"; return 0; }
# info FILE [LAYER]: ogrinfo's summary of FILE in info.txt.
info() {
  command -v ogrinfo >/dev/null || skip "ogrinfo (gdal-bin) is not installed"
  ogrinfo -so -al "$@" >info.txt 2>&1 || { cat info.txt >&2; fail "ogrinfo cannot read $1"; }
}
no_temps() { [[ -z $(find . -maxdepth 1 -name '.coterm-tmp-*') ]] || fail "temporaries left"; }
q="$fx/quarters.geojson" h="$fx/halves.geojson"

case $case_name in

# ---- 1. formats follow the extension; geo formats through GDAL ----
gpkg_by_extension) # overlap -o x.gpkg writes a GeoPackage (it used to write CSV into it)
  run 0 overlap "$q" "$h" -q -o pairs.gpkg
  info pairs.gpkg
  has info.txt "using driver .GPKG."
  has info.txt "^Layer name: overlap"
  has info.txt "^Geometry: Multi Polygon"
  has info.txt "^Feature Count: 4$"
  has info.txt "^share_of_a: Real"
  has info.txt "^area_m2: Real"
  if /usr/bin/python3 -c "import osgeo_utils.samples.validate_gpkg" 2>/dev/null; then
    /usr/bin/python3 -m osgeo_utils.samples.validate_gpkg pairs.gpkg >val.txt 2>&1 || { cat val.txt >&2; fail "GDAL's GeoPackage validator refuses it"; }
  fi
  no_temps ;;

fgb_by_extension) # .fgb: FlatGeobuf through GDAL, every pair
  run 0 overlap "$q" "$h" -q -o pairs.fgb
  info pairs.fgb
  has info.txt "using driver .FlatGeobuf."
  has info.txt "^Feature Count: 4$"
  has info.txt "^Geometry: Multi Polygon"
  has info.txt "^share_of_b: Real"
  no_temps ;;

geojson_types) # quarters in halves: every share_of_a is 1, still Real; one geometry type
  run 0 overlap "$q" "$h" -q -o pairs.geojson
  info pairs.geojson
  has info.txt "^Geometry: Multi Polygon"
  has info.txt "^share_of_a: Real"
  has info.txt "^share_of_b: Real"
  has pairs.geojson '"share_of_a": 1[.]0,'
  lacks pairs.geojson '"type":"Polygon"' ;;

json_by_extension) # -o x.json is JSON without --format
  run 0 overlap "$q" "$h" -q -o pairs.json
  has pairs.json '^  "provenance": [{]"schema": "coterm-output/1"'
  has pairs.json '^  "rows": \[' ;;

format_disagrees) # --format and the extension disagree: exit 2, nothing written
  run 2 overlap "$q" "$h" -q -o pairs.gpkg --format csv
  error "--format csv disagrees with the extension of 'pairs.gpkg' [(]GPKG[)]"
  [[ ! -e pairs.gpkg ]] || fail "pairs.gpkg was written" ;;

unknown_extension) # an extension no format claims, without --format
  run 2 overlap "$q" "$h" -q -o pairs.xyz
  error "cannot tell the format of 'pairs.xyz' from its extension; give --format"
  run 0 overlap "$q" "$h" -q -o pairs.xyz --format csv
  has pairs.xyz '^a_code,a_name,b_code' ;;

gdal_to_stdout) # a GeoPackage needs a file
  run 2 overlap "$q" "$h" -q --format gpkg
  error "a GPKG output needs a file: give -o FILE" ;;

shapefile_refused) # several files cannot be replaced in one step
  run 2 overlap "$q" "$h" -q -o pairs.shp
  error "writes several files"
  [[ -z $(ls) ]] || fail "files left: $(ls)" ;;

score_gpkg_attributes) # a table without geometry: a GeoPackage attributes table
  run 0 score "$q" "$h" -q -o units.gpkg
  info units.gpkg
  has info.txt "^Layer name: units"
  has info.txt "^Geometry: None"
  has info.txt "^Feature Count: 4$"
  has info.txt "^splits: String"
  command -v sqlite3 >/dev/null && { [[ $(sqlite3 units.gpkg "select data_type from gpkg_contents") == attributes ]] || fail "not an attributes table"; }
  if /usr/bin/python3 -c "import osgeo_utils.samples.validate_gpkg" 2>/dev/null; then
    /usr/bin/python3 -m osgeo_utils.samples.validate_gpkg units.gpkg >val.txt 2>&1 || { cat val.txt >&2; fail "GDAL's GeoPackage validator refuses it"; }
  fi ;;

score_fgb_refused) # FlatGeobuf cannot hold a table without geometry; GeoJSON is not offered
  run 2 score "$q" "$h" -q -o units.fgb
  error "score writes a table without geometry, which FlatGeobuf cannot hold"
  run 2 score "$q" "$h" -q -o units.geojson
  error "score does not write geojson"
  [[ -z $(ls) ]] || fail "files left: $(ls)" ;;

score_json_lists) # lists are JSON arrays; CSV keeps ';'
  run 0 score "$fx/shifted.geojson" "$q" -q -o units.json
  has units.json '"parts": \["Q2:0[.]25", "Q4:0[.]25", "Q1:0[.]125", "Q3:0[.]125"\]'
  has units.json '"splits": \["Q1", "Q2", "Q3", "Q4"\]'
  has units.json '"uncertain_with": \[\]'
  run 0 score "$fx/shifted.geojson" "$q" -q -o units.csv
  has units.csv ',Q2:0[.]25;Q4:0[.]25;Q1:0[.]125;Q3:0[.]125,Q1;Q2;Q3;Q4,' ;;

gpkg_overwrite_keeps_layers) # a second command's table goes beside the first
  run 0 overlap "$q" "$h" -q -o both.gpkg
  run 2 score "$q" "$h" -q -o both.gpkg
  error "exists; give --overwrite"
  run 0 score "$q" "$h" -q -o both.gpkg --overwrite
  info both.gpkg overlap
  has info.txt "^Feature Count: 4$"
  info both.gpkg units
  has info.txt "^Geometry: None" ;;

# ---- 2. sources: filters, SQL, FILE:LAYER, standard input ----
where_filter) # --a-where keeps only the matching features
  run 0 overlap "$q" "$h" -q --a-where "q_code IN ('Q1', 'Q3')"
  [[ $(tail -n +2 "$O" | cut -d, -f1 | sort | tr '\n' ' ') == "Q1 Q3 " ]] || fail "rows: $(cat "$O")"
  run 0 overlap "$q" "$h" -q --b-where "code = 'H-W'"
  [[ $(tail -n +2 "$O" | wc -l) == 2 ]] || fail "rows: $(cat "$O")" ;;

where_selects_nothing)
  run 1 overlap "$q" "$h" -q --b-where "code = 'nowhere'"
  error "halves.geojson: --b-where 'code = .nowhere.' selects no feature" ;;

bad_where) # refused by OGR SQL at once (GeoJSON), or by SQLite at the first read (GeoPackage)
  run 2 overlap "$q" "$h" -q --a-where "no_such_field = 1"
  error "^coterm: error: --a-where 'no_such_field = 1' on .*quarters.geojson: "
  command -v ogr2ogr >/dev/null || skip "ogr2ogr (gdal-bin) is not installed"
  ogr2ogr -f GPKG h.gpkg "$h" || fail "ogr2ogr"
  run 2 overlap "$q" h.gpkg -q --b-where "no_such_field = 1"
  error "^coterm: error: --b-where 'no_such_field = 1' on h.gpkg: " ;;

sql_source) # --b-sql reads a statement's result
  run 0 overlap "$q" "$h" -q --b-sql "SELECT * FROM halves WHERE code = 'H-E'"
  [[ $(tail -n +2 "$O" | cut -d, -f3 | sort -u) == "H-E" ]] || fail "rows: $(cat "$O")"
  run 2 overlap "$q" "$h" -q --b-sql "SELECT * FROM nosuchtable"
  error "--b-sql on .*halves.geojson: " ;;

file_colon_layer) # a layer of a multi-layer GeoPackage: FILE:LAYER and --a-layer agree
  command -v ogr2ogr >/dev/null || skip "ogr2ogr (gdal-bin) is not installed"
  ogr2ogr -f GPKG two.gpkg "$q" -nln quarters && ogr2ogr -update two.gpkg "$h" -nln halves || fail "ogr2ogr"
  run 0 overlap two.gpkg:quarters two.gpkg:halves -q
  cp "$O" colon.csv
  run 0 overlap two.gpkg two.gpkg --a-layer quarters --b-layer halves -q
  cmp -s "$O" colon.csv || fail "FILE:LAYER and --a-layer differ"
  run 2 overlap two.gpkg "$h" -q
  error "the source holds 2 layers [(]quarters, halves[)]; choose one with --a-layer or FILE:LAYER" ;;

layer_not_found) # the layer is named, not a missing code field
  command -v ogr2ogr >/dev/null || skip "ogr2ogr (gdal-bin) is not installed"
  ogr2ogr -f GPKG two.gpkg "$q" -nln quarters || fail "ogr2ogr"
  run 2 overlap two.gpkg:quartres "$h" -q
  error "layer 'quartres' not found in two.gpkg [(]did you mean 'quarters'[?][)]" ;;

stdin_geojson) # - reads GeoJSON from standard input
  "$coterm" overlap - "$h" -q <"$q" >"$O" 2>"$E" || fail "exited $?"
  "$coterm" overlap "$q" "$h" -q >file.csv 2>>"$E" || fail "the file run failed"
  cmp -s "$O" file.csv || fail "standard input and the file differ" ;;

stdin_csv) # apportion --data - reads the values from standard input
  "$coterm" apportion --data - --from "$q" --to "$h" --weight area --var spend --extensive spend -q -o from_stdin.json \
    <"$fx/quarter_values.csv" 2>"$E" || fail "exited $?"
  "$coterm" apportion --data "$fx/quarter_values.csv" --from "$q" --to "$h" --weight area --var spend \
    --extensive spend -q -o from_file.json 2>>"$E" || fail "the file run failed"
  sum=$(sha256sum <"$fx/quarter_values.csv" | cut -d' ' -f1)
  has from_stdin.json "\\{\"path\": \"-\", \"sha256\": \"$sum\"\\}"
  diff <(grep -v provenance from_stdin.json) <(grep -v provenance from_file.json) >/dev/null ||
    fail "standard input and the file give different numbers" ;;

postgis_table_not_found) # a private PostGIS cluster: a missing table is named, a table is read and counted
  pgbin=/usr/lib/postgresql/15/bin
  [[ -x $pgbin/initdb ]] && command -v psql >/dev/null && command -v ogr2ogr >/dev/null ||
    skip "PostgreSQL 15 with psql and ogr2ogr is not installed"
  [[ -e /usr/share/postgresql/15/extension/postgis.control ]] || skip "PostGIS is not installed"
  as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  mkdir pg && { [[ $(id -u) -ne 0 ]] || chown postgres pg; }
  port=$((50000 + $$ % 10000))
  as_pg "$pgbin/initdb" -D "$T/pg/data" -A trust -U postgres >/dev/null 2>&1 || skip "initdb failed"
  as_pg "$pgbin/pg_ctl" -D "$T/pg/data" -l "$T/pg/log" -w -o "-p $port -k $T/pg -c listen_addresses=127.0.0.1" \
    start >/dev/null 2>&1 || skip "the cluster did not start"
  trap 'as_pg "$pgbin/pg_ctl" -D "$T/pg/data" -m fast stop >/dev/null 2>&1' EXIT
  pg="host=127.0.0.1 port=$port user=postgres dbname=postgres"
  psql "$pg" -qAt -c "CREATE EXTENSION postgis" >/dev/null || fail "CREATE EXTENSION postgis"
  ogr2ogr -f PostgreSQL PG:"$pg" "$h" -nln halves || fail "ogr2ogr to PostGIS"
  run 2 overlap "$q" "PG:$pg password=s3cr3t" -q --b-layer halfs
  error "table 'halfs' not found in PG:.*password=[*]{3} [(]did you mean 'halves'[?][)]"
  run 1 overlap "$q" "PG:$pg tables=nosuch" -q
  error "table 'nosuch' not found in PG:host=127[.]0[.]0[.]1 "
  lacks "$E" "no code field found"
  run 0 overlap "$q" "PG:$pg password=s3cr3t" -q --b-layer halves --b-where "code = 'H-W'" -o pg.json
  has pg.json '"path": "PG:host=127[.]0[.]0[.]1 [^"]*password=[*]{3}", "layer": "halves", "features": 1'
  lacks pg.json s3cr3t ;;

# ---- 5. provenance ----
provenance_inputs) # each input's path as given and its SHA-256; the options; no output path
  cp "$q" "$h" .
  run 0 overlap quarters.geojson halves.geojson --min-share 0.1 --threads 1 -q -o out.json
  qs=$(sha256sum quarters.geojson | cut -d' ' -f1) hs=$(sha256sum halves.geojson | cut -d' ' -f1)
  has out.json "\"inputs\": \\[\\{\"path\": \"halves.geojson\", \"layer\": \"halves\", \"sha256\": \"$hs\"\\}, \\{\"path\": \"quarters.geojson\", \"layer\": \"quarters\", \"sha256\": \"$qs\"\\}\\]"
  has out.json '"command": "overlap", "options": \{"A": "quarters.geojson", "B": "halves.geojson", "--min-share": "0.1"\}'
  v=$("$coterm" --version | tr '\n' ' ')
  gdal=$(sed -n 's/.*"gdal": "\([^"]*\)".*/\1/p' out.json) geos=$(sed -n 's/.*"geos": "\([^"]*\)".*/\1/p' out.json)
  [[ $v == *"GDAL $gdal,"* && $v == *"GEOS $geos,"* ]] || fail "versions $gdal $geos are not those of --version: $v"
  lacks out.json "out.json|--threads|$T"
  run 0 overlap quarters.geojson halves.geojson -q -o out.geojson
  has out.geojson '^\{"type":"FeatureCollection","provenance":\{"schema": "coterm-output/1"' ;;

provenance_secret) # a password in a layer option or path never reaches the provenance
  cp "$q" "password=s3cr3t.geojson"
  run 0 overlap "password=s3cr3t.geojson" "$h" -q -o out.json
  has out.json '"A": "password=[*]{3}'
  lacks out.json s3cr3t ;;

footprint_where) # the blocks of a footprint filtered: only the south quarters
  run 0 footprint --blocks "$q" --blocks-where "q_name LIKE 'south%'" --by "$h" \
    --weights "$fx/cells.geojson" --weights-data "$fx/cells_pop.csv" --weights-var pop -q -o fp.csv
  has fp.csv ',1,Q1,'
  has fp.csv ',1,Q2,'
  lacks fp.csv 'Q3|Q4' ;;

*) fail "no such case" ;;
esac
echo "PASS [$case_name]"
