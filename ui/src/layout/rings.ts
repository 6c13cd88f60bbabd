// "Arrange in rings": one community at the centre and what it is connected to around it, in
// Albury's nested rings — practice-ring communities and core members closest, engagement-ring
// communities and active members next, interest-ring communities, peripheral members and every
// other tie outermost. Pure geometry over the positions already drawn, so it runs at once on the
// window's thread (linear in the map, plus a small search for the few blocks it pushes aside).
//
// What moves, and why:
// - Nesting is the map's truth and an arrangement may not change it, so the unit that moves is a
//   whole top-level block: a group with everything inside it, moved rigidly. Moving a nested
//   person alone would stretch their office across the canvas. A block joins the ring of the
//   innermost tie any element inside it has with the centre.
// - The centre community's own block (its ancestors, its children) stays where it is, so the
//   rings form around the place the user was looking at.
// - Each ring is a circle through the ties themselves, each block hanging on it by its tie; a
//   ring's ties stand clearly further out than the last ring's, so "inside" reads by distance,
//   while the blocks hanging off them only keep clear of each other (an outer block may sit in an
//   inner ring's gap). Bounding circles around whole blocks made rings too wide to read.
// - Everything else stays exactly where it was, unless it sits where the rings now are: then it is
//   pushed straight out from the centre, just far enough to clear the rings and anything else.
import type { MapElement, MapRelation, MapSnapshot } from "../map/types";
import { toCytoscapeElements } from "../map/elements";
import type { Positions } from "./compute";

type Point = { x: number; y: number };
type Box = { x1: number; y1: number; x2: number; y2: number };

/** Drawn padding of a group around its children (the stylesheet's 22, and a little air). */
const GROUP_PADDING = 26;
/** A group's title sits above its box. */
const GROUP_TITLE = 30;
/** Air kept between two blocks, and beyond the outermost ring for what is pushed aside. */
const GAP = 36;
/** How far a ring grows per try while looking for the smallest circle that holds it. */
const RADIUS_STEP = 8;
/** How much further out each ring's ties stand than the last ring's. */
const RING_SPACING = 110;
/** Small turns of a ring tried at each size, nearest first (radians). */
const TURNS = [0, 1, -1, 2, -2, 3, -3, 4, -4, 6, -6].map((k) => (k * Math.PI) / 15);
/** How far a pushed block moves per try while looking for free room. */
const PUSH_STEP = 24;
/** Tries before a ring or a pushed block settles where it is (a map is never this wide). */
const MAX_TRIES = 2000;

/** 0: practice / core · 1: engagement / active · 2: interest / peripheral / any other tie. */
export type RingLevel = 0 | 1 | 2;

export type RingsRequest = {
  /** The community at the centre. */
  centre: string;
  elements: MapElement[];
  relations: MapRelation[];
  /** Where every childless element is drawn now. */
  positions: Positions;
  /** The room each childless element takes (shape and label); groups are measured from their children. */
  sizes: Record<string, { w: number; h: number }>;
};

export type RingsArrangement = {
  /** New positions of the childless elements that move; everything not listed stays put. */
  positions: Positions;
  /** The centre of the rings (the centre community, where it already is). */
  origin: Point;
  /** The outermost group around the centre community (or the community itself): it stays put. */
  home: string | null;
  /** Each ring that holds something, innermost first: the radius its ties stand at, its blocks. */
  rings: { level: RingLevel; radius: number; blocks: string[] }[];
};

/** What the window sends (to the layout worker): the map, the centre, where things are drawn. */
export type RingsWork = { centre: string; snapshot: MapSnapshot; positions: Positions };

/** Rings around `centre`, sizing elements the way the canvas draws them. */
export function ringsInMap({ centre, snapshot, positions }: RingsWork): RingsArrangement {
  const sizes: RingsRequest["sizes"] = {};
  for (const d of toCytoscapeElements(snapshot, "network")) {
    if (d.group === "nodes") sizes[String(d.data.id)] = { w: d.data.layoutW, h: d.data.layoutH };
  }
  return ringsAround({ centre, elements: snapshot.elements, relations: snapshot.relations, positions, sizes });
}

const ROLE_LEVEL: Record<string, RingLevel> = { core: 0, active: 1, peripheral: 2 };
const RING_LEVEL: Record<string, RingLevel> = { practice: 0, engagement: 1, interest: 2 };

/**
 * The ring an element belongs in, from its ties with the centre: a membership by its role, a
 * community by its own ring, anything else (a flow, a barrier, a line of authority) outermost.
 * The innermost of its ties wins. Elements with no tie are absent.
 */
