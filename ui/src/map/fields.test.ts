// The inspector's words for what the essays name: Albury's rings, Hodas's practice cultures and
// the boundary, whose words come from the core's vocabulary.
import { describe, expect, it } from "vitest";
import { elementFields, type Field } from "./fields";
import { vocabulary } from "../testing/fixtures";

function choicesOf(fields: Field[], key: string): [string, string][] {
  const field = fields.find((f) => f.key === key);
  if (!field || field.type !== "choice") throw new Error(`no choice field ${key}`);
  return field.choices.map((c) => [c.value, c.label]);
}

describe("element fields", () => {
  it("names the rings as Albury's nested communities (001:56)", () => {
    const labels = choicesOf(elementFields("community", vocabulary.boundaries), "ring").map(([, label]) => label);
    expect(labels.map((l) => l.split(" — ")[0])).toEqual(["Community of practice", "Community of engagement", "Community of interest"]);
    expect(labels[0]).toContain("pioneers");
    expect(labels[1]).toContain("trying the pioneers' ideas");
  });

  it("offers Hodas's three practice cultures only, teaching in uniformed service (004:115)", () => {
    const cultures = choicesOf(elementFields("office", vocabulary.boundaries), "practice_culture");
    expect(cultures.map(([value]) => value)).toEqual(["trade_craft", "uniformed_service", "administrative_service"]);
    expect(cultures[1][1]).toContain("teaching");
  });

  it("takes the boundary's words from the core: solid protects, not only a wall (001:379)", () => {
    for (const kind of ["office", "site", "community", "sprint_team"] as const) {
      const boundary = choicesOf(elementFields(kind, vocabulary.boundaries), "boundary");
      expect(boundary.map(([value]) => value)).toEqual(["solid", "permeable", "open"]);
      expect(boundary[0][1]).toBe(`Solid — ${vocabulary.boundaries[0].meaning}`);
      expect(boundary[0][1]).toContain("protect");
    }
  });
});
