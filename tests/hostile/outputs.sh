#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Hostile cases for coterm's outputs (issue 11, items 1-5): each case makes its own
# fixtures in a fresh temporary folder and checks the exit code, the one-line message
# and what is left on disk (user files untouched, special files still special, nothing
# half-written, no temporary left).   outputs.sh CASE COTERM FIXTURES WORKDIR [FAKE_FEATURESERVER]
# Exit 0 pass, 1 fail, 77 skipped (a privilege the machine lacks: mknod, mount).
set -uo pipefail
case_name=$1 coterm=$2 fx=$3
# shellcheck source=../case_helpers.sh
source "$(dirname "$0")/../case_helpers.sh"
# no_temps DIR: no temporary of coterm's left in DIR.
no_temps() {
  local left
  left=$(find "$1" -maxdepth 1 -name '.coterm-tmp-*' | head -5)
  [[ -z $left ]] || fail "temporaries left in $1: $left"
}
same() { cmp -s "$1" "$2" || fail "$1 changed"; }

# A copy of the fixtures the run query needs, with the query in fx/query.
fixtures() {
  mkdir -p fx/query
  cp "$fx"/{quarters,halves,shifted,cells}.geojson "$fx"/{cells_pop,groups_halves,quarter_values,practices}.csv fx/
  cp "$fx/query/halves.toml" fx/query/
}
overlap() { run "$1" overlap "$fx/quarters.geojson" "$fx/halves.geojson" -q "${@:2}"; }

case $case_name in

# ---- 1. coterm run --out ----
run_user_folder) # a folder of the user's: refused, untouched
  fixtures; mkdir mine; echo "years of work" >mine/thesis.txt; cp mine/thesis.txt keep
  run 2 run fx/query/halves.toml --out mine
  error "'mine' is a folder coterm did not write .*give another --out folder"
  same keep mine/thesis.txt; [[ $(ls -A mine) == thesis.txt ]] || fail "mine/ gained files"
  no_temps . ;;

run_out_file) # a plain file: refused, untouched
  fixtures; echo "a file" >plain; cp plain keep
  run 2 run fx/query/halves.toml --out plain
  error "'plain' exists and is not a folder; give another --out folder"
  same keep plain; no_temps . ;;

run_out_inputs) # the query's own folder, the data directory, an ancestor of both: refused
  fixtures; mkdir data; cp -r fx keep
  run 2 run fx/query/halves.toml --out fx/query
  error "'fx/query' is or holds fx/query, an input of this run"
  run 2 run fx/query/halves.toml --out data --data data
  error "'data' is or holds data, an input of this run"
  # even when it carries coterm's marker (a run folder someone put the inputs in)
  echo "coterm run folder" >fx/.coterm-run
  run 2 run fx/query/halves.toml --out fx
  error "'fx' is or holds fx/query, an input of this run"
  rm fx/.coterm-run; diff -r keep fx >/dev/null || fail "the fixtures changed"
  no_temps . ; no_temps fx ;;

run_bad_name) # name = "../x" or an absolute path: refused when the query is read
  fixtures
  sed 's|^name = .*|name = "../escaped"|' fx/query/halves.toml >fx/query/up.toml
  run 2 run fx/query/up.toml
  error "up.toml: 'name' must be a plain folder name"
  sed "s|^name = .*|name = \"$T/abs\"|" fx/query/halves.toml >fx/query/abs.toml
  run 2 run fx/query/abs.toml
  error "abs.toml: 'name' must be a plain folder name"
  [[ ! -e escaped && ! -e abs && ! -e out ]] || fail "a folder was created" ;;

run_replace) # a trailing slash works; coterm's own run folder is replaced whole, no temporary left
  fixtures
  run 0 run fx/query/halves.toml --out res/ -q
  [[ -f res/.coterm-run && -f res/summary.md && -f res/footprints.geojson ]] || fail "res/ is incomplete"
  echo stale >res/extra.txt
  run 0 run fx/query/halves.toml --out res -q
  [[ ! -e res/extra.txt ]] || fail "the old result was not replaced whole"
  [[ $(ls -A res | sort | tr '\n' ' ') == ".coterm-run footprints.csv footprints.geojson map.png report.html scorecard.csv scorecard.json summary.md " ]] ||
    fail "res/ holds $(ls -A res)"
  # without --out: out/<name> beside the working folder
  run 0 run fx/query/halves.toml -q
  [[ -f out/fixture-halves/summary.md ]] || fail "out/fixture-halves was not written"
  no_temps . ; no_temps out ;;