export function ringLevels(centre: string, elements: MapElement[], relations: MapRelation[]): Map<string, RingLevel> {
  const byId = new Map(elements.map((e) => [e.id, e]));
  const levels = new Map<string, RingLevel>();
  for (const relation of relations) {
    if (relation.source !== centre && relation.target !== centre) continue;
    const other = relation.source === centre ? relation.target : relation.source;
    const element = byId.get(other);
    if (other === centre || !element) continue;
    let level: RingLevel = 2;
    if (relation.kind === "member_of") level = ROLE_LEVEL[relation.role] ?? 2;
    if (element.kind === "community") level = Math.min(level, RING_LEVEL[element.ring] ?? 2) as RingLevel;
    levels.set(other, Math.min(levels.get(other) ?? 2, level) as RingLevel);
  }
  return levels;
}

/**
 * Whether arranging rings around `centre` would move anything: it has a tie outside its own
 * outermost group (ties inside it move with it and are already around it).
 */
export function hasRingsAround(centre: string, elements: MapElement[], relations: MapRelation[]): boolean {
  const parentOf = new Map(elements.map((e) => [e.id, e.parent]));
  const topOf = (id: string): string => {
    let at = id;
    for (let depth = 0; parentOf.get(at) && depth < elements.length; depth++) at = parentOf.get(at)!;
    return at;
  };
  const home = topOf(centre);
  return [...ringLevels(centre, elements, relations).keys()].some((id) => topOf(id) !== home);
}

/** Rings around `centre`; an empty arrangement when it is not a community or is not drawn. */
export function ringsAround({ centre, elements, relations, positions, sizes }: RingsRequest): RingsArrangement {
  const nothing: RingsArrangement = { positions: {}, origin: { x: 0, y: 0 }, home: null, rings: [] };
  const blocks = new Blocks(elements, positions, sizes);
  const chosen = blocks.element(centre);
  if (!chosen || chosen.kind !== "community") return nothing;

  if (!blocks.boxOf(centre)) return nothing;
  const origin = blocks.shapeCentre(centre);
  const home = blocks.topOf(centre);

  const { blockLevel, anchorOf } = blockLevels(blocks, home, ringLevels(centre, elements, relations));
  const shifts = new Map<string, Point>();
  const placed: Box[] = [blocks.boxOf(home)!];
  const rings: RingsArrangement["rings"] = [];
  for (const level of [0, 1, 2] as RingLevel[]) {
    const onRing = [...blockLevel].filter(([, l]) => l === level).map(([id]) => id);
    if (onRing.length === 0) continue;
    const inner = rings.length === 0 ? 0 : rings[rings.length - 1].radius + RING_SPACING;
    const ring = placeRing(blocks, onRing, anchorOf, origin, inner, placed);
    for (const [id, shift] of ring.shifts) shifts.set(id, shift);
    placed.push(...ring.boxes);
    rings.push({ level, radius: ring.radius, blocks: ring.order });
  }

  // Whatever stands on the rings or inside the outermost steps out of the way, nearest first;
  // the rest stays.
  const footprint = (rings.length > 0 ? rings[rings.length - 1].radius : 0) + GAP;
  const others = [...new Set(elements.map((e) => blocks.topOf(e.id)))]
    .filter((id) => id !== home && !blockLevel.has(id) && blocks.boxOf(id))
    .map((id) => ({ id, box: blocks.boxOf(id)! }));
  for (const [id, shift] of pushAside(others, placed, origin, footprint)) shifts.set(id, shift);

  return { positions: shiftedLeaves(blocks, shifts, positions), origin, home, rings };
}

/**
 * The map's nesting seen as blocks: which top-level block holds an element, the leaves inside
 * it, and the box it is drawn in (a group's box grown by its padding and title).
 */
class Blocks {
  private readonly byId: Map<string, MapElement>;
  private readonly children = new Map<string, string[]>();
  private readonly boxes = new Map<string, Box | null>();

  constructor(
    elements: MapElement[],
    private readonly positions: Positions,
    private readonly sizes: RingsRequest["sizes"],
  ) {
    this.byId = new Map(elements.map((e) => [e.id, e]));
    for (const e of elements) {
      if (!e.parent || !this.byId.has(e.parent)) continue;
      const siblings = this.children.get(e.parent);
      if (siblings) siblings.push(e.id);
      else this.children.set(e.parent, [e.id]);
    }
  }

  element(id: string): MapElement | undefined {
    return this.byId.get(id);
  }

  topOf(id: string): string {
    let at = id;
    const seen = new Set<string>();
    while (!seen.has(at)) {
      seen.add(at);
      const parent = this.byId.get(at)?.parent;
      if (!parent || !this.byId.has(parent)) return at;
      at = parent;
    }
    return at;
  }

