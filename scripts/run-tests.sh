#!/usr/bin/env bash
# Installs what is needed and runs every test: formatting, lints, the architecture's invariants,
# the UI's unit tests, the core's tests and the end-to-end tests of the real app window.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/setup.sh" --test
cd "$root"

say "Formatting (cargo fmt --check)"
cargo fmt --all --check

say "Architecture invariants"
bash scripts/check-architecture.sh

log="$(mktemp)"
trap 'rm -f "$log"' EXIT

say "UI: type check, build, unit tests"
npm --prefix ui run build --silent >/dev/null
npm --prefix ui test --silent 2>&1 | tee -a "$log"

say "Lints (clippy, warnings denied)"
cargo clippy --workspace --all-targets --locked -- -D warnings

say "Building the app for the end-to-end tests"
cargo build --locked -p murmuration

say "Tests: core, shell, command line and the real window"
cargo test --workspace --locked 2>&1 | tee -a "$log"

# One closing line for the whole suite: cargo's and vitest's counts added up.
plain="$(sed 's/\x1b\[[0-9;]*m//g' "$log")"
passed=$( { grep -oE 'test result: .* ([0-9]+) passed' <<<"$plain" | grep -oE '[0-9]+ passed'; grep -E '^ *Tests +[0-9]+ passed' <<<"$plain" | grep -oE '[0-9]+ passed'; } | awk '{s+=$1} END {print s+0}')
failed=$(grep -oE '[0-9]+ failed' <<<"$plain" | awk '{s+=$1} END {print s+0}')
echo "all: $passed passed, $failed failed"