run_killed) # SIGKILL at many moments around the end of a run: always the old or the new result, whole
  fixtures
  t0=$(date +%s%N)
  run 0 run fx/query/halves.toml --out res -q
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))  # how long a whole run takes here, now
  sed 's|^title = .*|title = "Second version"|' fx/query/halves.toml >fx/query/second.toml
  old=0 new=0
  for pct in $(seq 40 4 136); do  # kill at 40%..136% of that time (writing comes last)
    delay=$(awk -v ms="$ms" -v p="$pct" 'BEGIN { printf "%.3f", ms * p / 100000 }')
    timeout -s KILL "$delay" "$coterm" run fx/query/second.toml --out res -q 2>/dev/null
    [[ -f res/.coterm-run ]] || fail "after a kill at ${delay}s res/ has no marker"
    for f in footprints.csv footprints.geojson scorecard.csv scorecard.json summary.md; do
      [[ -s res/$f ]] || fail "after a kill at ${delay}s res/$f is missing"
    done
    case $(head -1 res/summary.md) in
      "# Fixture: quarters grouped into halves") old=$((old + 1)) ;;
      "# Second version") new=$((new + 1)); run 0 run fx/query/halves.toml --out res -q ;; # the old one back
      *) fail "after a kill at ${delay}s summary.md is neither result" ;;
    esac
  done
  echo "a run takes ${ms} ms; after the kills: old result ${old} times, new result ${new} times"
  # a later run removes what killed runs left and leaves the new result
  run 0 run fx/query/second.toml --out res -q
  head -1 res/summary.md | grep -q '^# Second version$' || fail "the last run's result is not in place"
  no_temps . ;;

run_write_fails) # a write failure (file size limit) mid-run: exit 1, old result intact, no temporary
  fixtures
  run 0 run fx/query/halves.toml --out res -q
  cp -r res keep
  sed 's|^title = .*|title = "Second version"|' fx/query/halves.toml >fx/query/second.toml
  (trap '' XFSZ; ulimit -f 1; exec "$coterm" run fx/query/second.toml --out res -q) >"$O" 2>"$E"
  rc=$?
  [[ $rc == 1 ]] || fail "a run past the file size limit exited $rc, expected 1"
  error "cannot write '.*': file too large"
  diff -r keep res >/dev/null || fail "the old result changed"
  no_temps . ;;

# ---- 2. -o: special files, links, modes, inputs ----
o_fifo) # a FIFO made here, with a reader: written through, still a FIFO
  mkfifo pipe
  timeout 20 cat pipe >got &  # the reader; bounded, should coterm never open the FIFO
  overlap 0 -o pipe
  wait
  [[ -p pipe ]] || fail "pipe is no longer a FIFO"
  "$coterm" overlap "$fx/quarters.geojson" "$fx/halves.geojson" -q >expected
  same expected got ;;

o_char_device) # a character device made here (root): written through, still a device
  mknod null c 1 3 2>/dev/null || skip "mknod needs root (CAP_MKNOD)"
  overlap 0 -o null
  [[ -c null ]] || fail "null is no longer a character device"
  [[ -s $O || -s $E ]] && fail "output went elsewhere"
  no_temps . ;;

o_symlink) # a link: its target replaced (with --overwrite), the link kept
  mkdir real; echo old >real/pairs.csv; ln -s real/pairs.csv link.csv
  overlap 2 -o link.csv
  error "'link.csv' exists; give --overwrite to replace it"
  overlap 0 -o link.csv --overwrite
  [[ -L link.csv ]] || fail "link.csv is no longer a symbolic link"
  grep -q '^a_code,' real/pairs.csv || fail "the link's target was not written"
  no_temps . ; no_temps real ;;

