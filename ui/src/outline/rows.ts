// The outline's rows, built from the map store's snapshot (it has no truth of its own): the
// elements without a group at the top, groups first; under each element its members, then the
// relations it starts (its flows, reporting lines, memberships and barriers). Rows come flat with
// their level, as a WAI-ARIA tree may be written, so React keeps one list.
import type { MapElement, MapRelation, MapSnapshot, Vocabulary } from "../map/types";
import { holdsOthers } from "../map/rules";

export type OutlineRow = {
  id: string;
  /** Element or relation: what selecting the row selects on the canvas. */
  element: MapElement | null;
  relation: MapRelation | null;
  label: string;
  /** What kind of thing it is, in words ("Person", "Information flow to District Office"). */
  detail: string;
  level: number;
  parent: string | null;
  hasChildren: boolean;
  expanded: boolean;
  position: number;
  siblings: number;
  /** The filter matched this row (not only a row inside it). */
  matched: boolean;
};

type Tree = { children: Map<string | null, MapElement[]>; starts: Map<string, MapRelation[]>; byId: Map<string, MapElement> };

function treeOf(snapshot: MapSnapshot, vocabulary: Vocabulary): Tree {
  const byId = new Map(snapshot.elements.map((e) => [e.id, e]));
  const kindOrder = new Map(vocabulary.elements.map((s, i) => [s.kind, i]));
  const rank = (e: MapElement) => (holdsOthers(e.kind) ? 0 : 1000) + (kindOrder.get(e.kind) ?? 99);
  const children = new Map<string | null, MapElement[]>();
  for (const e of [...snapshot.elements].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name))) {
    const parent = e.parent && byId.has(e.parent) ? e.parent : null;
    children.set(parent, [...(children.get(parent) ?? []), e]);
  }
  const starts = new Map<string, MapRelation[]>();
  for (const r of snapshot.relations) starts.set(r.source, [...(starts.get(r.source) ?? []), r]);
  return { children, starts, byId };
}

/** "Information flow to District Office", "Reports to Ana Ruiz". */
export function relationLabel(relation: MapRelation, target: string): string {
  if (relation.kind === "flow") {
    const medium = (relation as { medium?: string }).medium ?? "";
    return `${medium.charAt(0).toUpperCase()}${medium.slice(1)} flow to ${target}`;
  }
  return `${{ reports_to: "Reports to", member_of: "Member of", barrier: "Barrier with" }[relation.kind as string] ?? "Related to"} ${target}`;
}

/** Whether `element` or anything under it matches `filter` (already lower-cased). */
function matches(tree: Tree, element: MapElement, filter: string): boolean {
  if (element.name.toLowerCase().includes(filter)) return true;
  return (tree.children.get(element.id) ?? []).some((c) => matches(tree, c, filter));
}

/**
 * The visible rows: children of expanded elements only; with a filter, only elements whose name
 * (or a member's) contains it, every group on the way opened.
 */
export function outlineRows(snapshot: MapSnapshot, vocabulary: Vocabulary, expanded: Set<string>, filter = ""): OutlineRow[] {
  const tree = treeOf(snapshot, vocabulary);
  const wanted = filter.trim().toLowerCase();
  const kindLabel = (e: MapElement) => vocabulary.elements.find((s) => s.kind === e.kind)?.label ?? e.kind;
  const rows: OutlineRow[] = [];
  const walk = (parent: string | null, level: number) => {
    const members = (tree.children.get(parent) ?? []).filter((e) => !wanted || matches(tree, e, wanted));
    const relations = parent && !wanted ? tree.starts.get(parent) ?? [] : [];
    const siblings = members.length + relations.length;
    members.forEach((e, i) => {
      const hasChildren = (tree.children.get(e.id)?.length ?? 0) + (tree.starts.get(e.id)?.length ?? 0) > 0;
      const open = hasChildren && (wanted ? (tree.children.get(e.id) ?? []).some((c) => matches(tree, c, wanted)) : expanded.has(e.id));
      rows.push({ id: e.id, element: e, relation: null, label: e.name, detail: kindLabel(e), level, parent, hasChildren, expanded: open, position: i + 1, siblings, matched: !wanted || e.name.toLowerCase().includes(wanted) });
      if (open) walk(e.id, level + 1);
    });
    relations.forEach((r, i) => {
      const label = relationLabel(r, tree.byId.get(r.target)?.name ?? "an element");
      rows.push({ id: r.id, element: null, relation: r, label, detail: "Relation", level, parent, hasChildren: false, expanded: false, position: members.length + i + 1, siblings, matched: true });
    });
  };
  walk(null, 1);
  return rows;
}

/** The ids of the groups around `id`, innermost first: opened so that a selected element shows. */
export function ancestorsOf(snapshot: MapSnapshot, id: string): string[] {
  const byId = new Map(snapshot.elements.map((e) => [e.id, e]));
  const relation = snapshot.relations.find((r) => r.id === id);
  const out: string[] = relation ? [relation.source] : [];
  let at = byId.get(relation ? relation.source : id)?.parent ?? null;
  while (at && byId.has(at) && !out.includes(at)) {
    out.push(at);
    at = byId.get(at)?.parent ?? null;
  }
  return out;
}

/** The elements a picker offers: for nesting, the groups `source` may go into; for connecting, everything else. */
export function pickable(snapshot: MapSnapshot, source: string, mode: "nest" | "connect", typed: string): MapElement[] {
  const inside = new Set<string>([source]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const e of snapshot.elements) if (e.parent && inside.has(e.parent) && !inside.has(e.id)) (inside.add(e.id), (grew = true));
  }
  const wanted = typed.trim().toLowerCase();
  return snapshot.elements
    .filter((e) => (mode === "nest" ? holdsOthers(e.kind) && !inside.has(e.id) : e.id !== source))
    .filter((e) => e.name.toLowerCase().includes(wanted))
    .sort((a, b) => Number(!a.name.toLowerCase().startsWith(wanted)) - Number(!b.name.toLowerCase().startsWith(wanted)) || a.name.localeCompare(b.name));
}
