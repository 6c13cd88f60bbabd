import { stepDetail, withDays, withOwner } from "./steps";

describe("a routine step's edits", () => {
  const step = { name: "Three quotes", owner: "procurement", days: 30 };

  it("keeps the days when the owner changes or is cleared", () => {
    expect(withOwner(step, "legal")).toEqual({ name: "Three quotes", owner: "legal", days: 30 });
    expect(withOwner(step, "")).toEqual({ name: "Three quotes", days: 30 });
  });

  it("sets, changes and clears the days, keeping the owner", () => {
    expect(withDays(step, "12")).toEqual({ name: "Three quotes", owner: "procurement", days: 12 });
    expect(withDays(step, " ")).toEqual({ name: "Three quotes", owner: "procurement" });
  });

  it("says the owner and the days in the read-only list", () => {
    expect(stepDetail(step, "Procurement")).toBe(" — Procurement · 30 days");
    expect(stepDetail({ name: "Sign", days: 1 }, undefined)).toBe(" · 1 day");
    expect(stepDetail({ name: "Sign" }, undefined)).toBe("");
  });
});
