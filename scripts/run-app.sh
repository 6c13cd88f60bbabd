#!/usr/bin/env bash
# Installs what is needed, builds Murmuration (release) and opens it on the built-in sample map.
# Extra arguments go to the app, e.g. `scripts/run-app.sh my-district.murm`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/setup.sh"
cd "$root"
say "Building the UI"
npm --prefix ui run build --silent >/dev/null
say "Building the app (release)"
cargo build --release --bin murmuration
bin="$CARGO_TARGET_DIR/release/murmuration"
say "Opening $bin"
exec "$bin" "$@"
