// The open map as this window last heard it from the core, and the three ways to change it:
// apply an edit, undo, redo. The core owns the map: every change goes to it as a command, and what
// it answers (a new snapshot, or an error in plain words) is what the window shows. Maps the shell
// opens on its own (File menu) arrive as a `map-changed` event.
import { useCallback, useEffect, useRef, useState } from "react";
import { commands, events, type CoreError, type Op_Deserialize } from "../bindings";
import type { MapSnapshot, Vocabulary } from "../map/types";
import { shownError, type ShownError } from "./errors";

export type Op = Op_Deserialize;

export type MapDocument =
  | { status: "loading" }
  | { status: "failed"; message: string }
  | { status: "open"; snapshot: MapSnapshot; vocabulary: Vocabulary };

export type MapEditing = {
  /** Sends one edit (or a batch) to the core. Resolves false when the core refused it. */
  apply(op: Op): Promise<boolean>;
  undo(): Promise<void>;
  redo(): Promise<void>;
};

type Answer = { status: "ok"; data: MapSnapshot } | { status: "error"; error: CoreError };

export function useMapDocument(onError: (error: ShownError) => void): MapDocument & { editing: MapEditing } {
  const [document, setDocument] = useState<MapDocument>({ status: "loading" });
  const reportError = useRef(onError);
  reportError.current = onError;

  useEffect(() => {
    let cancelled = false;
    let stopListening: (() => void) | null = null;
    performance.mark("murmuration:ask-snapshot");
    Promise.all([commands.mapSnapshot(), commands.visualVocabulary(), fontsReady()])
      .then(([answer, vocabulary]) => {
        performance.mark("murmuration:snapshot");
        if (cancelled) return;
        if (answer.status === "error") setDocument({ status: "failed", message: shownError(answer.error).text });
        else setDocument({ status: "open", snapshot: answer.data, vocabulary });
      })
      .catch((error: unknown) => {
        if (!cancelled) setDocument({ status: "failed", message: shownError(error).text });
      });
    events.mapChanged
      .listen((event) => {
        setDocument((current) =>
          current.status === "open" ? { ...current, snapshot: event.payload.snapshot } : current,
        );
      })
      .then((stop) => {
        if (cancelled) stop();
        else stopListening = stop;
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
      stopListening?.();
    };
  }, []);

  const settle = useCallback((answer: Answer): boolean => {
    if (answer.status === "error") {
      reportError.current(shownError(answer.error));
      return false;
    }
    setDocument((current) => (current.status === "open" ? { ...current, snapshot: answer.data } : current));
    return true;
  }, []);

  const run = useCallback(
    async (command: () => Promise<Answer>): Promise<boolean> => {
      try {
        return settle(await command());
      } catch (error) {
        reportError.current(shownError(error));
        return false;
      }
    },
    [settle],
  );

  const editing = useRef<MapEditing>({
    apply: (op) => run(() => commands.apply(op)),
    undo: async () => void (await run(() => commands.undo())),
    redo: async () => void (await run(() => commands.redo())),
  }).current;

  return { ...document, editing };
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
