// The line a relation is drawn with: a flow's medium decides it, other relations their kind.
import type { LineStyle, Vocabulary } from "../bindings";
import type { MapRelation } from "../map/types";

export function lineFor(relation: MapRelation, vocabulary: Vocabulary): LineStyle | undefined {
  if (relation.kind === "flow") return vocabulary.media.find((m) => m.medium === relation.medium)?.line;
  return vocabulary.relations.find((r) => r.kind === relation.kind)?.line;
}
