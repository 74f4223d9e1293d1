#!/usr/bin/env bash
# Installs what is missing, builds Wirescope (incrementally) and launches the window.
# The embedded demo server starts with it, so everything works offline.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/deps.sh"
cd "$root"
cmake --preset release >/dev/null
cmake --build --preset release --target wirescope
exec "$root/build/release/app/wirescope" "$@"
