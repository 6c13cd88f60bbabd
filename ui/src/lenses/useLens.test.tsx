// Lens figures are asked of the core only while they are shown: an edit with no lens on and the
// metrics panel closed must analyse nothing (on a big map that is a whole-map analysis per edit).
import { act } from "react";
import { commands } from "../bindings";
import { CanvasController, CanvasControllerContext } from "../canvas/controller";
import { snapshot as fixture } from "../testing/fixtures";
import { rootPerTest } from "../testing/reactRoot";
import type { MapSnapshot } from "../map/types";
import { useLens } from "./useLens";
import { LensPanel } from "./LensPanel";

vi.mock("../bindings", () => {
  const listen = () => Promise.resolve(() => undefined);
  return {
    commands: {
      lenses: vi.fn(() => Promise.resolve([])),
      lensView: vi.fn(() => new Promise(() => undefined)),
    },
    events: { analysisProgress: { listen }, lensRefined: { listen } },
  };
});

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Lens({ snapshot }: { snapshot: MapSnapshot }) {
  return <LensPanel state={useLens(snapshot)} />;
}

/** The map after one more edit, as the store hands it on. */
const edited = (s: MapSnapshot, n: number): MapSnapshot => ({ ...s, generation: s.generation + 1, title: `Riverside ${n}` });

describe("lens figures on demand", () => {
  const mounted = rootPerTest();
  const controller = new CanvasController();
  controller.markDrawn();

  const render = async (snapshot: MapSnapshot) =>
    act(async () =>
      mounted.root.render(
        <CanvasControllerContext.Provider value={controller}>
          <Lens snapshot={snapshot} />
        </CanvasControllerContext.Provider>,
      ),
    );

  beforeEach(() => {
    vi.mocked(commands.lensView).mockClear();
  });

  it("asks for no analysis on an edit with no lens on and the metrics panel closed", async () => {
    let shown = fixture;
    await render(shown);
    // The panel starts closed and no lens is on: the window opening asks for nothing either.
    expect(commands.lensView).not.toHaveBeenCalled();
    for (let n = 1; n <= 3; n++) {
      shown = edited(shown, n);
      await render(shown);
    }
    expect(commands.lensView).not.toHaveBeenCalled();
  });

  it("asks again for each edit while the metrics panel is open", async () => {
    let shown = fixture;
    await render(shown);
    await act(async () => mounted.host.querySelector<HTMLButtonElement>("[data-testid=lens-panel-toggle]")!.click());
    shown = edited(shown, 1);
    await render(shown);
    expect(commands.lensView).toHaveBeenCalledTimes(2);
    expect(commands.lensView).toHaveBeenLastCalledWith(null, null);
  });
});
