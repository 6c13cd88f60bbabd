// A lens's paint stays on the canvas while it is followed and is gone for good once taken off:
// a repaint scheduled by nodes added just before (a scene switching scenario) must not bring the
// old paint back over the next lens.
import cytoscape from "cytoscape";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { LensPaint } from "../bindings";
import { followLens } from "./lensLayer";
import { LENS_CLASS } from "./paint";

const paintOf = (lens: string, id: string, colour: string): LensPaint => ({
  lens,
  name: lens,
  fills: { [id]: colour },
  sizes: {},
  badges: { [id]: lens },
  legend: [[colour, lens]],
  caption: lens,
});

describe("followLens", () => {
  afterEach(() => vi.useRealTimers());

  it("leaves no trace of a lens taken off, even with a repaint pending", () => {
    vi.useFakeTimers();
    const cy = cytoscape({ headless: true, elements: [{ data: { id: "a" } }, { data: { id: "b" } }] });
    const stop = followLens(cy, paintOf("cascade", "a", "#F2CFB2"));
    expect(cy.$id("a").hasClass(LENS_CLASS)).toBe(true);
    cy.add({ data: { id: "c" } }); // schedules a repaint of the cascade
    stop();
    const next = followLens(cy, paintOf("operating_system", "b", "#66C5AB"));
    vi.runAllTimers();
    expect(cy.$id("a").hasClass(LENS_CLASS)).toBe(false);
    expect(cy.$id("b").hasClass(LENS_CLASS)).toBe(true);
    next();
  });
});
