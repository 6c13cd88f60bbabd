// The rules the canvas shares with paper, as the core states them (map/rules.generated.ts is
// written by the core and checked for staleness by its tests): which kinds can hold others and
// what a freshly drawn element starts as. Nothing here restates a rule; it only gives the
// generated data the shapes the UI looks things up by.
import type { ElementKind } from "../bindings";
import { RULES } from "./rules.generated";

const HOLDERS: ReadonlySet<string> = new Set<string>(RULES.holds_others);

/** Whether an element of `kind` can hold others (adding or dropping into it nests there). */
export function holdsOthers(kind: string): boolean {
  return HOLDERS.has(kind);
}

/** The name and attributes a freshly drawn element of `kind` starts with. */
export function freshElement(kind: ElementKind): { name: string; details: Record<string, unknown> } {
  const fresh = RULES.new_elements.find((e) => e.details.kind === kind);
  if (!fresh) throw new Error(`the core gives no defaults for ${kind}`);
  return { name: fresh.name, details: { ...fresh.details } };
}

/** Point size of labels at zoom 1: the size the core measures every label's box at. */
export const LABEL_FONT_SIZE: number = RULES.label_font_size;

/** Room inside an org chart office's box around its people: paper's, so the boxes match it. */
export const ORG_CHART_PADDING: number = RULES.org_chart_padding;
