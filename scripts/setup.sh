#!/usr/bin/env bash
# Installs what Murmuration needs on Debian/Ubuntu. Idempotent: a second run checks and skips.
#   scripts/setup.sh         what building and running the app needs
#   scripts/setup.sh --test  that, plus what the test suite needs (Xvfb, WebKitWebDriver, tauri-driver)
# Sourced by run-app.sh and run-tests.sh; also runs on its own.
set -euo pipefail

want_tests=false
[ "${1:-}" = "--test" ] && want_tests=true
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/murmuration/target}"
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# System libraries for the WebKitGTK window, and for the tests a virtual display and WebDriver.
packages=(build-essential pkg-config curl libwebkit2gtk-4.1-dev libxdo-dev libssl-dev libayatana-appindicator3-dev librsvg2-dev)
$want_tests && packages+=(xvfb xauth x11-utils imagemagick xdotool webkit2gtk-driver poppler-utils fonts-dejavu-core python3 python3-pip)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "Installing system packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Rust (the toolchain in rust-toolchain.toml is whatever rustup provides; Debian's own rustc is too old).
if ! command -v cargo >/dev/null 2>&1; then
  say "Installing Rust with rustup"
  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal --component clippy,rustfmt
fi
if ! cargo clippy --version >/dev/null 2>&1 || ! cargo fmt --version >/dev/null 2>&1; then
  rustup component add clippy rustfmt
fi

# Node.js 20.19+ for the UI build (Vite 7).
node_ok() { command -v node >/dev/null 2>&1 && node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; }
if ! node_ok; then
  say "Installing Node.js and npm"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  node_ok || { echo "Murmuration needs Node.js 20.19 or newer; this system's is $(node --version 2>/dev/null)." >&2; exit 1; }
fi

# The UI's npm packages, reinstalled only when the lock file or a patch to a package changes
# (ui/patches: fixes to packages, applied by patch-package; see ui/patches/README.md).
stamp="$root/ui/node_modules/.package-lock.sha"
lock_sha="$(cat "$root/ui/package-lock.json" "$root"/ui/patches/*.patch | sha256sum | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sha" ]; then
  say "Installing the UI's npm packages"
  (cd "$root/ui" && npm ci --no-audit --no-fund --loglevel=error && npx --no-install patch-package >/dev/null)
  echo "$lock_sha" > "$stamp"
fi

# networkx reads the GraphML and GEXF exports back in the exchange tests.
if $want_tests && ! python3 -c 'import networkx' 2>/dev/null; then
  say "Installing networkx (Python) for the export read-back tests"
  python3 -m pip install --quiet networkx 2>/dev/null \
    || python3 -m pip install --quiet --break-system-packages networkx 2>/dev/null \
    || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-networkx >/dev/null
fi

if $want_tests && ! command -v tauri-driver >/dev/null 2>&1; then
  say "Installing tauri-driver (once; takes a few minutes)"
  cargo install tauri-driver --version 2.1.0 --locked
fi
