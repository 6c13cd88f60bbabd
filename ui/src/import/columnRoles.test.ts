import { describe, expect, it } from "vitest";
import { assign, missing } from "./columnRoles";
import type { ColumnMapping_Serialize } from "../bindings";

const none: ColumnMapping_Serialize = { name: null, first_name: null, last_name: null, title: null, reports_to: null, department: null, email: null, id: null, from: null, until: null };

describe("org chart column roles", () => {
  it("gives a header to one role only", () => {
    const guessed = { ...none, name: "Manager", reports_to: "Manager" };
    const fixed = assign(guessed, "reports_to", "Manager");
    expect(fixed.reports_to).toBe("Manager");
    expect(fixed.name).toBeNull();
  });

  it("can say a file has no such column", () => {
    expect(assign({ ...none, title: "Title" }, "title", null).title).toBeNull();
  });

  it("asks for a name before importing", () => {
    expect(missing(none)).toMatch(/name/);
    expect(missing({ ...none, name: "Full Name" })).toBeNull();
    expect(missing({ ...none, first_name: "First", last_name: "Last" })).toBeNull();
  });
});
