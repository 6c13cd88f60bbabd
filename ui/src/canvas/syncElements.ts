// Brings the live Cytoscape graph in line with the elements a view should show, changing only
// what differs: an edit elsewhere must not restart layouts, lose the selection or flash the canvas.
import type { Core, ElementDefinition, NodeSingular, SingularElementArgument } from "cytoscape";

/** Where an element keeps the classes that came from the snapshot, to tell them from the canvas's own. */
const SNAPSHOT_CLASSES = "snapshotClasses";

/**
 * `classesForNew` gives elements added now the canvas's own classes (level of detail and the like)
 * as they are added: adding a class afterwards would style a big map's elements a second time.
 */
export function syncElements(cy: Core, definitions: ElementDefinition[], classesForNew: (d: ElementDefinition) => string[] = () => []): void {
  const wanted = new Map(definitions.map((d) => [String(d.data.id), d]));
  const nodes = definitions.filter((d) => d.group === "nodes");
  const edges = definitions.filter((d) => d.group === "edges");
  cy.batch(() => {
    cy.elements()
      .filter((ele) => !wanted.has(ele.id()) || (ele.isEdge() && endsChanged(ele, wanted.get(ele.id())!)))
      .remove();
    for (const definition of parentsFirst(nodes)) syncNode(cy, definition, classesForNew);
    for (const definition of edges) {
      const existing = cy.getElementById(String(definition.data.id));
      if (existing.empty()) add(cy, definition, classesForNew);
      else update(existing, definition);
    }
  });
}

/**
 * Brings just these elements and relations (by id) in line with their definitions: added, updated,
 * moved into another group, or removed where the definition is `null`. Everything else on the
 * canvas is left alone, so the cost is what a change touched, not what the map holds.
 */
export function syncTouched(
  cy: Core,
  { nodes, edges }: { nodes: Map<string, ElementDefinition | null>; edges: Map<string, ElementDefinition | null> },
  classesForNew: (d: ElementDefinition) => string[] = () => [],
): void {
  const kept = (defs: Map<string, ElementDefinition | null>) => [...defs.values()].filter((d): d is ElementDefinition => d !== null);
  const gone = (defs: Map<string, ElementDefinition | null>) => [...defs].filter(([, d]) => d === null).map(([id]) => id);
  cy.batch(() => {
    for (const [id, definition] of edges) {
      const edge = cy.getElementById(id);
      if (edge.nonempty() && (definition === null || endsChanged(edge, definition))) edge.remove();
    }
    // Children taken out of a group that goes are moved out before it is removed with what it holds.
    for (const definition of parentsFirst(kept(nodes))) syncNode(cy, definition, classesForNew);
    for (const id of gone(nodes)) cy.getElementById(id).remove();
    for (const definition of kept(edges)) {
      const existing = cy.getElementById(String(definition.data.id));
      if (existing.empty()) add(cy, definition, classesForNew);
      else update(existing, definition);
    }
  });
}

function endsChanged(edge: { data(key: string): unknown }, definition: ElementDefinition): boolean {
  return edge.data("source") !== definition.data.source || edge.data("target") !== definition.data.target;
}

function syncNode(cy: Core, definition: ElementDefinition, classesForNew: (d: ElementDefinition) => string[]): void {
  const id = String(definition.data.id);
  const existing = cy.getElementById(id) as NodeSingular;
  if (existing.empty()) {
    add(cy, definition, classesForNew);
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
  // Only what differs is set: setting data or classes re-styles the element even when nothing
  // changed, and a new snapshot of a big map would re-style thousands of elements for one edit.
  const { parent: _parent, ...data } = definition.data as Record<string, unknown>;
  const changed = Object.entries(data).filter(([key, value]) => !sameValue(ele.data(key), value));
  if (changed.length > 0) ele.data(Object.fromEntries(changed));
  const wanted = classList(definition);
  const had: string[] = ele.scratch(SNAPSHOT_CLASSES) ?? [];
  const gone = had.filter((c) => !wanted.includes(c));
  if (gone.length > 0) ele.removeClass(gone.join(" "));
  const added = wanted.filter((c) => !ele.hasClass(c));
  if (added.length > 0) ele.addClass(added.join(" "));
  ele.scratch(SNAPSHOT_CLASSES, wanted);
}

/** Data values are strings, numbers, booleans or small arrays of them. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  return false;
}

function classList(definition: ElementDefinition): string[] {
  return String(definition.classes ?? "").split(" ").filter(Boolean);
}

function add(cy: Core, definition: ElementDefinition, classesForNew: (d: ElementDefinition) => string[]): void {
  const own = classList(definition);
  const classes = [...own, ...classesForNew(definition)].join(" ");
  cy.add({ ...definition, classes }).scratch(SNAPSHOT_CLASSES, own);
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

/**
 * Adds those of `definitions` that are not on the canvas yet (relations only where both ends are),
 * leaving everything else as it is: a big map's relations that are hidden at overview zoom arrive
 * after its first drawing, a slice at a time.
 */
export function addMissing(cy: Core, definitions: ElementDefinition[], classesForNew: (d: ElementDefinition) => string[]): void {
  cy.batch(() => {
    for (const definition of definitions) {
      if (cy.getElementById(String(definition.data.id)).nonempty()) continue;
      if (definition.group === "edges" && !(endExists(cy, definition.data.source) && endExists(cy, definition.data.target))) continue;
      add(cy, definition, classesForNew);
    }
  });
}

function endExists(cy: Core, id: unknown): boolean {
  return cy.getElementById(String(id)).nonempty();
}
