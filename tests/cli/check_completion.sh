#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Sources the bash completion script and calls its function as bash would, checking the
# candidates. Usage: check_completion.sh EXE SCRIPT
set -uo pipefail
exe=$1 script=$2
# shellcheck source=/dev/null
source "$script" || { echo "check_completion: cannot source $script" >&2; exit 1; }
complete -p coterm | grep -q -- "-F _coterm" || { echo "check_completion: no 'complete -F _coterm coterm'" >&2; exit 1; }
failures=0
expect() { # expect "word1 word2 …" -- words of the line, the last being completed
  local want=$1; shift
  COMP_WORDS=("$exe" "$@"); COMP_CWORD=$(($# )); COMPREPLY=()
  _coterm
  local got=" ${COMPREPLY[*]} "
  for w in $want; do
    if [[ $got != *" $w "* ]]; then
      echo "check_completion: 'coterm $*' offers [${COMPREPLY[*]}], missing '$w'" >&2
      failures=$((failures + 1))
    fi
  done
}
reject() { # reject WORD -- words: WORD must not be offered
  local bad=$1; shift
  COMP_WORDS=("$exe" "$@"); COMP_CWORD=$(($# )); COMPREPLY=()
  _coterm
  if [[ " ${COMPREPLY[*]} " == *" $bad "* ]]; then
    echo "check_completion: 'coterm $*' offers '$bad'" >&2
    failures=$((failures + 1))
  fi
}
expect "overlap" ov
expect "apportion" app
expect "--threads" overlap a.gpkg --thr
expect "--progress --quiet" overlap --
expect "csv json geojson" overlap ltla24 icb24 --format ""
expect "text csv json" layers --format ""
expect "ltla24 ltla24-gen" overlap lt
expect "icb24 icb22-gen" apportion --to ic
expect "fetch" data f
expect "overlap" help ove
expect "area population" score --weight ""
reject "overlap" overlap ltla24 ov
expect "--where --sql --against-where --against-sql" validate ltla24 --
expect "--where --sql" map ltla24 --
expect "--blocks-where --blocks-sql" propose --
expect "--a-where --b-sql --blocks-where" diff --
reject "ltla24" validate ltla24 --where ""
reject "ltla24" overlap ltla24 icb24 --b-sql ""
((failures == 0)) || exit 1
echo "check_completion: ok"
