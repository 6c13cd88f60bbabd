// The Export dialog (top bar, Ctrl+E): format, view, page and scene, a live preview of the drawing
// the core would make, and Export — the core asks where to save and writes on a worker thread,
// so the window stays responsive behind an indeterminate progress bar.
import { useEffect, useRef, useState, type RefObject } from "react";
import { commands } from "../bindings";
import type { View } from "../map/types";
import type { ScenarioSummary } from "../bindings";
import { FORMATS, PAGES, altTextOf, exportedScenario, isDrawing, optionsFor, previewOptions, svgDataUrl, type Choice, type Format } from "./exportOptions";
import { shownError } from "../state/errors";
import { storiesOf } from "../scenes/sceneLogic";
import "./export.css";

type Props = { view: View; scenes: { id: string; title: string; scenario: string; story?: string | null }[]; scenario: string; scenarios: ScenarioSummary[]; onClose(): void };

type Outcome = { kind: "saved"; path: string } | { kind: "cancelled" } | { kind: "error"; message: string } | null;

const messageOf = (error: unknown) => shownError(error).text;

type Preview = { url: string; altText: string | null } | { error: string } | null;

export function ExportDialog({ view, scenes, scenario, scenarios, onClose }: Props) {
  const [choice, setChoice] = useState<Choice>({ format: "pdf", view: view === "org_chart" ? "org-chart" : "network", page: "a4", scene: null });
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const drawing = isDrawing(choice.format);
  const firstOfDeck = scenes.find((s) => !choice.story || s.story === choice.story);
  const { preview, loadingPreview } = useExportPreview(choice, firstOfDeck?.title ?? null);
  useEscapeCloses(dialog, busy, onClose);

  const run = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const answer = await commands.exportMap(optionsFor(choice));
      if (answer.status === "error") setOutcome({ kind: "error", message: answer.error.message });
      else setOutcome(answer.data === null ? { kind: "cancelled" } : { kind: "saved", path: answer.data });
    } catch (e) {
      setOutcome({ kind: "error", message: messageOf(e) });
    } finally {
      setBusy(false);
    }
  };

  const set = (patch: Partial<Choice>) => {
    setOutcome(null);
    setChoice((c) => ({ ...c, ...patch }));
  };

  return (
    <div className="export-backdrop" onMouseDown={(e) => e.target === e.currentTarget && !busy && onClose()}>
      <div className="export-dialog" role="dialog" aria-modal="true" aria-label="Export" tabIndex={-1} ref={dialog} data-testid="export-dialog">
        <div className="export-header">
          <h2>Export</h2>
          <button className="icon-button" aria-label="Close" onClick={onClose} disabled={busy} data-testid="export-close">✕</button>
        </div>
        <div className="export-body">
          <div className="export-form">
            <ExportChoices choice={choice} scenes={scenes} set={set} />
            <p className="export-scenario" data-testid="export-scenario">
              <span>Scenario</span> {exportedScenario(choice, scenario, scenes, scenarios)}
            </p>
            <div className="export-run">
              <button className="tool-button primary" onClick={() => void run()} disabled={busy} data-testid="export-run">
                {busy ? "Exporting…" : "Export…"}
              </button>
              {busy && <div className="export-progress indeterminate" role="progressbar" aria-label="Exporting" data-testid="export-progress"><span /></div>}
            </div>
            {outcome?.kind === "saved" && <p className="export-saved" data-testid="export-saved">Saved to <code>{outcome.path}</code></p>}
            {outcome?.kind === "cancelled" && <p className="hint-text" data-testid="export-cancelled">Not saved.</p>}
            {outcome?.kind === "error" && <p className="export-error" role="alert" data-testid="export-error">{outcome.message}</p>}
            {choice.format === "png" && preview && "url" in preview && preview.altText && <AltText text={preview.altText} />}
          </div>
          <div className={`export-preview ${loadingPreview ? "loading" : ""}`} data-testid="export-preview">
            {preview && "url" in preview && <img src={preview.url} alt="Preview of the export" data-testid="export-preview-image" />}
            {preview && "error" in preview && <p className="export-error" data-testid="export-preview-error">{preview.error}</p>}
            {!preview && <p className="hint-text">Drawing the preview…</p>}
            {!drawing && <p className="export-preview-note">{FORMATS.find((f) => f.id === choice.format)?.label} is data, not a drawing: the preview shows the map it holds.</p>}
          </div>
        </div>
      </div>
    </div>
  );
}

