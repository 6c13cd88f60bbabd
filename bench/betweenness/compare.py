"""Helpers for compare.sh: generate the graph, time networkx and python-igraph, check agreement.

  python3 compare.py generate N M SEED FILE     a G(n, m) random graph as an edge list ("# nodes N" first)
  python3 compare.py igraph FILE SCORES         exact betweenness with python-igraph (C, one thread)
  python3 compare.py networkx FILE [K]          exact with networkx; with K, time K sources and scale by N/K
  python3 compare.py check A B                  largest difference between two score files
Each timing prints one JSON line.
"""
import json
import sys
import time


def read(path):
    n, edges = None, []
    with open(path) as f:
        for line in f:
            if line.startswith("# nodes "):
                n = int(line.split()[2])
            elif line.strip() and not line.startswith("#"):
                a, b = line.split()
                edges.append((int(a), int(b)))
    return n, edges


def generate(n, m, seed, path):
    import networkx as nx

    g = nx.gnm_random_graph(int(n), int(m), seed=int(seed))
    with open(path, "w") as f:
        f.write(f"# nodes {g.number_of_nodes()}\n")
        for a, b in g.edges():
            f.write(f"{a} {b}\n")
    print(json.dumps({"generated": path, "nodes": g.number_of_nodes(), "edges": g.number_of_edges()}))


def igraph_run(path, out):
    import igraph as ig

    n, edges = read(path)
    g = ig.Graph(n=n, edges=edges, directed=False)
    start = time.perf_counter()
    raw = g.betweenness(directed=False)
    seconds = time.perf_counter() - start
    # igraph counts each unordered pair once; networkx's normalisation divides by (n-1)(n-2)/2.
    scale = 2.0 / ((n - 1) * (n - 2))
    with open(out, "w") as f:
        for v, x in enumerate(raw):
            f.write(f"{v} {x * scale:.17e}\n")
    print(json.dumps({"tool": "python-igraph", "version": ig.__version__, "nodes": n,
                      "edges": len(edges), "threads": 1, "seconds": round(seconds, 4)}))


def networkx_run(path, k=None):
    import networkx as nx

    n, edges = read(path)
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(edges)
    start = time.perf_counter()
    if k:
        nx.betweenness_centrality(g, k=int(k), normalized=True, seed=1)
    else:
        nx.betweenness_centrality(g, normalized=True)
    seconds = time.perf_counter() - start
    full = seconds * n / int(k) if k else seconds
    print(json.dumps({"tool": "networkx", "version": nx.__version__, "nodes": n, "edges": len(edges),
                      "threads": 1, "sources_timed": int(k) if k else n,
                      "seconds": round(full, 4), "measured_seconds": round(seconds, 4)}))


def check(a, b):
    def load(p):
        with open(p) as f:
            return {int(l.split()[0]): float(l.split()[1]) for l in f if l.strip()}

    x, y = load(a), load(b)
    assert x.keys() == y.keys(), "different nodes"
    print(json.dumps({"max_abs_difference": max(abs(x[v] - y[v]) for v in x)}))


if __name__ == "__main__":
    cmd, *args = sys.argv[1:]
    {"generate": generate, "igraph": igraph_run, "networkx": networkx_run, "check": check}[cmd](*args)
