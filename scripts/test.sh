#!/usr/bin/env bash
# Installs what is missing, builds everything with warnings as errors, and runs the
# whole suite (offscreen GUI tests, real peers, a bounded libFuzzer run per parser).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/deps.sh"
cd "$root"
jobs=$(nproc)
export QT_QPA_PLATFORM=offscreen

cmake --preset debug >/dev/null
cmake --build --preset debug -j "$jobs"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$jobs" --target fuzzers

status=0
ctest --preset debug -j "$jobs" --timeout 300 || status=1
ctest --preset fuzz --timeout 300 || status=1
exit $status
