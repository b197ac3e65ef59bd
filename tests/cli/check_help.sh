#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Help that teaches: for coterm and every command (and subcommand), `coterm help X` prints
# exactly `coterm X --help`, and that text ends with an Examples block of two command
# lines of that command; `coterm help --examples` lists them all. Usage: check_help.sh EXE
set -uo pipefail
exe=$1
fail() { echo "check_help: $*" >&2; exit 1; }

commands() { "$exe" "$@" --help | awk '/^[A-Z][a-z]*:$/ { s = ($0 == "Subcommands:"); next } s && /^  [a-z]/ { print $1 }'; }

check_one() { # words of the command, e.g. "data fetch"
  local help via_help tail
  help=$("$exe" "$@" --help) || fail "coterm $* --help failed"
  via_help=$("$exe" help "$@") || fail "coterm help $* failed"
  [[ "$help" == "$via_help" ]] || fail "coterm help $* differs from coterm $* --help"
  # The last three lines: "Examples:" then two lines "  coterm <command> …".
  tail=$(printf '%s\n' "$help" | tail -n 3)
  local first=${1:-}
  [[ $(sed -n 1p <<<"$tail") == "Examples:" ]] || fail "coterm $* --help does not end with Examples: ($tail)"
  local n=0 line
  while IFS= read -r line; do
    [[ $line == "  coterm $first"* ]] || fail "coterm $* --help: example '$line' is not a coterm $first command"
    n=$((n + 1))
  done < <(sed -n '2,3p' <<<"$tail")
  ((n == 2)) || fail "coterm $* --help: $n examples"
}

check_one
top=$(commands)
[[ -n $top ]] || fail "no commands listed by coterm --help"
for c in $top; do
  check_one "$c"
  for s in $(commands "$c"); do check_one "$c" "$s"; done
done

# Every command's examples in `help --examples`, each naming a real command.
listed=$("$exe" help --examples) || fail "coterm help --examples failed"
for c in $top; do
  [[ $(grep -c "^coterm $c\b" <<<"$listed") -ge 2 ]] || fail "help --examples lists fewer than two '$c' examples"
done
while IFS= read -r line; do
  word=$(awk '{ print $2 }' <<<"$line")
  grep -qx "$word" <<<"$top" || fail "example '$line' names no command"
done <<<"$listed"
echo "check_help: $(wc -l <<<"$listed") examples, $(wc -w <<<"$top") commands: ok"
