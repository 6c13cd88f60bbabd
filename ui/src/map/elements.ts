// Turns the core's snapshot into what Cytoscape draws, for one view.
//
// Network view: every element and relation; nesting (`parent`) becomes Cytoscape compound nodes.
// Org chart view: only the `reports to` lines, the elements they join and the office each person
// sits in there (the core's `chart_office`), drawn as a box around them — one tree, laid out by the
// core as paper draws it (layout/requestLayout.ts). What it leaves out is visible by absence.
//
// Everything the stylesheet needs is put in `data` (kind, medium, volume…) or `classes` (states such
// as a dissolved sprint team), so the stylesheet stays a pure function of the vocabulary. Labels,
// initials and box sizes are the core's (the snapshot's `labels`), the same as on paper.
import type { ElementDefinition } from "cytoscape";
import type { MapElement, MapRelation, MapSnapshot, View } from "./types";
import type { NodeLabel_Serialize as NodeLabel } from "../bindings";
export { LABEL_FONT_SIZE } from "./rules";

type NodeData = {
  id: string;
  parent?: string;
  name: string;
  kind: MapElement["kind"];
  label: string;
  /** Drawn size of the node's shape (groups are sized by their children instead). */
  w: number;
  h: number;
  /** The room the node and its label take, for layouts that cannot measure labels. */
  layoutW: number;
  layoutH: number;
  /** A person's initials, drawn inside their circle. */
  initials?: string;
};

type EdgeData = {
  id: string;
  source: string;
  target: string;
  kind: MapRelation["kind"];
  medium?: string;
  volume?: number;
};

/** Elements a view shows, in Cytoscape's form, with saved positions where the view has them. */
export function toCytoscapeElements(snapshot: MapSnapshot, view: View): ElementDefinition[] {
  const facts = viewFacts(snapshot, view, positionsFor(snapshot, view));
  const nodes = snapshot.elements.flatMap((element) => nodeDefinition(element, facts) ?? []);
  const edges = snapshot.relations.flatMap((relation) => edgeDefinition(relation, facts) ?? []);
  return [...nodes, ...edges];
}

/**
 * The definitions of just these elements and relations (by id), as `toCytoscapeElements` gives
 * them; `null` for those the view does not show (or the map no longer holds). What else a
 * definition depends on (a parent's being a group, an end's being on the chart) is for the caller
 * to name among the ids (see canvas/touched.ts).
 */
export function definitionsFor(
  snapshot: MapSnapshot,
  view: View,
  ids: { elements: Set<string>; relations: Set<string> },
): { nodes: Map<string, ElementDefinition | null>; edges: Map<string, ElementDefinition | null> } {
  const facts = viewFacts(snapshot, view, positionsFor(snapshot, view, ids.elements));
  const nodes = new Map<string, ElementDefinition | null>([...ids.elements].map((id) => [id, null]));
  const edges = new Map<string, ElementDefinition | null>([...ids.relations].map((id) => [id, null]));
  for (const element of snapshot.elements) if (nodes.has(element.id)) nodes.set(element.id, nodeDefinition(element, facts));
  for (const relation of snapshot.relations) if (edges.has(relation.id)) edges.set(relation.id, edgeDefinition(relation, facts));
  return { nodes, edges };
}

/** What an element's or relation's definition depends on besides itself. */
type ViewFacts = {
  view: View;
  /** The core's label of each element (text, size, initials). */
  labels: Map<string, NodeLabel>;
  /** Elements the view shows. */
  shown: Set<string>;
  /** Elements that hold others: groups on the network, offices holding people on the org chart. */
  parents: Set<string>;
  positions: Map<string, { x: number; y: number }>;
  /** On the org chart, the office box each person sits in. */
  chartParent: Map<string, string>;
};

function viewFacts(snapshot: MapSnapshot, view: View, positions: ViewFacts["positions"]): ViewFacts {
  const labels = new Map(snapshot.labels.map((l) => [l.id, l]));
  if (view === "network") {
    const parents = new Set(snapshot.elements.flatMap((e) => (e.parent ? [e.parent] : [])));
    return { view, labels, shown: new Set(snapshot.elements.map((e) => e.id)), parents, positions, chartParent: new Map() };
  }
  const ends = new Set(snapshot.relations.filter((r) => onView(r, view)).flatMap((r) => [r.source, r.target]));
  const present = new Set(snapshot.elements.map((e) => e.id));
  const chartParent = new Map(
    [...ends].flatMap((id) => {
      const office = labels.get(id)?.chart_office;
      return office && present.has(office) ? [[id, office] as const] : [];
    }),
  );
  const parents = new Set(chartParent.values());
  return { view, labels, shown: new Set([...ends, ...parents]), parents, positions, chartParent };
}

