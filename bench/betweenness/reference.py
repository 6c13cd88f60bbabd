"""Reference values from networkx for core/tests/analysis.rs.

Writes core/tests/fixtures/betweenness_<name>.json for a few graphs: Zachary's karate club (shipped
with networkx), random G(n, m) graphs (one with isolated nodes, one disconnected), a
Barabási–Albert graph, a star and a path. Each file holds the nodes (as strings, in order), the
edges, networkx's betweenness_centrality(G, normalized=True), its articulation points and bridges.

Run from the repository root:  python3 bench/betweenness/reference.py   (needs: pip install networkx)
"""
import json
import pathlib

import networkx as nx

OUT = pathlib.Path("core/tests/fixtures")


def graphs():
    yield "karate", nx.karate_club_graph()
    yield "gnm_60_120", nx.gnm_random_graph(60, 120, seed=1)
    # Sparse enough to leave isolated nodes and several components.
    yield "gnm_80_70", nx.gnm_random_graph(80, 70, seed=2)
    yield "gnm_200_800", nx.gnm_random_graph(200, 800, seed=3)
    yield "barabasi_150_2", nx.barabasi_albert_graph(150, 2, seed=4)
    yield "star_7", nx.star_graph(6)
    yield "path_9", nx.path_graph(9)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for name, g in graphs():
        g = nx.Graph(g)  # simple and undirected, weights dropped
        nodes = [str(v) for v in g.nodes()]
        bc = nx.betweenness_centrality(g, normalized=True)
        doc = {
            "name": name,
            "networkx": nx.__version__,
            "nodes": nodes,
            "edges": [[str(a), str(b)] for a, b in g.edges()],
            "betweenness": {str(v): bc[v] for v in g.nodes()},
            "articulation_points": sorted(str(v) for v in nx.articulation_points(g)),
            "bridges": sorted(sorted([str(a), str(b)]) for a, b in nx.bridges(g)),
        }
        path = OUT / f"betweenness_{name}.json"
        path.write_text(json.dumps(doc, indent=1) + "\n")
        print(f"wrote {path}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")


if __name__ == "__main__":
    main()
