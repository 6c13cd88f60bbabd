// The picker's own choices: which op a move sends (none past either end), which scenario the keys
// step to, and the names a duplicate tries.
import { addScenarioOp, copyNames, moveScenarioBy, neighbourOf } from "./scenarioOps";

const scenarios = [
  { id: "as-is", name: "As is" },
  { id: "to-be", name: "To be" },
  { id: "flat", name: "Flatter" },
];

describe("scenario ops", () => {
  it("moves a scenario one place up or down, and not past either end", () => {
    expect(moveScenarioBy(scenarios, "to-be", -1)).toEqual({ op: "move_scenario", id: "to-be", to: 0 });
    expect(moveScenarioBy(scenarios, "to-be", 1)).toEqual({ op: "move_scenario", id: "to-be", to: 2 });
    expect(moveScenarioBy(scenarios, "as-is", -1)).toBeNull();
    expect(moveScenarioBy(scenarios, "flat", 1)).toBeNull();
    expect(moveScenarioBy(scenarios, "ghost", 1)).toBeNull();
  });

  it("steps to the next or previous scenario, wrapping around, and nowhere when there is one", () => {
    expect(neighbourOf(scenarios, "flat", 1)?.id).toBe("as-is");
    expect(neighbourOf(scenarios, "as-is", -1)?.id).toBe("flat");
    expect(neighbourOf(scenarios, "as-is", 1)?.id).toBe("to-be");
    expect(neighbourOf([scenarios[0]], "as-is", 1)).toBeNull();
  });

  it("a copy names its source and tries numbered names after the first", () => {
    const names = copyNames("To be");
    expect([names.next().value, names.next().value, names.next().value]).toEqual(["To be (copy)", "To be (copy 2)", "To be (copy 3)"]);
  });

  it("a new scenario is empty or names the scenario the core copies", () => {
    const blank = addScenarioOp("n1", "Flatter", null);
    expect(blank).toMatchObject({ op: "add_scenario", copy_from: null, scenario: { id: "n1", name: "Flatter", elements: {} } });
    expect(addScenarioOp("n2", "To be 2", "to-be")).toMatchObject({ copy_from: "to-be" });
  });
});
