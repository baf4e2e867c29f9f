#!/usr/bin/env bash
# Runs a test stage with a deadline, so a hang fails the stage with its name instead of
# eating CI's whole budget in silence.   with-deadline.sh SECONDS NAME COMMAND...
set -uo pipefail
seconds=$1 name=$2
shift 2
# timeout signals the whole process group: cargo's test binaries and node's Chromium go too.
timeout --kill-after=30 "$seconds" "$@"
status=$?
if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
  echo "$name did not finish within $seconds s and was stopped: something hangs (that is a bug, not a slow machine)" >&2
fi
exit "$status"
