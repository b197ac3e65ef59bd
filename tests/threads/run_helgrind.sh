#!/usr/bin/env bash
# Runs coterm under valgrind's helgrind with two worker threads and fails on any
# reported race not in helgrind.supp (docs/architecture.md, "Threads and GEOS
# contexts"). Usage: run_helgrind.sh COTERM FIXTURES_DIR
set -uo pipefail
exe=$1 fixtures=$2
here=$(cd "$(dirname "$0")" && pwd)
command -v valgrind >/dev/null || { echo "valgrind is needed (tools/install-deps installs it)" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/coterm-helgrind.XXXXXX")
trap 'rm -rf "$work"' EXIT
status=0
check() {
  local name=$1; shift
  valgrind --tool=helgrind --track-lockorders=no --error-exitcode=3 --suppressions="$here/helgrind.supp" \
    --log-file="$work/$name.log" "$exe" "$@" --threads 2 -q >"$work/$name.out" 2>"$work/$name.err"
  local rc=$?
  # validate exits 1 when it finds problems; 3 is helgrind's own exit code.
  if [[ $rc == 3 ]] || ! grep -q "ERROR SUMMARY: 0 errors" "$work/$name.log"; then
    echo "helgrind: $name: races reported:" >&2
    grep -E "Possible data race|^==[0-9]+==    (at|by)" "$work/$name.log" | head -60 >&2
    status=1
  else
    echo "helgrind: $name: $(grep -o 'ERROR SUMMARY.*' "$work/$name.log")"
  fi
}
F=$fixtures
check overlap overlap "$F/shifted.geojson" "$F/wiggly_quarters.geojson"
check validate validate "$F/wiggly_quarters.geojson"
# Four layers, six pairs: the scorecard scores its pairs side by side, one thread each.
check scorecard score --scorecard "$F/halves.geojson" "$F/quarters.geojson" "$F/shifted.geojson" "$F/wiggly_quarters.geojson"
exit $status
