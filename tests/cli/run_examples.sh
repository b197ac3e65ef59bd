#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs every example that `coterm help --examples` lists (the ones every --help ends with)
# in a fresh folder holding the shipped queries and, as ons-mirror, the ONS data: each
# must exit 0 and write what its -o/--out names. Usage: run_examples.sh EXE REPO DATA WORK
set -uo pipefail
exe=$1 repo=$2 data=$3 work=$4
fail() { echo "run_examples: $*" >&2; exit 1; }
rm -rf "$work" && mkdir -p "$work" || fail "cannot make $work"
cd "$work" || exit 1
ln -s "$repo/queries" queries
ln -s "$data" ons-mirror
export COTERM_DATA=$data
n=0
while IFS= read -r line; do
  read -ra words <<<"$line"
  [[ ${words[0]} == coterm ]] || fail "example does not start with coterm: $line"
  "$exe" "${words[@]:1}" >stdout.txt 2>stderr.txt
  rc=$?
  ((rc == 0)) || fail "exit $rc: $line: $(tail -2 stderr.txt)"
  for ((i = 1; i < ${#words[@]}; i++)); do
    case ${words[i]} in
      -o | --out) [[ -e ${words[i + 1]} ]] || fail "$line: wrote no ${words[i + 1]}" ;;
    esac
  done
  [[ -s stdout.txt || " $line " == *" -o "* || " $line " == *" --out "* || " $line " == *" data fetch "* ]] ||
    fail "$line: wrote nothing"
  n=$((n + 1))
done < <("$exe" help --examples)
((n >= 20)) || fail "only $n examples"
cd / && rm -rf "$work"
echo "run_examples: $n examples ran"
