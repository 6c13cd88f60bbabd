// Errors are shown by kind through one table; the words are the core's.
import { ERROR_TONE, shownError } from "./errors";

describe("errors", () => {
  it("says a refusal as an error in the core's words, with what it is about", () => {
    expect(shownError({ kind: "reports_to_cycle", message: "Maria would report to herself.", subjects: ["m"] })).toEqual({
      text: "Maria would report to herself.",
      tone: "error",
      subjects: ["m"],
    });
  });

  it("only notes that there is nothing to undo or redo", () => {
    expect(shownError({ kind: "nothing_to_undo", message: "Nothing to undo." }).tone).toBe("info");
    expect(Object.entries(ERROR_TONE).filter(([, tone]) => tone === "info").map(([kind]) => kind)).toEqual(["nothing_to_undo", "nothing_to_redo"]);
  });

  it("shows the window's own failures in their words", () => {
    expect(shownError(new Error("The window lost the map."))).toEqual({ text: "The window lost the map.", tone: "error", subjects: [] });
    expect(shownError("offline").text).toBe("offline");
  });
});
