// After an edit the canvas redraws only what the change touched. These check that it ends up the
// same as comparing the whole new map (over many generated edits, in both views), and that an edit
// of one element touches that element only.
import cytoscape, { type Core } from "cytoscape";
import { definitionsFor, toCytoscapeElements } from "../map/elements";
import { snapshot as fixture } from "../testing/fixtures";
import type { MapElement, MapRelation, MapSnapshot, View } from "../map/types";
import type { MapChange } from "../state/mapStore";
import { applyChange } from "../state/mapStore";
import { syncElements, syncTouched } from "./syncElements";
import { touchedBy } from "./touched";
import { MapDrawing } from "./drawing";
import { CanvasController } from "./controller";


/** A seeded pseudo-random source (mulberry32), so a failing sequence can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Edit = Pick<MapChange, "elements" | "removed_elements" | "relations" | "removed_relations" | "positions" | "unplaced">;

const GROUP_KINDS = new Set(["office", "site", "community"]);

/**
 * One random edit of `s`, as the core would answer it: what it touched as it is now, and what it
 * removed, with the cascades the core spells out (a deleted element's relations go, its children
 * move to its parent).
 */
function randomEdit(s: MapSnapshot, pick: () => number, serial: number): Edit {
  const edit: Edit = { elements: [], removed_elements: [], relations: [], removed_relations: [], positions: [], unplaced: [] };
  const any = <T,>(list: T[]): T | undefined => list[Math.floor(pick() * list.length)];
  const element = any(s.elements)!;
  const relation = any(s.relations);
  const groups = s.elements.filter((e) => GROUP_KINDS.has(e.kind) && e.id !== element.id);
  const updated = <T,>(item: T, changes: Partial<T>) => ({ ...item, ...changes });
  switch (Math.floor(pick() * 8)) {
    case 0:
      edit.elements.push(updated(element, { name: `${element.name} ${serial}` }));
      break;
    case 1: {
      // Nested into a group that is not inside it (no cycles), or taken out of any group.
      const inside = (id: string | null | undefined): boolean => !!id && (id === element.id || inside(s.elements.find((e) => e.id === id)?.parent));
      const parent = any(groups.filter((g) => !inside(g.id)));
      edit.elements.push(updated(element, { parent: pick() < 0.3 ? undefined : parent?.id }) as MapElement);
      break;
    }
    case 2: {
      edit.removed_elements.push(element.id);
      s.relations.filter((r) => r.source === element.id || r.target === element.id).forEach((r) => edit.removed_relations.push(r.id));
      s.elements.filter((e) => e.parent === element.id).forEach((child) => edit.elements.push(updated(child, { parent: element.parent ?? undefined }) as MapElement));
      break;
    }
    case 3: {
      const id = `new-${serial}`;
      const person = { id, name: `Newcomer ${serial}`, kind: "person", parent: any(groups)?.id ?? null, title: "", position: null, home_base: null, span: {}, notes: "", tags: [] };
      edit.elements.push(person as MapElement);
      const other = any(s.elements)!;
      edit.relations.push({ id: `rel-${serial}`, source: id, target: other.id, kind: pick() < 0.5 ? "reports_to" : "member_of", span: {}, notes: "", tags: [] } as MapRelation);
      if (pick() < 0.5) edit.positions.push({ view: pick() < 0.5 ? "network" : "org_chart", id, at: { x: serial * 10, y: 5 } });
      break;
    }
    case 4: {
      const [a, b] = [any(s.elements)!, any(s.elements)!];
      if (a.id !== b.id) edit.relations.push({ id: `rel-${serial}`, source: a.id, target: b.id, kind: pick() < 0.5 ? "reports_to" : "barrier", span: {}, notes: "", tags: [] } as MapRelation);
      break;
    }
    case 5:
      if (relation) edit.removed_relations.push(relation.id);
      break;
    case 6:
      // Another end, or another kind (a chart line becomes a flow and back).
      if (relation && pick() < 0.5) edit.relations.push(updated(relation, { target: any(s.elements.filter((e) => e.id !== relation.source))!.id }));
      else if (relation) edit.relations.push({ ...relation, kind: relation.kind === "reports_to" ? "barrier" : "reports_to" } as MapRelation);
      break;
    default:
      edit.positions.push({ view: pick() < 0.5 ? "network" : "org_chart", id: element.id, at: { x: Math.round(pick() * 500), y: Math.round(pick() * 500) } });
  }
  return edit;
}

function changeOf(s: MapSnapshot, edit: Edit): MapChange {
  return { document: s.document, generation: s.generation + 1, scenario: s.scenario, title: null, scenarios: null, scenes: null, can_undo: true, can_redo: false, labels: [], ...edit };
}

/** What the canvas draws, by id: group, parent, ends, data and the snapshot's classes, in a comparable form. */
function drawn(cy: Core): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  cy.elements().forEach((e) => {
    const { parent: _parent, ...data } = e.data();
    out[e.id()] = {
      group: e.group(),
      parent: e.isNode() && e.parent().nonempty() ? e.parent().first().id() : null,
      data,
      classes: [...e.classes()].sort(),
      snapshotClasses: [...(e.scratch("snapshotClasses") ?? [])].sort(),
    };
  });
  return out;
}

