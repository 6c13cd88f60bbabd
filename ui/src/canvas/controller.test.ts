// The canvas controller's waits: a scene is framed once its view is arranged on the canvas, not
// after a guessed delay, and never on an arrangement a newer one overtook.
import cytoscape from "cytoscape";
import { CanvasController } from "./controller";

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

function tracked<T>(promise: Promise<T>) {
  const state = { done: false };
  void promise.then(() => (state.done = true));
  return state;
}

describe("the canvas controller", () => {
  it("waits for the view asked for to be arranged, and answers at once when it is", async () => {
    const controller = new CanvasController();
    const cy = cytoscape({ headless: true });
    controller.attach(cy);
    const chart = tracked(controller.viewShown("org_chart"));
    const arranging = controller.arrangingStarted();
    await settled();
    expect(chart.done).toBe(false);
    arranging("network");
    await settled();
    expect(chart.done).toBe(false);
    const ended = controller.arrangingStarted();
    ended("org_chart");
    await settled();
    expect(chart.done).toBe(true);
    await expect(controller.viewShown("org_chart")).resolves.toBe(cy);
  });

  it("waits for another scenario to be arranged before a scene that switched to it is drawn", async () => {
    const controller = new CanvasController();
    const cy = cytoscape({ headless: true });
    controller.attach(cy);
    controller.arrangingStarted()("network", "as-is");
    const toBe = tracked(controller.scenarioShown("to-be", "network"));
    await settled();
    expect(toBe.done).toBe(false);
    controller.arrangingStarted()("network", "to-be");
    await settled();
    expect(toBe.done).toBe(true);
  });

  it("does not count an overtaken arrangement as the view shown", async () => {
    const controller = new CanvasController();
    controller.attach(cytoscape({ headless: true }));
    const network = tracked(controller.viewShown("network"));
    const first = controller.arrangingStarted();
    const second = controller.arrangingStarted();
    first(null);
    await settled();
    expect(network.done).toBe(false);
    second("network");
    await settled();
    expect(network.done).toBe(true);
  });

  it("settles the layout only once every arrangement has ended, each counted once", async () => {
    const controller = new CanvasController();
    controller.attach(cytoscape({ headless: true }));
    const first = controller.arrangingStarted();
    const second = controller.arrangingStarted();
    const settledLayout = tracked(controller.layoutSettled());
    first(null);
    first(null);
    await settled();
    expect(settledLayout.done).toBe(false);
    second("network");
    await settled();
    expect(settledLayout.done).toBe(true);
  });

  it("forgets a replaced canvas's arrangements, and resolves mapDrawn once drawn", async () => {
    const controller = new CanvasController();
    const old = cytoscape({ headless: true });
    controller.attach(old);
    const stale = controller.arrangingStarted();
    const fresh = cytoscape({ headless: true });
    controller.attach(fresh);
    stale("network");
    const network = tracked(controller.viewShown("network"));
    await settled();
    expect(network.done).toBe(false);
    const drawn = tracked(controller.mapDrawn());
    await settled();
    expect(drawn.done).toBe(false);
    controller.markDrawn();
    await settled();
    expect(drawn.done).toBe(true);
  });
});