/** The core's drawing for the current choice, asked for a moment after the choice settles. */
function useExportPreview(choice: Choice, firstScene: string | null) {
  const [preview, setPreview] = useState<Preview>(null);
  const [loadingPreview, setLoadingPreview] = useState(false);
  useEffect(() => {
    let cancelled = false;
    setLoadingPreview(true);
    const timer = setTimeout(() => {
      commands
        .exportPreview(previewOptions(choice, firstScene))
        .then((answer) => {
          if (cancelled) return;
          setPreview(answer.status === "ok" ? { url: svgDataUrl(answer.data), altText: altTextOf(answer.data) } : { error: answer.error.message });
        })
        .catch((e: unknown) => !cancelled && setPreview({ error: messageOf(e) }))
        .finally(() => !cancelled && setLoadingPreview(false));
    }, 150);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [choice.view, choice.page, choice.scene, choice.format === "deck", firstScene]);
  return { preview, loadingPreview };
}

/** Focuses the dialog and closes it on Escape, unless an export is running. */
function useEscapeCloses(dialog: RefObject<HTMLDivElement | null>, busy: boolean, onClose: () => void) {
  useEffect(() => {
    dialog.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !busy) {
        e.stopPropagation();
        onClose();
      }
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [busy, onClose]);
}

/** Format, view, page and scene. */
function ExportChoices({ choice, scenes, set }: { choice: Choice; scenes: Props["scenes"]; set(patch: Partial<Choice>): void }) {
  const drawing = isDrawing(choice.format);
  const stories = storiesOf(scenes);
  return (
    <>
      <fieldset>
        <legend>Format</legend>
        <div className="export-formats">
          {FORMATS.map((f) => (
            <label key={f.id} className={`export-format ${choice.format === f.id ? "chosen" : ""}`} title={f.hint}>
              <input type="radio" name="format" value={f.id} checked={choice.format === f.id} onChange={() => set({ format: f.id as Format })} data-testid={`export-format-${f.id}`} />
              <span>{f.label}</span>
            </label>
          ))}
        </div>
        <p className="hint-text">{FORMATS.find((f) => f.id === choice.format)?.hint}</p>
      </fieldset>
      <label className="export-field">
        <span>View</span>
        <select value={choice.view} disabled={!drawing} onChange={(e) => set({ view: e.target.value as Choice["view"] })} data-testid="export-view">
          <option value="network">Network</option>
          <option value="org-chart">Org chart</option>
        </select>
      </label>
      <label className="export-field">
        <span>Page</span>
        <select value={choice.page} disabled={!drawing} onChange={(e) => set({ page: e.target.value })} data-testid="export-page">
          {PAGES.map((p) => (
            <option key={p.id} value={p.id}>{p.label}</option>
          ))}
        </select>
      </label>
      <label className="export-field">
        <span>Scene</span>
        <select value={choice.scene ?? ""} disabled={!drawing || choice.format === "deck"} onChange={(e) => set({ scene: e.target.value || null })} data-testid="export-scene">
          <option value="">{choice.format === "deck" ? "Every scene" : "The whole view"}</option>
          {scenes.map((s) => (
            <option key={s.id} value={s.title}>{s.title}</option>
          ))}
        </select>
      </label>
      {choice.format === "deck" && stories.length > 0 && (
        <label className="export-field">
          <span>Story</span>
          <select value={choice.story ?? ""} onChange={(e) => set({ story: e.target.value || null })} data-testid="export-story">
            <option value="">Every story</option>
            {stories.map((s) => (
              <option key={s} value={s}>{s}</option>
            ))}
          </select>
        </label>
      )}
      {choice.format === "deck" && scenes.length === 0 && <p className="export-warning">This map has no scenes yet: the deck will have none to show.</p>}
    </>
  );
}

/**
 * A PNG carries no text of its own: the page's alternative text, written by the core, to paste
 * beside the image wherever it is posted (a board packet online must describe it).
 */
function AltText({ text }: { text: string }) {
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => setCopied(null), [text]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied("yes");
    } catch {
      // Without clipboard access, select the words so Ctrl+C copies them.
      box.current?.select();
      setCopied(document.execCommand("copy") ? "yes" : "no");
    }
  };
  return (
    <div className="export-alt" data-testid="export-alt">
      <label htmlFor="export-alt-text">Alternative text</label>
      <textarea id="export-alt-text" ref={box} readOnly value={text} rows={5} data-testid="export-alt-text" />
      <div className="export-alt-actions">
        <button className="tool-button" onClick={() => void copy()} data-testid="export-alt-copy">
          Copy alternative text
        </button>
        <span role="status" className="hint-text">
          {copied === "yes" ? "Copied." : copied === "no" ? "Select the text and press Ctrl+C to copy it." : ""}
        </span>
      </div>
    </div>
  );
}
