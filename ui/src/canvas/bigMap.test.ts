// What a big map leaves out of its first drawing at overview zoom, to add just after.
import type { ElementDefinition } from "cytoscape";
import { hiddenAtOverview } from "./bigMap";

const node = (id: string, kind: string, extra: Partial<ElementDefinition> = {}): ElementDefinition => ({
  group: "nodes",
  data: { id, kind, ...(extra.data ?? {}) },
  ...(extra.position ? { position: extra.position } : {}),
});
const edge = (id: string, kind: string, source: string, target: string): ElementDefinition => ({
  group: "edges",
  data: { id, kind, source, target },
});

describe("hiddenAtOverview", () => {
  const at = { x: 0, y: 0 };
  const definitions = [
    node("office", "office"),
    node("ana", "person", { data: { id: "ana", kind: "person", parent: "office" }, position: at }),
    node("ben", "person", { data: { id: "ben", kind: "person", parent: "office" }, position: at }),
    node("partner", "partner", { position: at }),
    node("circle", "community"), // no members nested, no saved place
    edge("talks", "flow", "ana", "ben"),
    edge("funds", "flow", "partner", "office"),
    edge("joins", "member_of", "ben", "circle"),
  ];
  const kindOf = new Map(definitions.filter((d) => d.group === "nodes").map((d) => [String(d.data.id), d.data.kind]));

  it("leaves out relations to people, which the overview hides, and keeps those between groups and partners", () => {
    const later = hiddenAtOverview(definitions, kindOf);
    expect(later.has("talks")).toBe(true);
    expect(later.has("funds")).toBe(false);
  });

  it("keeps the relations of an element with no saved place: it is placed beside what it is related to", () => {
    expect(hiddenAtOverview(definitions, kindOf).has("joins")).toBe(false);
  });
});
