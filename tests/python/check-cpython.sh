#!/usr/bin/env bash
# Re-verify the Python differential corpus against CPython.
#
# Runs every case under tests/python/{cases,nondeterministic,errors} RUNS times (default 3) with
# python3 (unbuffered, as the corpus harness runs it, so that lines several processes print come
# out in the order printed), each as `main.py` in a fresh temporary directory (so tracebacks say
# File "main.py"), and
# reports any file whose stdout (and, for errors/, normalised stderr) varies between runs, any
# run slower than LIMIT seconds (default 1), and any cases/ or nondeterministic/ file that exits
# non-zero or any errors/ file that exits zero.
# Files in nondeterministic/ are compared under their first-line invariant:
#   # invariant: same-lines              -> sorted stdout must be equal across runs
#   # invariant: per-thread-order P1 P2 -> for each prefix, the subsequence of lines starting
#                                          with it (and the subsequence of lines starting with
#                                          none of them) must be equal across runs
#
# Usage: tests/python/check-cpython.sh [RUNS] [FILE...]
#        SHOW=1 prints what is compared (stdout, or stdout + normalised stderr) from the first run.
#        LIMIT=2.5 changes the per-run time limit (seconds, default 1; it includes interpreter
#        start-up, so a heavily loaded machine can trip it); PYTHON=python3.11 picks the interpreter.
# Exit status: 0 if everything passed, 1 otherwise.
set -u
here="$(cd "$(dirname "$0")" && pwd)"
runs=3
if [ "$#" -gt 0 ] && [[ "$1" =~ ^[0-9]+$ ]]; then
    runs="$1"
    shift
fi
limit_ms="$(awk -v s="${LIMIT:-1}" 'BEGIN { printf "%d", s * 1000 }')"
py="${PYTHON:-python3}"

if [ "$#" -gt 0 ]; then
    files=("$@")
else
    files=("$here"/cases/*.py "$here"/nondeterministic/*.py "$here"/errors/*.py)
fi

# The stderr normalisation described in README.md ("How a case is compared"):
# 1. drop caret-only lines (only spaces, ^ and ~, with at least one ^ or ~);
# 2. File "/any/dir/main.py" -> File "main.py";
# 3. drop frames of other files (their File line and the indented source line after it).
normalize_stderr() {
    awk '
        skip_source && /^    / && !/^  File "/ { skip_source = 0; next }
        { skip_source = 0 }
        /^[ ^~]*$/ && /[\^~]/ { next }
        /^  File "/ {
            if (match($0, /^  File "([^"]*\/)?main\.py"/)) {
                sub(/^  File "([^"]*\/)?main\.py"/, "  File \"main.py\"")
            } else { skip_source = 1; next }
        }
        { print }
    '
}

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
        TIMEFORMAT='%3R %3U %3S'
        { time (cd "$d" && PYTHONUNBUFFERED=1 "$py" main.py >"$d/out" 2>"$d/err"); } 2>"$d/time"
        rc=$?
        read -r wall_ms cpu_ms < <(awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }' "$d/time")
        if [ "$wall_ms" -gt "$limit_ms" ]; then
            # CPU time tells a heavy case (high) from a busy machine (low)
            problems+=" slow(run $i: ${wall_ms}ms wall, ${cpu_ms}ms cpu)"
        fi
        if [ "$kind" = errors ]; then
            [ "$rc" -eq 0 ] && problems+=" exit0(run $i)"
            { cat "$d/out"; echo "--- stderr ---"; normalize_stderr <"$d/err"; } >"$d/key"
        else
            [ "$rc" -ne 0 ] && problems+=" exit$rc(run $i)"
            case "$invariant" in
                same-lines*) sort "$d/out" >"$d/key" ;;
                per-thread-order*)
                    # one subsequence per prefix, plus one for lines matching no prefix
                    awk -v prefixes="${invariant#per-thread-order}" '
                        BEGIN { n = split(prefixes, p, " ") }
                        { for (i = 1; i <= n; i++) if (index($0, p[i]) == 1) { seq[i] = seq[i] $0 "\n"; next }
                          seq[0] = seq[0] $0 "\n" }
                        END { for (i = 0; i <= n; i++) printf "[%s]\n%s", (i ? p[i] : "other"), seq[i] }
                    ' "$d/out" >"$d/key" ;;
                *) cp "$d/out" "$d/key" ;;
            esac
        fi
        if [ -n "${SHOW:-}" ] && [ "$i" = 1 ]; then echo "=== $name"; cat "$d/key"; fi
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
