#!/usr/bin/env bash
# Re-verify the Python differential corpus against CPython.
#
# Runs every case under tests/python/{cases,nondeterministic,errors} RUNS times (default 3) with
# python3, each as `main.py` in a fresh temporary directory (so tracebacks say File "main.py"), and
# reports any file whose stdout (and, for errors/, caret-stripped stderr) varies between runs, any
# run slower than LIMIT seconds (default 1), and any cases/ or nondeterministic/ file that exits
# non-zero or any errors/ file that exits zero.
# Files in nondeterministic/ are compared under their first-line invariant:
#   # invariant: same-lines              -> sorted stdout must be equal across runs
#   # invariant: per-thread-order P1 P2 -> for each prefix, the subsequence of lines starting
#                                          with it must be equal across runs
#
# Usage: tests/python/check-cpython.sh [RUNS] [FILE...]
# Exit status: 0 if everything passed, 1 otherwise.
set -u
here="$(cd "$(dirname "$0")" && pwd)"
runs="${1:-3}"
shift || true
limit="${LIMIT:-1}"
py="${PYTHON:-python3}"

if [ "$#" -gt 0 ]; then
    files=("$@")
else
    files=("$here"/cases/*.py "$here"/nondeterministic/*.py "$here"/errors/*.py)
fi

strip_carets() { grep -Ev '^[ ^~]*$' || true; }

bad=0
count=0
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

for f in "${files[@]}"; do
    [ -f "$f" ] || continue
    count=$((count + 1))
    name="$(basename "$(dirname "$f")")/$(basename "$f")"
    kind="$(basename "$(dirname "$f")")"
    invariant="$(head -n1 "$f" | sed -n 's/^# invariant: *//p')"
    problems=""
    first=""
    for i in $(seq 1 "$runs"); do
        d="$tmp/run"
        rm -rf "$d" && mkdir -p "$d"
        cp "$f" "$d/main.py"
        start=$(date +%s%N)
        (cd "$d" && "$py" main.py >"$d/out" 2>"$d/err")
        rc=$?
        end=$(date +%s%N)
        ms=$(( (end - start) / 1000000 ))
        if [ "$ms" -gt $((limit * 1000)) ]; then
            problems+=" slow(run $i: ${ms}ms)"
        fi
        if [ "$kind" = errors ]; then
            [ "$rc" -eq 0 ] && problems+=" exit0(run $i)"
            { cat "$d/out"; echo "--- stderr ---"; strip_carets <"$d/err"; } >"$d/key"
        else
            [ "$rc" -ne 0 ] && problems+=" exit$rc(run $i)"
            case "$invariant" in
                same-lines*) sort "$d/out" >"$d/key" ;;
                per-thread-order*)
                    : >"$d/key"
                    for p in ${invariant#per-thread-order}; do
                        echo "[$p]" >>"$d/key"
                        awk -v p="$p" 'index($0, p) == 1' "$d/out" >>"$d/key"
                    done ;;
                *) cp "$d/out" "$d/key" ;;
            esac
        fi
        if [ -z "$first" ]; then
            first="$tmp/first"
            cp "$d/key" "$first"
        elif ! cmp -s "$first" "$d/key"; then
            problems+=" differs(run $i)"
        fi
    done
    if [ -n "$problems" ]; then
        echo "FAIL $name:$problems"
        bad=$((bad + 1))
    fi
done
echo "checked $count files x $runs runs: $bad with problems"
[ "$bad" -eq 0 ]
