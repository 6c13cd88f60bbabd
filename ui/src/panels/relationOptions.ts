// Which relations the chooser offers between two elements, and in what order: the first is the
// default (key 1). Between two rules it is "derives from", from a rule to anything else "governs"
// (004's cascade); from anything but a rule the cascade's lines are not offered, since the core
// would refuse them. Everything else keeps the vocabulary's order.
import type { ElementKind, LineStyle, Vocabulary } from "../bindings";
import type { RelationChoice } from "../edit/ops";

export type RelationOption = { choice: RelationChoice; label: string; line: LineStyle };

const CASCADE = new Set(["derives_from", "governs"]);

/** The cascade line a rule at `source` would most likely mean toward `target`, if any. */
export function cascadeDefault(source: ElementKind | undefined, target: ElementKind | undefined): "derives_from" | "governs" | null {
  if (source !== "rule") return null;
  return target === "rule" ? "derives_from" : "governs";
}

export function relationOptions(vocabulary: Vocabulary, source?: ElementKind, target?: ElementKind): RelationOption[] {
  const cascade = cascadeDefault(source, target);
  const flows: RelationOption[] = vocabulary.media.map((m) => ({
    choice: { kind: "flow", medium: m.medium },
    label: `${m.line.label} flow`,
    line: m.line,
  }));
  const others: RelationOption[] = vocabulary.relations
    .filter((r) => r.kind !== "flow" && !CASCADE.has(r.kind))
    .map((r) => ({ choice: { kind: r.kind } as RelationChoice, label: r.line.label, line: r.line }));
  const first = vocabulary.relations
    .filter((r) => r.kind === cascade)
    .map((r) => ({ choice: { kind: r.kind } as RelationChoice, label: r.line.label, line: r.line }));
  return [...first, ...flows, ...others];
}
