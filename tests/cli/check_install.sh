#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `cmake --install` into a temporary prefix lays out a GIS tool: the binary, man pages,
# the catalogue and queries, bash completion; the installed binary uses the installed
# catalogue (even when the prefix is moved) and its man page reads with man -l.
# Usage: check_install.sh BUILD_DIR WORK_DIR
set -uo pipefail
build=$1 work=$2
fail() { echo "check_install: $*" >&2; exit 1; }
rm -rf "$work" && mkdir -p "$work/home" || fail "cannot make $work"
prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" >"$work/install.log" 2>&1 || fail "cmake --install failed: $(tail -3 "$work/install.log")"
for f in bin/coterm share/man/man1/coterm.1 share/man/man1/coterm-overlap.1 share/man/man1/coterm-help.1 \
         share/coterm/catalogue.toml share/coterm/queries/status-quo-icbs.toml \
         share/bash-completion/completions/coterm; do
  [[ -e "$prefix/$f" ]] || fail "$f not installed"
done
# One man page per docs/cli page.
pages=$(ls "$prefix/share/man/man1" | wc -l)
((pages >= 12)) || fail "only $pages man pages installed"

# The installed catalogue is the one used: mark a title in it, move the prefix, list.
sed -i '0,/^title = "/s//title = "INSTALLED COPY /' "$prefix/share/coterm/catalogue.toml"
mv "$prefix" "$work/moved" && prefix=$work/moved
out=$(env -u COTERM_DATA -u COTERM_CATALOGUE HOME="$work/home" "$prefix/bin/coterm" layers --format csv) ||
  fail "installed coterm layers failed"
grep -q "INSTALLED COPY" <<<"$out" || fail "installed coterm did not read share/coterm/catalogue.toml: $out"
grep -q "^icb24," <<<"$out" || fail "no icb24 in the installed catalogue"
# The default data directory of an installed coterm is the user's (nothing there: absent).
grep -qE "^icb24,[^,]*,42,(no|false)," <<<"$out" || fail "installed coterm should look in ~/.local/share/coterm: $out"
env -u COTERM_DATA HOME="$work/home" "$prefix/bin/coterm" --help | grep -q "^Examples:" || fail "installed --help"
page=$(MANPAGER=cat MANWIDTH=80 man -l "$prefix/share/man/man1/coterm.1" 2>&1) || fail "man -l coterm.1: $page"
grep -q "^NAME" <<<"$page" && grep -q "coterm" <<<"$page" || fail "man -l coterm.1 shows no NAME section: $page"
page=$(MANPAGER=cat MANWIDTH=80 man -l "$prefix/share/man/man1/coterm-overlap.1" 2>&1) || fail "man -l coterm-overlap.1"
grep -q -- "--min-share" <<<"$page" || fail "coterm-overlap.1 does not list --min-share"
# man reports roff problems on stderr; there must be none.
warnings=$(MANPAGER=cat man -l "$prefix"/share/man/man1/*.1 2>&1 >/dev/null)
[[ -z $warnings ]] || fail "man pages have roff warnings: $warnings"
rm -rf "$work"
echo "check_install: ok ($pages man pages)"
