// The open map as this window last heard it from the core, and the three ways to change it:
// apply an edit, undo, redo. The core owns the map: every change goes to it as a command, and what
// it answers (what changed, or an error in plain words) is applied by the one store (mapStore.ts).
// Maps the shell opens on its own (File menu) arrive whole as a `map-changed` event; edits the
// window did not send itself (an import) arrive as a `map-edited` change.
import { useCallback, useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { commands, events, type CoreError, type Op_Deserialize } from "../bindings";
import type { MapSnapshot, Vocabulary } from "../map/types";
import { shownError, type ShownError } from "./errors";
import { applyChange, follows, type MapChange } from "./mapStore";
import { describeChange, type ChangeCause } from "./announce";
import { markEdit, offerStore } from "../canvas/testHook";

export type Op = Op_Deserialize;

export type MapDocument =
  | { status: "loading" }
  | { status: "failed"; message: string }
  | {
      status: "open";
      snapshot: MapSnapshot;
      /** The change that made `snapshot` from the one before; null when it arrived whole. */
      change: MapChange | null;
      vocabulary: Vocabulary;
    };

export type MapEditing = {
  /** Sends one edit (or a batch) to the core. Resolves false when the core refused it. */
  apply(op: Op): Promise<boolean>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  /** Shows `snapshot` whole (another scenario put on screen). */
  show(snapshot: MapSnapshot): void;
  /** Takes in the change an edit made that was sent by another command (adopting compared changes). */
  receive(change: MapChange): void;
  /** Says an error the way the window says every error (a view the map cannot show). */
  report(error: unknown): void;
};

type Answer = { status: "ok"; data: MapChange } | { status: "error"; error: CoreError };

export function useMapDocument(onError: (error: ShownError) => void): MapDocument & { editing: MapEditing; announcement: string } {
  const [document, setShown] = useState<MapDocument>({ status: "loading" });
  // The last change in words, for the live region; a repeat differs by a trailing space so it is said again.
  const [announcement, setAnnouncement] = useState("");
  // What was last shown, read synchronously: changes arrive from commands and events in any order.
  const latest = useRef<MapDocument>(document);
  const setDocument = useCallback((next: MapDocument) => {
    latest.current = next;
    setShown(next);
  }, []);
  const reportError = useRef(onError);
  reportError.current = onError;

  const show = useCallback((snapshot: MapSnapshot) => {
    const current = latest.current;
    if (current.status === "open") setDocument({ ...current, snapshot, change: null });
  }, [setDocument]);

  /** Applies the next change; a change that does not follow (a missed one) brings a fresh snapshot. */
  const receive = useCallback((change: MapChange, cause: ChangeCause = "edit") => {
    const current = latest.current;
    if (current.status !== "open") return;
    const { snapshot } = current;
    if (follows(snapshot, change)) {
      const words = describeChange(snapshot, change, cause);
      setAnnouncement((said) => (said === words ? `${words}\u00a0` : words));
      // Rendered at once, not in a later task: the canvas then has the edit before the next frame.
      flushSync(() => setDocument({ ...current, snapshot: applyChange(snapshot, change), change }));
      return;
    }
    // Already applied (the same change heard twice): nothing to do.
    if (change.document === snapshot.document && change.generation <= snapshot.generation) return;
    void commands.mapSnapshot().then((answer) => answer.status === "ok" && show(answer.data));
  }, [setDocument, show]);

  useLoadAndListen(setDocument, show, receive);

  const settle = useCallback((answer: Answer, cause: ChangeCause): boolean => {
    if (answer.status === "error") {
      reportError.current(shownError(answer.error));
      return false;
    }
    receive(answer.data, cause);
    return true;
  }, [receive]);

  const run = useCallback(
    async (command: () => Promise<Answer>, cause: ChangeCause = "edit"): Promise<boolean> => {
      try {
        const answer = await command();
        if (answer.status === "ok") markEdit("edit-answered", answer.data.generation);
        return settle(answer, cause);
      } catch (error) {
        reportError.current(shownError(error));
        return false;
      }
    },
    [settle],
  );

  const editing = useRef<MapEditing>({
    apply: (op) => run(() => commands.apply(op)),
    undo: async () => void (await run(() => commands.undo(), "undo")),
    redo: async () => void (await run(() => commands.redo(), "redo")),
    show,
    receive: (change) => {
      markEdit("edit-answered", change.generation);
      receive(change);
    },
    report: (error) => reportError.current(shownError(error)),
  }).current;

  useEffect(() => {
    offerStore({ apply: editing.apply, snapshot: () => (latest.current.status === "open" ? latest.current.snapshot : null) });
  }, [editing]);

  return { ...document, editing, announcement };
}

/**
 * Asks the core for the open map (once the font is ready), and listens for maps the shell opens
 * and edits the window did not send.
 */
function useLoadAndListen(
  setDocument: (next: MapDocument) => void,
  show: (snapshot: MapSnapshot) => void,
  receive: (change: MapChange, cause?: ChangeCause) => void,
) {
  useEffect(() => {
    let cancelled = false;
    performance.mark("murmuration:ask-snapshot");
    Promise.all([commands.mapSnapshot(), commands.visualVocabulary(), fontsReady()])
      .then(([answer, vocabulary]) => {
        performance.mark("murmuration:snapshot");
        if (cancelled) return;
        if (answer.status === "error") setDocument({ status: "failed", message: shownError(answer.error).text });
        else setDocument({ status: "open", snapshot: answer.data, change: null, vocabulary });
      })
      .catch((error: unknown) => {
        if (!cancelled) setDocument({ status: "failed", message: shownError(error).text });
      });
    const stops = [
      events.mapChanged.listen((event) => show(event.payload.snapshot)),
      events.mapEdited.listen((event) => receive(event.payload.change)),
    ].map((listening) =>
      listening.then((stop) => {
        if (cancelled) stop();
        return stop;
      }),
    );
    return () => {
      cancelled = true;
      stops.forEach((stop) => void stop.then((s) => s()).catch(() => undefined));
    };
  }, []);
}

/**
 * The bundled font, loaded before the map is drawn: the canvas measures every label once, and a
 * label measured in a fallback font would not fit its box once the real font arrives.
 */
function fontsReady(): Promise<unknown> {
  if (typeof document === "undefined" || !document.fonts) return Promise.resolve();
  const family = `"Source Sans 3"`;
  return Promise.all([document.fonts.load(`16px ${family}`), document.fonts.load(`600 16px ${family}`)]).catch(() => undefined);
}