  leavesOf(id: string): string[] {
    const inside = this.children.get(id);
    return inside ? inside.flatMap((child) => this.leavesOf(child)) : id in this.positions ? [id] : [];
  }

  boxOf(id: string): Box | null {
    if (this.boxes.has(id)) return this.boxes.get(id)!;
    const inside = this.children.get(id);
    let box: Box | null;
    if (inside) {
      const union = unite(inside.map((child) => this.boxOf(child)));
      box = union && {
        x1: union.x1 - GROUP_PADDING,
        y1: union.y1 - GROUP_PADDING - GROUP_TITLE,
        x2: union.x2 + GROUP_PADDING,
        y2: union.y2 + GROUP_PADDING,
      };
    } else {
      const at = this.positions[id];
      const size = this.sizes[id] ?? { w: 60, h: 40 };
      box = at ? { x1: at.x - size.w / 2, y1: at.y - size.h / 2, x2: at.x + size.w / 2, y2: at.y + size.h / 2 } : null;
    }
    this.boxes.set(id, box);
    return box;
  }

  /** The middle of an element's own shape: a group's title sits above it, outside the shape. */
  shapeCentre(id: string): Point {
    const box = this.boxOf(id)!;
    return { x: (box.x1 + box.x2) / 2, y: (box.y1 + (this.children.has(id) ? GROUP_TITLE : 0) + box.y2) / 2 };
  }
}

/**
 * Each block joins the ring of the innermost tie anything inside it has with the centre, and is
 * held on the ring by that element (a tie nested deep in a site sits on the ring; the rest of the
 * site hangs off it).
 */
function blockLevels(blocks: Blocks, home: string, levels: Map<string, RingLevel>) {
  const blockLevel = new Map<string, RingLevel>();
  const anchorOf = new Map<string, string>();
  for (const [id, level] of levels) {
    const block = blocks.topOf(id);
    if (block === home || !blocks.boxOf(id) || !blocks.boxOf(block)) continue;
    if (!blockLevel.has(block) || level < blockLevel.get(block)!) {
      blockLevel.set(block, level);
      anchorOf.set(block, id);
    }
  }
  return { blockLevel, anchorOf };
}

/**
 * One ring: its blocks around the origin in the order they stand now, on the smallest circle at
 * least `inner` that keeps them clear of each other and of what is already placed.
 */
function placeRing(blocks: Blocks, ids: string[], anchorOf: Map<string, string>, origin: Point, inner: number, placed: Box[]) {
  const anchors = ids.map((id) => blocks.shapeCentre(anchorOf.get(id)!));
  const sizesAround = ids.map((id) => 2 * halfDiagonal(blocks.boxOf(id)!) + GAP);
  // Around the ring in the order they stand around the centre now, so left stays left.
  const current = anchors.map((a) => angleOf(a, origin));
  const order = ids.map((_, i) => i).sort((a, b) => current[a] - current[b] || ids[a].localeCompare(ids[b]));
  const total = sizesAround.reduce((sum, r) => sum + r, 0);
  // Each block gets a share of the turn as wide as it is, the whole turned to stay close to
  // where the blocks are now.
  const angles: number[] = [];
  let turned = 0;
  for (const i of order) {
    const span = (2 * Math.PI * sizesAround[i]) / total;
    angles.push(turned + span / 2);
    turned += span;
  }
  const offset = circularMean(order.map((i, k) => current[i] - angles[k]));
  // Each ring's ties stand clearly further out than the last ring's; the blocks hanging off
  // them need only keep clear of each other, so an outer block may sit in an inner ring's gap.
  const at = (radius: number, turn: number) =>
    order.map((i, k) => {
      const angle = angles[k] + offset + turn;
      const to = { x: origin.x + radius * Math.cos(angle), y: origin.y + radius * Math.sin(angle) };
      return moved(blocks.boxOf(ids[i])!, { x: to.x - anchors[i].x, y: to.y - anchors[i].y });
    });
  const fits = (candidate: Box[]) =>
    candidate.every((box, k) => !placed.some((p) => overlaps(p, box)) && candidate.every((other, j) => j <= k || !overlaps(box, other)));
  // The smallest circle that holds them, turning the ring a little if that lets it be smaller.
  let radius = Math.max(inner, (total / (2 * Math.PI)) * 0.5);
  let chosen: Box[] | undefined;
  for (let tries = 0; chosen === undefined && tries < MAX_TRIES; tries++) {
    for (const turn of TURNS) {
      const there = at(radius, turn);
      if (fits(there)) {
        chosen = there;
        break;
      }
    }
    if (chosen === undefined) radius += Math.max(RADIUS_STEP, radius * 0.02);
  }
  const boxes = chosen ?? at(radius, 0);
  const shifts = new Map<string, Point>();
  order.forEach((i, k) => {
    const box = blocks.boxOf(ids[i])!;
    shifts.set(ids[i], { x: boxes[k].x1 - box.x1, y: boxes[k].y1 - box.y1 });
  });
  return { radius, boxes, shifts, order: order.map((i) => ids[i]) };
}