o_mode) # a replaced file keeps its mode
  echo old >pairs.csv; chmod 0640 pairs.csv
  overlap 0 -o pairs.csv --overwrite
  [[ $(stat -c %a pairs.csv) == 640 ]] || fail "mode is $(stat -c %a pairs.csv), expected 640"
  grep -q '^a_code,' pairs.csv || fail "not replaced"
  no_temps . ;;

o_exists) # an existing output without --overwrite: exit 2, unchanged
  echo precious >pairs.csv; cp pairs.csv keep
  overlap 2 -o pairs.csv
  error "'pairs.csv' exists; give --overwrite to replace it, or choose another output file"
  same keep pairs.csv; no_temps . ;;

o_input) # an output that is one of the inputs: exit 2 even with --overwrite, input untouched
  cp "$fx/quarters.geojson" q.geojson; cp q.geojson keep
  run 2 overlap q.geojson "$fx/halves.geojson" -q -o q.geojson --overwrite
  error "'q.geojson' is one of this command's inputs; choose another output file"
  same keep q.geojson
  cp "$fx/quarter_values.csv" values.csv; cp values.csv keep.csv; ln -s values.csv alias.csv
  run 2 apportion --data values.csv --from "$fx/quarters.geojson" --to "$fx/halves.geojson" --weight area \
    --var spend --extensive spend -q -o alias.csv --overwrite
  error "'alias.csv' is one of this command's inputs"
  same keep.csv values.csv; no_temps . ;;

# ---- 3. GeoPackages ----
gpkg_file_limit) # a file size limit while writing a GeoPackage: exit 1, nothing left
  (trap '' XFSZ; ulimit -f 64; exec "$coterm" footprint --blocks "$fx/quarters.geojson" \
     --groups "$fx/groups_halves.csv" --weights "$fx/cells.geojson" --weights-data "$fx/cells_pop.csv" \
     --weights-var pop -q -o fp.gpkg) >"$O" 2>"$E"
  rc=$?
  [[ $rc == 1 ]] || fail "exited $rc, expected 1"
  error "cannot write 'fp.gpkg'"
  [[ -z $(ls -A) ]] || fail "left behind: $(ls -A)" ;;

gpkg_full_disk) # full file systems (tmpfs of 64-124 KiB mounted here; the file is 96 KiB):
  # each write either succeeds with every feature, or exits 1 leaving nothing
  mkdir small
  mount -t tmpfs -o size=64k coterm-hostile small 2>/dev/null || skip "cannot mount a tmpfs (needs root)"
  umount small
  trap 'mountpoint -q "$T/small" && umount "$T/small"' EXIT
  failures=0
  for kib in $(seq 64 4 124); do
    mount -t tmpfs -o size=${kib}k coterm-hostile small || fail "mount ${kib}k"
    "$coterm" footprint --blocks "$fx/quarters.geojson" --groups "$fx/groups_halves.csv" \
      --weights "$fx/cells.geojson" --weights-data "$fx/cells_pop.csv" --weights-var pop -q -o small/fp.gpkg \
      >"$O" 2>"$E"
    rc=$?
    if [[ $rc == 0 ]]; then
      n=$(python3 -c 'import sqlite3; print(sqlite3.connect("small/fp.gpkg").execute("SELECT count(*) FROM footprints").fetchone()[0])' 2>&1)
      [[ $n == 2 ]] || fail "${kib} KiB: exit 0 but the GeoPackage holds: $n"
    else
      [[ $rc == 1 ]] || fail "${kib} KiB: exit $rc"
      error "cannot write 'small/fp.gpkg'"
      [[ -z $(ls -A small) ]] || fail "${kib} KiB: left behind: $(ls -A small)"
      failures=$((failures + 1))
    fi
    umount small || fail "umount"
  done
  [[ $failures -gt 0 ]] || fail "no size made the write fail" ;;

