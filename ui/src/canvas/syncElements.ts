// Brings the live Cytoscape graph in line with the elements a view should show, changing only
// what differs: an edit elsewhere must not restart layouts, lose the selection or flash the canvas.
import type { Core, ElementDefinition, NodeSingular } from "cytoscape";

/** Classes the canvas itself puts on elements (search hits, level of detail); never the snapshot's. */
export const CANVAS_CLASSES = ["found", "faded", "far", "drop-target", "connect-target"];

export function syncElements(cy: Core, definitions: ElementDefinition[]): void {
  const wanted = new Map(definitions.map((d) => [String(d.data.id), d]));
  const nodes = definitions.filter((d) => d.group === "nodes");
  const edges = definitions.filter((d) => d.group === "edges");
  cy.batch(() => {
    cy.elements()
      .filter((ele) => !wanted.has(ele.id()) || (ele.isEdge() && endsChanged(ele, wanted.get(ele.id())!)))
      .remove();
    for (const definition of parentsFirst(nodes)) syncNode(cy, definition);
    for (const definition of edges) {
      const existing = cy.getElementById(String(definition.data.id));
      if (existing.empty()) cy.add(definition);
      else update(existing, definition);
    }
  });
}

function endsChanged(edge: { data(key: string): unknown }, definition: ElementDefinition): boolean {
  return edge.data("source") !== definition.data.source || edge.data("target") !== definition.data.target;
}

function syncNode(cy: Core, definition: ElementDefinition): void {
  const id = String(definition.data.id);
  const existing = cy.getElementById(id) as NodeSingular;
  if (existing.empty()) {
    cy.add(definition);
    return;
  }
  const parent = definition.data.parent ?? null;
  const current = existing.parent().nonempty() ? existing.parent().first().id() : null;
  const node = parent === current ? existing : (existing.move({ parent }) as unknown as NodeSingular);
  update(node, definition);
}

function update(ele: { data(d: object): unknown; classes(c?: string | string[]): unknown; hasClass(c: string): boolean }, definition: ElementDefinition): void {
  const { parent: _parent, ...data } = definition.data as Record<string, unknown>;
  ele.data(data);
  const kept = CANVAS_CLASSES.filter((c) => ele.hasClass(c));
  ele.classes([...String(definition.classes ?? "").split(" ").filter(Boolean), ...kept]);
}

/** Nodes ordered so that every parent comes before its children. */
function parentsFirst(nodes: ElementDefinition[]): ElementDefinition[] {
  const byId = new Map(nodes.map((n) => [String(n.data.id), n]));
  const depth = (n: ElementDefinition, seen = new Set<string>()): number => {
    const parent = n.data.parent as string | undefined;
    if (!parent || seen.has(parent) || !byId.has(parent)) return 0;
    seen.add(parent);
    return 1 + depth(byId.get(parent)!, seen);
  };
  return [...nodes].sort((a, b) => depth(a) - depth(b));
}
