// Snapshot → Cytoscape elements, per view: nesting, the classes the stylesheet keys on, and the org
// chart's filter (reports-to only).
import type { ElementDefinition } from "cytoscape";
import { toCytoscapeElements } from "./elements";
import { snapshot } from "../testing/fixtures";

const byId = (defs: ElementDefinition[], id: string) => defs.find((d) => d.data.id === id)!;
const classes = (def: ElementDefinition) => String(def.classes ?? "").split(" ");

describe("the network view", () => {
  const defs = toCytoscapeElements(snapshot, "network");

  it("shows every element and relation", () => {
    expect(defs.filter((d) => d.group === "nodes")).toHaveLength(snapshot.elements.length);
    expect(defs.filter((d) => d.group === "edges")).toHaveLength(snapshot.relations.length);
  });

  it("nests people inside their office, and marks offices that hold others as groups", () => {
    expect(byId(defs, "science-specialist").data.parent).toBe("teaching-learning");
    expect(byId(defs, "teaching-learning").data.parent).toBeUndefined();
    expect(classes(byId(defs, "teaching-learning"))).toContain("group");
    expect(classes(byId(defs, "riverside-high"))).not.toContain("group");
  });

  it("gives each relation its kind, a flow its medium and volume, a two-way flow both heads", () => {
    expect(byId(defs, "r4").data).toMatchObject({ kind: "flow", medium: "permission", volume: 4 });
    expect(classes(byId(defs, "r5"))).toContain("both-ways");
    expect(classes(byId(defs, "r4"))).not.toContain("both-ways");
    expect(byId(defs, "r6").data.kind).toBe("member_of");
    expect(byId(defs, "r7").data.kind).toBe("barrier");
    expect(classes(byId(defs, "r1"))).toContain("subdued");
  });

  it("marks boundaries, rings and a dissolved sprint team", () => {
    expect(classes(byId(defs, "teaching-learning"))).toEqual(expect.arrayContaining(["boundary-solid", "compliance"]));
    expect(classes(byId(defs, "capstone"))).toEqual(expect.arrayContaining(["ring-practice", "boundary-permeable"]));
    expect(classes(byId(defs, "es-redesign"))).toContain("status-dissolved");
  });

  it("writes the core's labels: a group's wider title, a leaf's wrapped name and detail, initials", () => {
    expect(byId(defs, "superintendent").data.label).toBe("Office of the Superintendent");
    expect(byId(defs, "watershed").data.label).toBe("Riverside\nWatershed\nCouncil");
    expect(byId(defs, "purchasing").data.label).toBe("Purchasing\n2 steps · 47 days");
    expect(byId(defs, "riverside-high").data.label).toBe("Riverside High\nSchool");
    expect(byId(defs, "superintendent-person").data.initials).toBe("MA");
    expect(byId(defs, "purchasing").data.initials).toBeUndefined();
  });

  it("sizes each node as the core does: the shape, and the room it takes with a label below", () => {
    expect(byId(defs, "watershed").data).toMatchObject({ w: 124, h: 78, layoutW: 124, layoutH: 78 });
    expect(byId(defs, "science-specialist").data).toMatchObject({ w: 38, h: 38, layoutW: 96, layoutH: 64 });
  });

  it("uses the positions saved for this view only", () => {
    expect(byId(defs, "watershed").position).toEqual({ x: 300, y: -40 });
    expect(byId(defs, "tl-director").position).toBeUndefined();
  });
});

describe("the org chart view", () => {
  const defs = toCytoscapeElements(snapshot, "org_chart");

  it("keeps only reports-to lines and the elements they join", () => {
    const edges = defs.filter((d) => d.group === "edges");
    expect(edges.map((e) => e.data.kind)).toEqual(["reports_to", "reports_to", "reports_to"]);
    const nodes = defs.filter((d) => d.group === "nodes").map((d) => d.data.id).sort();
    expect(nodes).toEqual(["science-specialist", "superintendent", "superintendent-person", "teaching-learning", "tl-director"]);
  });

  it("draws one tree: each person inside the box of the office the core names, lines drawn as chart lines", () => {
    expect(byId(defs, "tl-director").data.parent).toBe("teaching-learning");
    expect(byId(defs, "science-specialist").data.parent).toBe("teaching-learning");
    expect(byId(defs, "superintendent-person").data.parent).toBe("superintendent");
    expect(byId(defs, "teaching-learning").data.parent).toBeUndefined();
    expect(classes(byId(defs, "teaching-learning"))).toContain("group");
    expect(classes(byId(defs, "r1"))).toContain("chart-line");
  });

  it("puts a person's title under their name in the core's chart box, and uses the chart's own saved positions", () => {
    expect(byId(defs, "tl-director").data.label).toBe("James Whitfield\nDirector of Teaching\n& Learning");
    expect(byId(defs, "tl-director").data).toMatchObject({ w: 150, h: 82 });
    // An office holding people is a box titled in its band, as on paper.
    expect(byId(defs, "superintendent").data.label).toBe("Office of the Superintendent");
    expect(byId(defs, "tl-director").position).toEqual({ x: 10, y: 20 });
  });
});
