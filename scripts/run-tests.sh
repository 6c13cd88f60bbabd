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

say "UI: type check, build, unit tests"
npm --prefix ui run build --silent >/dev/null
npm --prefix ui test --silent

say "Lints (clippy, warnings denied)"
cargo clippy --workspace --all-targets --locked -- -D warnings

say "Building the app for the end-to-end tests"
cargo build --locked -p murmuration

say "Tests: core, shell, command line and the real window"
cargo test --workspace --locked
