#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# CPack builds a .deb: its contents are the install layout under /usr and its Depends,
# computed by dpkg-shlibdeps, name the GDAL, GEOS and PROJ libraries.
# Usage: check_deb.sh BUILD_DIR WORK_DIR
set -uo pipefail
build=$1 work=$2
fail() { echo "check_deb: $*" >&2; exit 1; }
rm -rf "$work" && mkdir -p "$work" || fail "cannot make $work"
(cd "$work" && cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work" >cpack.log 2>&1) ||
  fail "cpack failed: $(tail -5 "$work/cpack.log")"
deb=$(ls "$work"/coterm_*.deb 2>/dev/null | head -1)
[[ -n $deb ]] || fail "no .deb written: $(ls "$work")"
contents=$(dpkg-deb -c "$deb") || fail "dpkg-deb -c failed"
for f in ./usr/bin/coterm ./usr/share/man/man1/coterm.1 ./usr/share/man/man1/coterm-overlap.1 \
         ./usr/share/coterm/catalogue.toml ./usr/share/coterm/queries/status-quo-icbs.toml \
         ./usr/share/bash-completion/completions/coterm; do
  grep -q " $f\$" <<<"$contents" || fail "$f not in $deb"
done
info=$(dpkg-deb -I "$deb") || fail "dpkg-deb -I failed"
depends=$(grep "^ Depends:" <<<"$info") || fail "no Depends in $deb"
for lib in libgdal libgeos-c libproj libcairo2 coinor-libcbc3 libc6 libstdc++6; do
  grep -q "$lib" <<<"$depends" || fail "Depends does not name $lib: $depends"
done
grep -q "^ Package: coterm$" <<<"$info" || fail "package name"
echo "check_deb: $(basename "$deb") ok;$depends"
rm -rf "$work"
