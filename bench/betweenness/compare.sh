#!/usr/bin/env bash
# Exact betweenness on one random graph (default 10,000 nodes, 30,000 edges), three ways, in one run:
# ours (core/examples/betweenness.rs, all cores), python-igraph (C, one thread) and networkx (pure
# Python). Checks that ours and igraph agree, then prints the ratios for docs/benchmarks.md.
#
#   bash bench/betweenness/compare.sh            # networkx on every source (~4-6 minutes)
#   NX_SOURCES=500 bash bench/betweenness/compare.sh   # networkx timed on 500 sources, scaled by n/500
#
# Needs python3 with pip (installs networkx and python-igraph) and cargo.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${N:-10000}
M=${M:-30000}
SEED=${SEED:-7}
NX_SOURCES=${NX_SOURCES:-}
HERE=bench/betweenness
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

python3 -m pip install --quiet --disable-pip-version-check networkx python-igraph
python3 $HERE/compare.py generate "$N" "$M" "$SEED" "$WORK/graph.txt"

cargo build --quiet --release -p murmuration-core --example betweenness
TARGET=${CARGO_TARGET_DIR:-target}
ours=$("$TARGET/release/examples/betweenness" "$WORK/graph.txt" --out "$WORK/ours.txt")
echo "$ours"
igraph=$(python3 $HERE/compare.py igraph "$WORK/graph.txt" "$WORK/igraph.txt")
echo "$igraph"
python3 $HERE/compare.py check "$WORK/ours.txt" "$WORK/igraph.txt"
nx=$(python3 $HERE/compare.py networkx "$WORK/graph.txt" $NX_SOURCES)
echo "$nx"

python3 - "$ours" "$igraph" "$nx" <<'PY'
import json, sys
ours, ig, nx = (json.loads(a) for a in sys.argv[1:])
print(f"ours {ours['seconds']:.3f} s on {ours['threads']} threads; igraph {ig['seconds']:.3f} s; "
      f"networkx {nx['seconds']:.1f} s" + ("" if nx['sources_timed'] == nx['nodes'] else
      f" (timed on {nx['sources_timed']} sources, scaled)"))
print(f"igraph / ours = {ig['seconds'] / ours['seconds']:.2f}x   networkx / ours = {nx['seconds'] / ours['seconds']:.0f}x")
PY
