// A lens's paint (defined once in the core, for canvas and paper) as Cytoscape style bypasses:
// fill from `fills`, a size factor from `sizes` (leaves only), and a badge line under the label
// from `badges`. Pure, so it is tested without a canvas; lensLayer.ts applies it.
import type { LensPaint } from "../bindings";

export type NodeFacts = { id: string; w: number; h: number; label: string; group: boolean };

export type LensStyle = Record<string, string | number>;

export const LENS_CLASS = "lens-painted";
export const LENS_BYPASS_KEYS = ["background-color", "background-opacity", "width", "height", "label", "text-wrap"];

export function lensStyles(paint: LensPaint | null, nodes: NodeFacts[]): Map<string, LensStyle> {
  const out = new Map<string, LensStyle>();
  if (!paint) return out;
  for (const node of nodes) {
    const style: LensStyle = {};
    const fill = paint.fills[node.id];
    if (fill) {
      style["background-color"] = fill;
      if (!node.group) style["background-opacity"] = 1;
    }
    const factor = paint.sizes[node.id];
    if (!node.group && typeof factor === "number" && factor !== 1 && Number.isFinite(factor)) {
      const f = Math.min(1.5, Math.max(1, factor));
      style.width = round(node.w * f);
      style.height = round(node.h * f);
    }
    const badge = paint.badges[node.id];
    if (badge) {
      style.label = node.label ? `${node.label}\n${badge}` : badge;
      style["text-wrap"] = "wrap";
    }
    if (Object.keys(style).length > 0) out.set(node.id, style);
  }
  return out;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/**
 * Silo groups by E-I, for the bar chart: −1 (all inside) … +1 (all outside); silos first, then the core's order.
 * A walled silo's E-I may be +1 (its one flow crosses the wall), so its row says "walled" and carries the
 * core's words (the wall and the flow through it for its size) rather than a bare +1 beside a silo.
 */
export function eiBars(groups: { group: { id: string; name: string }; ei?: number | null; is_silo: boolean; verdict?: string; words?: string }[], limit = 8) {
  return groups
    .filter((g) => typeof g.ei === "number")
    .map((g, i) => ({ g, i }))
    .sort((a, b) => Number(b.g.is_silo) - Number(a.g.is_silo) || a.i - b.i)
    .map(({ g }) => g)
    .slice(0, limit)
    .map((g) => ({ id: g.group.id, name: g.group.name, ei: g.ei as number, silo: g.is_silo, walled: g.verdict === "walled", words: g.words ?? "", left: ((Math.min(g.ei as number, 0) + 1) / 2) * 100, width: (Math.abs(g.ei as number) / 2) * 100 }));
}
