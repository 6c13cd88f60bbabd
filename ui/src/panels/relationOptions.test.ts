import { relationOptions } from "./relationOptions";
import { vocabulary } from "../testing/fixtures";

const kinds = (source?: Parameters<typeof relationOptions>[1], target?: Parameters<typeof relationOptions>[2]) =>
  relationOptions(vocabulary, source, target).map((o) => (o.choice.kind === "flow" ? o.choice.medium : o.choice.kind));

describe("relationOptions", () => {
  it("offers “derives from” first between two rules, and not “governs”", () => {
    const between = kinds("rule", "rule");
    expect(between[0]).toBe("derives_from");
    expect(between).not.toContain("governs");
  });

  it("offers “governs” first from a rule to what is not a rule", () => {
    for (const target of ["routine", "site", "office", "person"] as const) {
      const offered = kinds("rule", target);
      expect(offered[0]).toBe("governs");
      expect(offered).not.toContain("derives_from");
    }
  });

  it("leaves the cascade out between other elements, so the first nine keep keys 1–9", () => {
    const offered = kinds("office", "rule");
    expect(offered).not.toContain("governs");
    expect(offered).not.toContain("derives_from");
    expect(offered[0]).toBe("information");
    expect(offered).toHaveLength(9);
    expect(offered).toContain("barrier");
  });
});