gpkg_other_layer) # an existing GeoPackage: refused without --overwrite; with it, other layers kept
  fp=(footprint --blocks "$fx/quarters.geojson" --groups "$fx/groups_halves.csv" --weights "$fx/cells.geojson"
      --weights-data "$fx/cells_pop.csv" --weights-var pop -q -o both.gpkg)
  run 0 "${fp[@]}"
  # Another layer (a GeoPackage attributes table) beside coterm's, added with SQLite.
  python3 - <<'PY' || fail "could not add a layer with python3's sqlite3"
import sqlite3
db = sqlite3.connect("both.gpkg")
db.execute("CREATE TABLE notes (fid INTEGER PRIMARY KEY AUTOINCREMENT, text TEXT)")
db.executemany("INSERT INTO notes (text) VALUES (?)", [("keep me",), ("and me",)])
db.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier) VALUES ('notes', 'attributes', 'notes')")
db.commit()
PY
  cp both.gpkg keep.gpkg
  run 2 "${fp[@]}"
  error "'both.gpkg' exists; give --overwrite to write layer 'footprints' into it [(]its other layers are kept[)]"
  same keep.gpkg both.gpkg
  run 0 "${fp[@]}" --overwrite
  python3 - <<'PY' || fail "layers after --overwrite are wrong"
import sqlite3, sys
db = sqlite3.connect("both.gpkg")
notes = [r[0] for r in db.execute("SELECT text FROM notes ORDER BY fid")]
footprints = db.execute("SELECT count(*) FROM footprints").fetchone()[0]
tables = sorted(r[0] for r in db.execute("SELECT table_name FROM gpkg_contents"))
ok = db.execute("PRAGMA integrity_check").fetchone()[0]
print(notes, footprints, tables, ok)
sys.exit(0 if notes == ["keep me", "and me"] and footprints == 2 and tables == ["footprints", "notes"] and ok == "ok" else 1)
PY
  no_temps . ;;

fetch_file_limit) # data fetch past a file size limit: exit 1, no layer stored (a later run does not
  # find a bad file "already present"); the same fetch then works. Against the local FeatureServer stand-in.
  server=${5:?fake_featureserver}
  export COTERM_CATALOGUE="$fx/fake_ons/catalogue.toml" GDAL_HTTP_RETRY_DELAY=0.1
  (trap '' XFSZ; ulimit -f 48; exec "$server" "$fx/fake_ons" -- "$coterm" data fetch blocks --ons-url '{url}' \
     --data data) >"$O" 2>"$E"
  rc=$?
  [[ $rc == 1 ]] || fail "exited $rc, expected 1"
  grep -Eq "^coterm: error: layer blocks: cannot write '.*boundaries_blocks.gpkg'" "$E" || fail "no error line for the layer"
  [[ -z $(find data -type f) ]] || fail "left behind: $(find data -type f)"
  "$server" "$fx/fake_ons" -- "$coterm" data fetch blocks --ons-url '{url}' --data data >"$O" 2>"$E" ||
    fail "the fetch without a limit failed"
  grep -q "blocks: downloaded 4 features" "$E" || fail "blocks were not downloaded"
  no_temps data/boundaries ;;

# ---- 5. secrets ----
secret_pg) # a PostgreSQL password never reaches stderr or output JSON
  for source in "PG:dbname=x host=127.0.0.1 port=1 user=u password=s3cr3t" \
                "PG:postgresql://u:s3cr3t@127.0.0.1:1/x"; do
    run 1 overlap "$source" "$fx/halves.geojson" -q --format json
    error "cannot open 'PG:.*(password=[*]{3}|u:[*]{3}@)"
    grep -q s3cr3t "$E" "$O" && fail "the password is printed"
  done
  # A source whose name carries a password is labelled without it in the JSON too.
  cp "$fx/quarters.geojson" "password=s3cr3t.geojson"
  run 0 overlap "$T/password=s3cr3t.geojson" "$fx/halves.geojson" -q --format json -o pairs.json
  grep -q '"password=[*][*][*]"' pairs.json || fail "the label is not in pairs.json, redacted"
  grep -q s3cr3t pairs.json "$E" && fail "the password is written" ;;

*) fail "no such case" ;;
esac
echo "PASS [$case_name]"
