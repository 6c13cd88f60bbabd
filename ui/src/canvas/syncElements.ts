// Brings the live Cytoscape graph in line with the elements a view should show, changing only
// what differs: an edit elsewhere must not restart layouts, lose the selection or flash the canvas.
import type { Core, ElementDefinition, NodeSingular, SingularElementArgument } from "cytoscape";

/** Where an element keeps the classes that came from the snapshot, to tell them from the canvas's own. */
const SNAPSHOT_CLASSES = "snapshotClasses";

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
      if (existing.empty()) add(cy, definition);
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
    add(cy, definition);
    return;
  }
  const parent = definition.data.parent ?? null;
  const current = existing.parent().nonempty() ? existing.parent().first().id() : null;
  if (parent === current) {
    update(existing, definition);
    return;
  }
  // Moving into another group re-creates the node; it keeps its classes but not its scratch.
  const had = existing.scratch(SNAPSHOT_CLASSES);
  const moved = existing.move({ parent }) as unknown as NodeSingular;
  moved.scratch(SNAPSHOT_CLASSES, had);
  update(moved, definition);
}

/**
 * New data, and the snapshot's classes swapped for the new ones. Classes put on by the canvas,
 * lenses or scenes (a search hit, level of detail, a lens's paint) stay.
 */
function update(ele: SingularElementArgument, definition: ElementDefinition): void {
  const { parent: _parent, ...data } = definition.data as Record<string, unknown>;
  ele.data(data);
  const wanted = classList(definition);
  const had: string[] = ele.scratch(SNAPSHOT_CLASSES) ?? [];
  const gone = had.filter((c) => !wanted.includes(c));
  if (gone.length > 0) ele.removeClass(gone.join(" "));
  ele.addClass(wanted.join(" "));
  ele.scratch(SNAPSHOT_CLASSES, wanted);
}

function classList(definition: ElementDefinition): string[] {
  return String(definition.classes ?? "").split(" ").filter(Boolean);
}

function add(cy: Core, definition: ElementDefinition): void {
  cy.add(definition).scratch(SNAPSHOT_CLASSES, classList(definition));
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