/**
 * Blocks that stand inside the rings' footprint or on a placed block, each pushed straight out
 * from the origin just far enough to clear it, nearest first; the rest stay where they are.
 */
function pushAside(others: { id: string; box: Box }[], placed: Box[], origin: Point, footprint: number): Map<string, Point> {
  const clear = ({ box }: { box: Box }) => !inDisc(box, origin, footprint) && !placed.some((p) => overlaps(p, box));
  const standing = others.filter(clear);
  const inTheWay = others
    .filter((o) => !clear(o))
    .sort((a, b) => distance(middle(a.box), origin) - distance(middle(b.box), origin));
  const fixed = [...placed, ...standing.map((o) => o.box)];
  const shifts = new Map<string, Point>();
  for (const { id, box } of inTheWay) {
    const from = middle(box);
    const away = distance(from, origin) > 1e-6 ? unit({ x: from.x - origin.x, y: from.y - origin.y }) : { x: 0, y: 1 };
    let shift = { x: 0, y: 0 };
    for (let step = 0; step < MAX_TRIES; step++) {
      const there = moved(box, shift);
      if (!inDisc(there, origin, footprint) && !fixed.some((f) => overlaps(f, there))) break;
      shift = { x: away.x * PUSH_STEP * (step + 1), y: away.y * PUSH_STEP * (step + 1) };
    }
    shifts.set(id, shift);
    fixed.push(moved(box, shift));
  }
  return shifts;
}

/** New positions of the leaves of every block that moved by at least half a pixel. */
function shiftedLeaves(blocks: Blocks, shifts: Map<string, Point>, positions: Positions): Positions {
  const result: Positions = {};
  for (const [block, shift] of shifts) {
    if (Math.abs(shift.x) < 0.5 && Math.abs(shift.y) < 0.5) continue;
    for (const leaf of blocks.leavesOf(block)) {
      const at = positions[leaf];
      result[leaf] = { x: Math.round(at.x + shift.x), y: Math.round(at.y + shift.y) };
    }
  }
  return result;
}

function unite(boxes: (Box | null)[]): Box | null {
  const real = boxes.filter((b): b is Box => b !== null);
  if (real.length === 0) return null;
  return {
    x1: Math.min(...real.map((b) => b.x1)),
    y1: Math.min(...real.map((b) => b.y1)),
    x2: Math.max(...real.map((b) => b.x2)),
    y2: Math.max(...real.map((b) => b.y2)),
  };
}

function middle(box: Box): Point {
  return { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
}

function moved(box: Box, by: Point): Box {
  return { x1: box.x1 + by.x, y1: box.y1 + by.y, x2: box.x2 + by.x, y2: box.y2 + by.y };
}

function halfDiagonal(box: Box): number {
  return Math.hypot(box.x2 - box.x1, box.y2 - box.y1) / 2;
}

/** Boxes closer than the gap count as overlapping: touching blocks read as one. */
function overlaps(a: Box, b: Box): boolean {
  return a.x1 < b.x2 + GAP && b.x1 < a.x2 + GAP && a.y1 < b.y2 + GAP && b.y1 < a.y2 + GAP;
}

function inDisc(box: Box, centre: Point, radius: number): boolean {
  const nearest = { x: clamp(centre.x, box.x1, box.x2), y: clamp(centre.y, box.y1, box.y2) };
  return distance(nearest, centre) < radius;
}

function clamp(v: number, low: number, high: number): number {
  return Math.min(Math.max(v, low), high);
}

function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

function unit(v: Point): Point {
  const length = Math.hypot(v.x, v.y);
  return { x: v.x / length, y: v.y / length };
}

function angleOf(p: Point, origin: Point): number {
  return Math.atan2(p.y - origin.y, p.x - origin.x);
}

function circularMean(angles: number[]): number {
  const s = angles.reduce((sum, a) => sum + Math.sin(a), 0);
  const c = angles.reduce((sum, a) => sum + Math.cos(a), 0);
  return Math.abs(s) < 1e-9 && Math.abs(c) < 1e-9 ? 0 : Math.atan2(s, c);
}
