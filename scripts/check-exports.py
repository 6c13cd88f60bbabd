#!/usr/bin/env python3
"""Reads Murmuration's data exports back with the tools analysts use, and checks they agree.

Usage: check-exports.py GRAPHML GEXF ELEMENTS_CSV RELATIONS_CSV

GraphML and GEXF are read with networkx (the reader behind many analysts' notebooks and close
to what Gephi, yEd and Cytoscape accept); the CSV pair with Python's csv module. Each graph must
have one node per element row and one edge per relation row, with the same kind, parent and flow
attributes (medium, volume, direction) and the same policy cascade (a rule's level and owner, a
routine's steps with their days, a barrier's claimed rule, the step a rule governs). Prints a one-line JSON summary; exits 1 on any mismatch,
2 when networkx is missing (so a caller can skip rather than fail).
"""

import csv
import json
import sys

try:
    import networkx as nx
except ImportError:  # pragma: no cover - depends on the machine
    print("networkx is not installed (pip install networkx)", file=sys.stderr)
    sys.exit(2)


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def edges_by_id(graph):
    """Edge attributes keyed by the relation id, for simple and multi graphs alike."""
    found = {}
    if graph.is_multigraph():
        for source, target, key, data in graph.edges(keys=True, data=True):
            found[str(data.get("id", key))] = (source, target, data)
    else:
        for source, target, data in graph.edges(data=True):
            found[str(data.get("id"))] = (source, target, data)
    return found


def check(name, graph, elements, relations, problems):
    if graph.number_of_nodes() != len(elements):
        problems.append(f"{name}: {graph.number_of_nodes()} nodes, {len(elements)} elements")
    if graph.number_of_edges() != len(relations):
        problems.append(f"{name}: {graph.number_of_edges()} edges, {len(relations)} relations")
    for row in elements:
        data = graph.nodes.get(row["id"])
        if data is None:
            problems.append(f"{name}: no node {row['id']}")
            continue
        if data.get("kind") != row["kind"]:
            problems.append(f"{name}: {row['id']} kind {data.get('kind')!r} != {row['kind']!r}")
        if (data.get("parent") or "") != row["parent"]:
            problems.append(f"{name}: {row['id']} parent {data.get('parent')!r} != {row['parent']!r}")
        for attribute in ("level", "owner", "steps"):
            if str(data.get(attribute) or "") != row[attribute]:
                problems.append(f"{name}: {row['id']} {attribute} {data.get(attribute)!r} != {row[attribute]!r}")
    edges = edges_by_id(graph)
    for row in relations:
        edge = edges.get(row["id"])
        if edge is None:
            problems.append(f"{name}: no edge {row['id']}")
            continue
        source, target, data = edge
        if (source, target) != (row["source"], row["target"]):
            problems.append(f"{name}: {row['id']} runs {source}->{target}")
        if data.get("kind") != row["kind"]:
            problems.append(f"{name}: {row['id']} kind {data.get('kind')!r} != {row['kind']!r}")
        if row["kind"] == "flow":
            for attribute in ("medium", "direction"):
                if data.get(attribute) != row[attribute]:
                    problems.append(f"{name}: {row['id']} {attribute} {data.get(attribute)!r}")
            if int(data.get("volume", -1)) != int(row["volume"]):
                problems.append(f"{name}: {row['id']} volume {data.get('volume')!r}")
        if str(data.get("claims") or "") != row["claims"]:
            problems.append(f"{name}: {row['id']} claims {data.get('claims')!r} != {row['claims']!r}")
        if str(data.get("step") or "") != row["step"]:
            problems.append(f"{name}: {row['id']} step {data.get('step')!r} != {row['step']!r}")


def main(argv):
    if len(argv) != 5:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 1
    graphml_path, gexf_path, elements_path, relations_path = argv[1:]
    elements, relations = rows(elements_path), rows(relations_path)
    problems = []
    graphml = nx.read_graphml(graphml_path, force_multigraph=True)
    # networkx keeps GraphML's edge id as the multigraph key.
    check("graphml", graphml, elements, relations, problems)
    gexf = nx.read_gexf(gexf_path)
    check("gexf", gexf, elements, relations, problems)
    summary = {
        "elements": len(elements),
        "relations": len(relations),
        "graphml": [graphml.number_of_nodes(), graphml.number_of_edges()],
        "gexf": [gexf.number_of_nodes(), gexf.number_of_edges()],
        "problems": problems[:20],
    }
    print(json.dumps(summary))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