/** Network view: every relation. Org chart: only the `reports to` lines and the elements they join. */
export function onView(relation: Pick<MapRelation, "kind">, view: View): boolean {
  return view !== "org_chart" || relation.kind === "reports_to";
}

function nodeDefinition(element: MapElement, facts: ViewFacts): ElementDefinition | null {
  if (!facts.shown.has(element.id)) return null;
  const isGroup = facts.parents.has(element.id);
  const position = facts.positions.get(element.id);
  return {
    group: "nodes",
    data: nodeData(element, facts.labels.get(element.id), facts.view, isGroup, facts.chartParent.get(element.id)),
    classes: nodeClasses(element, isGroup, facts.view).join(" "),
    ...(position && !isGroup ? { position } : {}),
  };
}

function edgeDefinition(relation: MapRelation, facts: ViewFacts): ElementDefinition | null {
  if (!onView(relation, facts.view) || !facts.shown.has(relation.source) || !facts.shown.has(relation.target)) return null;
  return { group: "edges", data: edgeData(relation), classes: edgeClasses(relation, facts.view).join(" ") };
}

/** Saved positions of one view, by element id (only of `only`'s elements, when given). */
export function positionsFor(snapshot: MapSnapshot, view: View, only?: Set<string>): Map<string, { x: number; y: number }> {
  const positions = new Map<string, { x: number; y: number }>();
  for (const placement of snapshot.positions) {
    const { x, y } = placement.at;
    if (placement.view === view && x !== null && y !== null && (!only || only.has(placement.id))) positions.set(placement.id, { x, y });
  }
  return positions;
}

function nodeData(element: MapElement, label: NodeLabel | undefined, view: View, isGroup: boolean, chartParent?: string): NodeData {
  // On the org chart a person is a position holding its title: the core sizes that box apart.
  const face = (view === "org_chart" ? label?.chart : null) ?? label;
  const text = isGroup ? label?.group_text ?? face?.text : face?.text;
  const data: NodeData = {
    id: element.id,
    name: element.name,
    kind: element.kind,
    label: text ?? element.name,
    w: face?.w ?? 0,
    h: face?.h ?? 0,
    layoutW: face?.room_w ?? 0,
    layoutH: face?.room_h ?? 0,
  };
  if (element.parent && view === "network") data.parent = element.parent;
  if (chartParent && view === "org_chart") data.parent = chartParent;
  if (label?.initials != null) data.initials = label.initials;
  return data;
}

function nodeClasses(element: MapElement, isGroup: boolean, view: View): string[] {
  const classes: string[] = [];
  if (isGroup) classes.push("group");
  if (isGroup && view === "org_chart") classes.push("chart-office");
  if (element.kind === "person" && view === "org_chart") classes.push("titled");
  switch (element.kind) {
    case "office":
      classes.push(`boundary-${element.boundary}`);
      if (element.stance === "compliance") classes.push("compliance");
      if (element.hospiced) classes.push("hospiced");
      break;
    case "site":
      classes.push(`boundary-${element.boundary}`);
      break;
    case "community":
      classes.push(`boundary-${element.boundary}`, `ring-${element.ring}`);
      if (element.stage === "hospice") classes.push("hospiced");
      break;
    case "sprint_team":
      classes.push(`boundary-${element.boundary}`, `status-${element.status}`);
      break;
    default:
      break;
  }
  return classes;
}

function edgeData(relation: MapRelation): EdgeData {
  const data: EdgeData = {
    id: relation.id,
    source: relation.source,
    target: relation.target,
    kind: relation.kind,
  };
  if (relation.kind === "flow") {
    data.medium = relation.medium;
    data.volume = Math.min(5, Math.max(1, Math.round(relation.volume)));
  }
  return data;
}

function edgeClasses(relation: MapRelation, view: View): string[] {
  const classes: string[] = [];
  if (relation.kind === "flow" && relation.direction === "both") classes.push("both-ways");
  if (relation.kind === "flow" && relation.mode === "monitor") classes.push("monitor");
  if (relation.kind === "reports_to") classes.push(view === "network" ? "subdued" : "chart-line");
  return classes;
}