describe("drawing only what a change touched", () => {
  for (const view of ["network", "org_chart"] as View[]) {
    it(`ends up as comparing the whole new map, over generated edits (${view})`, () => {
      for (const seed of [1, 2, 3, 4, 5]) {
        const pick = random(seed);
        let shown = structuredClone(fixture);
        const targeted = cytoscape({ headless: true });
        const whole = cytoscape({ headless: true });
        syncElements(targeted, toCytoscapeElements(shown, view));
        syncElements(whole, toCytoscapeElements(shown, view));
        for (let step = 0; step < 40; step++) {
          const change = changeOf(shown, randomEdit(shown, pick, step));
          const next = applyChange(shown, change);
          syncTouched(targeted, definitionsFor(next, view, touchedBy(change, shown, next, view)));
          syncElements(whole, toCytoscapeElements(next, view));
          expect(drawn(targeted), `seed ${seed}, step ${step}`).toEqual(drawn(whole));
          // And the same as a fresh canvas given the new map whole.
          const fresh = cytoscape({ headless: true });
          syncElements(fresh, toCytoscapeElements(next, view));
          expect(Object.keys(drawn(targeted)).sort()).toEqual(Object.keys(drawn(fresh)).sort());
          shown = next;
        }
      }
    });
  }

  it("names a parent that gains its first child, and a chart line's ends with the office box they sit in", () => {
    const change = changeOf(fixture, {
      ...randomEdit(fixture, () => 0, 0),
      elements: [{ ...fixture.elements.find((e) => e.id === "capstone-teacher")!, parent: "riverside-high" } as MapElement],
      relations: [],
      removed_elements: [],
      removed_relations: ["r3"],
    });
    const next = applyChange(fixture, change);
    expect([...touchedBy(change, fixture, next, "network").elements].sort()).toEqual(["capstone", "capstone-teacher", "riverside-high"]);
    expect([...touchedBy(change, fixture, next, "org_chart").elements].sort()).toEqual(["capstone-teacher", "science-specialist", "teaching-learning", "tl-director"]);
  });
});

describe("MapDrawing", () => {
  async function drawnOnce(): Promise<{ cy: Core; drawing: MapDrawing; controller: CanvasController }> {
    // With style on, a headless instance runs animations (a move animates after the first drawing).
    const cy = cytoscape({ headless: true, styleEnabled: true });
    const controller = new CanvasController();
    controller.attach(cy);
    const drawing = new MapDrawing(cy, { controller, onArriving: () => undefined, view: () => "network" });
    drawing.show(fixture, "network", null);
    await controller.mapDrawn();
    return { cy, drawing, controller };
  }

  it("redraws one element for an edit of one element, and moves nothing else", async () => {
    const { cy, drawing, controller } = await drawnOnce();
    const touched = new Set<string>();
    // What the drawing itself sets (Cytoscape re-styles the group around a changed node on its own).
    cy.on("data add remove position", (e) => touched.add(e.target.id()));
    const renamed = { ...fixture.elements.find((e) => e.id === "science-specialist")!, name: "Priya R." };
    const change = changeOf(fixture, { elements: [renamed], removed_elements: [], relations: [], removed_relations: [], positions: [], unplaced: [] });
    drawing.show(applyChange(fixture, change), "network", change);
    await controller.layoutSettled();
    expect([...touched]).toEqual(["science-specialist"]);
    expect(cy.getElementById("science-specialist").data("name")).toBe("Priya R.");
  });

  it("places what a change placed and puts a newcomer beside its neighbours", async () => {
    const { cy, drawing, controller } = await drawnOnce();
    const before = cy.getElementById("capstone-teacher").position();
    const newcomer = { id: "new-1", name: "Newcomer", kind: "person", parent: null, title: "", position: null, home_base: null, span: {}, notes: "", tags: [] } as unknown as MapElement;
    const tie = { id: "rel-1", source: "new-1", target: "watershed", kind: "member_of", role: "core", span: {}, notes: "", tags: [] } as unknown as MapRelation;
    const change = changeOf(fixture, {
      elements: [newcomer],
      removed_elements: [],
      relations: [tie],
      removed_relations: [],
      positions: [{ view: "network", id: "purchasing", at: { x: 700, y: 80 } }],
      unplaced: [],
    });
    drawing.show(applyChange(fixture, change), "network", change);
    await controller.layoutSettled();
    expect(cy.getElementById("purchasing").position()).toEqual({ x: 700, y: 80 });
    // Beside the one it is tied to (the partner saved at 300, -40).
    expect(cy.getElementById("new-1").position()).toEqual({ x: 370, y: 10 });
    expect(cy.getElementById("capstone-teacher").position()).toEqual(before);
  });

  it("draws the whole map when a change was missed", async () => {
    const { cy, drawing, controller } = await drawnOnce();
    const renamed = { ...fixture.elements.find((e) => e.id === "watershed")!, name: "Council" };
    const first = changeOf(fixture, { elements: [renamed], removed_elements: [], relations: [], removed_relations: [], positions: [], unplaced: [] });
    const afterFirst = applyChange(fixture, first);
    const second = changeOf(afterFirst, { elements: [], removed_elements: ["purchasing"], relations: [], removed_relations: [], positions: [], unplaced: [] });
    // Only the second is handed over: the canvas compares the whole map and still ends up right.
    drawing.show(applyChange(afterFirst, second), "network", second);
    await controller.layoutSettled();
    expect(cy.getElementById("watershed").data("name")).toBe("Council");
    expect(cy.getElementById("purchasing").empty()).toBe(true);
  });
});
