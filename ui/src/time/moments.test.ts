// A dragged scrubber asks the core for the latest moment only; a replay passes every step and
// ends where it was asked to; ghosting fades only what had ended.
import { labelEvery, Latest, monthWords, replaySteps, withGhosts } from "./moments";
import type { ViewAnswer_Serialize } from "../bindings";

describe("time in the window", () => {
  it("says a month in words", () => {
    expect(monthWords("2021-04")).toBe("April 2021");
    expect(monthWords("2021")).toBe("2021");
  });

  it("labels every year of a short extent and every tenth of a long one", () => {
    expect(labelEvery(6)).toBe(1);
    expect(labelEvery(59)).toBe(10);
  });

  it("replays by month or year and always ends on the last moment", () => {
    expect(replaySteps(0, 3, "month")).toEqual([0, 1, 2, 3]);
    expect(replaySteps(0, 30, "year")).toEqual([0, 12, 24, 30]);
    expect(replaySteps(5, 5, "year")).toEqual([5]);
    expect(replaySteps(24, 0, "year")).toEqual([24, 12, 0]);
  });

  it("runs only the latest moment sent while one is being drawn", async () => {
    const drawn: string[] = [];
    let release: () => void = () => undefined;
    const latest = new Latest<string>(async (m) => {
      drawn.push(m);
      if (m === "2018-01") await new Promise<void>((r) => (release = r));
    });
    const first = latest.send("2018-01");
    for (const m of ["2018-02", "2018-03", "2018-04"]) void latest.send(m);
    release();
    await first;
    expect(drawn).toEqual(["2018-01", "2018-04"]);
  });

  it("ghosts what had ended and keeps hiding what had not begun", () => {
    const answer: ViewAnswer_Serialize = {
      scenario: "s",
      view: "network",
      visible: ["a"],
      faded: [],
      hidden: ["gone", "future"],
      visible_relations: [],
      faded_relations: [],
      hidden_relations: ["r"],
      regrouped: [],
      departed: ["gone"],
      departed_relations: ["r"],
      as_it_was: [],
      lens: null,
      caption: null,
    };
    const ghosted = withGhosts(answer, true);
    expect(ghosted.hidden).toEqual(["future"]);
    expect(ghosted.faded).toEqual(["gone"]);
    expect(ghosted.faded_relations).toEqual(["r"]);
    expect(withGhosts(answer, false)).toBe(answer);
  });
});
