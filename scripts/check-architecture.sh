#!/usr/bin/env bash
# The invariants in ARCHITECTURE.md that a script can check. Prints each breach; exits 1 on any.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
fail=0
breach() { echo "architecture: $*" >&2; fail=1; }

# The core has no Tauri and no window in its dependency tree.
if cargo tree -p murmuration-core -e normal,build --prefix none 2>/dev/null | grep -Eiq '^(tauri|wry|tao|webkit2gtk|gtk)[ -]'; then
  breach "murmuration-core depends on a window or Tauri crate: $(cargo tree -p murmuration-core -e normal,build --prefix none | grep -Ei '^(tauri|wry|tao|webkit2gtk|gtk)[ -]' | sort -u | tr '\n' ' ')"
fi
# The UI never touches storage or the file system directly: it calls the generated commands.
if grep -rEn "@tauri-apps/plugin-(fs|sql|shell|http)|from ['\"]@tauri-apps/api/core['\"]" ui/src --include='*.ts' --include='*.tsx' | grep -v '^ui/src/bindings.ts:'; then
  breach "the UI must reach the core only through ui/src/bindings.ts"
fi
# A petgraph index never leaves the core's analysis: petgraph is used in core/src/analysis only.
if grep -rln "petgraph" src-tauri/src tests core/src --include='*.rs' 2>/dev/null | grep -v '^core/src/analysis/'; then
  breach "petgraph is used outside core/src/analysis"
fi
# Only the store touches SQLite.
if grep -rln "rusqlite" core/src src-tauri/src --include='*.rs' | grep -v -e '^core/src/store/' -e '^core/src/error.rs$'; then
  breach "SQLite is used outside core/src/store/"
fi
# Names say what things are.
if grep -rEn "\b(struct|enum|trait|fn|mod|class|function|interface|type)\s+\w*(Manager|Service|Helper|Utils?)\b" core/src src-tauri/src ui/src tests --include='*.rs' --include='*.ts' --include='*.tsx' 2>/dev/null; then
  breach "no Manager/Service/Helper/Utils names"
fi
# Every Rust module says why it exists.
for f in $(git ls-files 'core/src/*.rs' 'core/src/**/*.rs' 'src-tauri/src/*.rs' 'tests/**/*.rs'); do
  head -n 3 "$f" | grep -q '^//!' || breach "$f has no //! header saying why it exists"
done
# Nothing remote in the UI: no http(s) URLs in what the window loads.
if grep -rEn "https?://" ui/index.html ui/src --include='*.ts' --include='*.tsx' --include='*.css' --include='*.html' | grep -v '^ui/src/bindings.ts:' | grep -v 'www.w3.org/2000/svg'; then
  breach "the UI refers to a remote URL"
fi
# The CSP allows no remote origin.
if python3 -c 'import json,sys; c=json.load(open("src-tauri/tauri.conf.json"))["app"]["security"]["csp"]; sys.exit(0 if ("http" in c.replace("http://ipc.localhost","")) or ("unsafe-eval" in c) else 1)'; then
  breach "the CSP names a remote origin or allows eval"
fi
[ $fail = 0 ] && echo "architecture: all invariants hold"
exit $fail
