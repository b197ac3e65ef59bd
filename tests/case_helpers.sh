# SPDX-License-Identifier: MIT
# Shared by the shell test scripts (tests/formats, tests/hostile): sourced after
# `case_name=$1 coterm=$2 fx=$3` are set; makes the case's own folder $T under $4 and
# enters it, and defines run / error / fail / skip. Exit 77 is ctest's SKIP_RETURN_CODE.
T="$4/$case_name"
rm -rf "$T" "$T".std* && mkdir -p "$T" || exit 1
cd "$T" || exit 1

fail() { echo "FAIL [$case_name]: $*" >&2; [[ -s $E ]] && { echo "--- stderr:" >&2; cat "$E" >&2; }; exit 1; }
skip() { echo "SKIP [$case_name]: $*"; exit 77; }

# run EXIT ARGS…: coterm with ARGS; stdout in $O, stderr in $E; checks the exit code.
O="$T.stdout" E="$T.stderr"
run() {
  local want=$1; shift
  "$coterm" "$@" >"$O" 2>"$E"
  local rc=$?
  [[ $rc == "$want" ]] || fail "coterm $* exited $rc, expected $want"
}
# error REGEX: stderr is exactly one line 'coterm: error: …' matching REGEX.
error() {
  [[ $(wc -l <"$E") == 1 ]] || fail "expected one line on stderr"
  grep -q '^coterm: error: ' "$E" || fail "stderr does not start with 'coterm: error: '"
  grep -Eq -- "$1" "$E" || fail "stderr does not match /$1/"
}
