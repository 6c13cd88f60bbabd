// Importing from the File menu. An org chart: the core previews the file (headers, the column roles
// it guessed, the first rows), the user corrects the roles, and the core builds a new map, asks where
// to save it and opens it. A relationship or member list: added to the open map as one undoable
// edit. Either way the dialog ends with what was imported and every warning with its row. Files are
// chosen in native dialogs opened by the shell; the page names the picked org chart by its token only.
import { useEffect, useState } from "react";
import { commands, events, type ColumnMapping_Serialize, type ImportWarning, type ListKind, type OrgChartPick_Serialize } from "../bindings";
import { ROLES, assign, missing } from "./columnRoles";
import "./import.css";

type Stage =
  | { kind: "mapping"; pick: OrgChartPick_Serialize; mapping: ColumnMapping_Serialize }
  | { kind: "list"; list: ListKind; createMissing: boolean }
  | { kind: "working" }
  | { kind: "done"; summary: string; warnings: ImportWarning[] }
  | { kind: "error"; message: string };

type MappingStage = Extract<Stage, { kind: "mapping" }>;
type ListStage = Extract<Stage, { kind: "list" }>;
type ImportResult = Awaited<ReturnType<typeof commands.importList>>;
type Progress = { done: number; total: number } | null;

function headingOf(stage: MappingStage | ListStage): string {
  if (stage.kind === "mapping") return "Import an org chart";
  return stage.list === "members" ? "Import members" : "Import relations";
}

/** Opens itself when the File menu asks for an import. */
export function ImportDialog() {
  const [stage, setStage] = useState<Stage | null>(null);
  const [progress, setProgress] = useState<Progress>(null);
  // What is being imported, kept through the working, done and error steps.
  const [heading, setHeading] = useState("Import an org chart");
  useImportRequests(setStage, setProgress);

  if (!stage) return null;
  if (stage.kind === "mapping" || stage.kind === "list") {
    const now = headingOf(stage);
    if (now !== heading) setHeading(now);
  }
  const close = () => {
    setStage(null);
    setProgress(null);
  };

  const finish = (result: ImportResult) => {
    if (result.status === "error") setStage({ kind: "error", message: result.error.message });
    else if (result.data) setStage({ kind: "done", summary: result.data.summary, warnings: result.data.warnings });
    else close();
  };

  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-label="Import" data-testid="import-dialog">
      <div className="overlay-card import-card">
        <div className="overlay-card-header">
          <h2>{heading}</h2>
          <button className="icon-button" aria-label="Close" data-testid="import-close" onClick={close}>
            ×
          </button>
        </div>

        {stage.kind === "mapping" && (
          <MappingStep
            stage={stage}
            onChange={setStage}
            onCancel={close}
            onRun={async () => {
              const { pick, mapping } = stage;
              setStage({ kind: "working" });
              finish(await commands.importOrgChart(pick.token, mapping));
            }}
          />
        )}

        {stage.kind === "list" && (
          <ListStep
            stage={stage}
            onChange={setStage}
            onCancel={close}
            onRun={async () => {
              const { list, createMissing } = stage;
              setStage({ kind: "working" });
              finish(await commands.importList(list, createMissing));
            }}
          />
        )}

        {stage.kind === "working" && <WorkingStep progress={progress} />}

        {stage.kind === "done" && <DoneStep summary={stage.summary} warnings={stage.warnings} onClose={close} />}

        {stage.kind === "error" && <ErrorStep message={stage.message} onClose={close} />}
      </div>
    </div>
  );
}

/** Listens for the File menu's import requests and the core's progress while it reads a file. */
function useImportRequests(setStage: (stage: Stage) => void, setProgress: (progress: Progress) => void) {
  useEffect(() => {
    const stops = [
      events.importRequested.listen(async ({ payload }) => {
        if (payload.what === "org_chart") {
          const picked = await commands.pickOrgChart();
          if (picked.status === "error") setStage({ kind: "error", message: picked.error.message });
          else if (picked.data) setStage({ kind: "mapping", pick: picked.data, mapping: picked.data.preview.mapping });
        } else {
          setStage({ kind: "list", list: payload.what === "members" ? "members" : "relations", createMissing: false });
        }
      }),
      events.importProgress.listen(({ payload }) => setProgress(payload)),
    ];
    return () => stops.forEach((stop) => void stop.then((unlisten) => unlisten()));
  }, []);
}

type StepProps<S> = { stage: S; onChange(stage: S): void; onCancel(): void; onRun(): void };

/** An org chart: which column holds what, with the first rows to check it against. */
function MappingStep({ stage, onChange, onCancel, onRun }: StepProps<MappingStage>) {
  return (
    <>
      <p className="import-lead">
        {stage.pick.preview.total_rows} rows in <strong>{stage.pick.file_name}</strong>. Check which column holds what; the first rows are shown below.
      </p>
      <div className="import-roles">
        {ROLES.map(({ role, label, hint }) => (
          <label key={role} className="import-role">
            <span>{label}</span>
            <select
              data-testid={`import-role-${role}`}
              value={stage.mapping[role] ?? ""}
              onChange={(e) => onChange({ ...stage, mapping: assign(stage.mapping, role, e.target.value || null) })}
            >
              <option value="">— none —</option>
              {stage.pick.preview.headers.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
            {hint && <small>{hint}</small>}
          </label>
        ))}
      </div>
      <MappingPreview stage={stage} />
      <footer className="import-actions">
        {missing(stage.mapping) && <span className="import-missing">{missing(stage.mapping)}</span>}
        <button onClick={onCancel}>Cancel</button>
        <button className="primary" data-testid="import-run" disabled={missing(stage.mapping) !== null} onClick={onRun}>
          Import and save as a new map…
        </button>
      </footer>
    </>
  );
}

/** The first rows of the org chart, each column headed by the role it is given. */
function MappingPreview({ stage }: { stage: MappingStage }) {
  return (
    // It scrolls: a stop of its own so the keyboard can scroll it too.
    <div className="import-preview" role="region" aria-label="The first rows of the file" tabIndex={0}>
      <table>
        <thead>
          <tr>
            <th>Row</th>
            {stage.pick.preview.headers.map((h) => (
              <th key={h}>
                {h}
                <small>{ROLES.find((r) => stage.mapping[r.role] === h)?.label ?? ""}</small>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {stage.pick.preview.rows.map((row) => (
            <tr key={row.row}>
              <td>{row.row}</td>
              {row.cells.map((cell, i) => (
                <td key={i}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A relationship or member list: what the file should hold, and whether to add what the map lacks. */
function ListStep({ stage, onChange, onCancel, onRun }: StepProps<ListStage>) {
  return (
    <>
      <p className="import-lead">
        {stage.list === "members"
          ? "A CSV or spreadsheet with the columns member, community."
          : "A CSV or spreadsheet with the columns source, target, medium, volume, direction — for example from a relationship survey. A row's medium may also say barrier, derives from or governs (with level, step and claims columns) for the policy cascade."}{" "}
        Everything is added as one edit: Undo takes it back.
      </p>
      <label className="import-check">
        <input type="checkbox" data-testid="import-create-missing" checked={stage.createMissing} onChange={(e) => onChange({ ...stage, createMissing: e.target.checked })} />
        Add people and communities the list names but the map lacks (otherwise they are reported and skipped)
      </label>
      <footer className="import-actions">
        <button onClick={onCancel}>Cancel</button>
        <button className="primary" data-testid="import-run" onClick={onRun}>
          Choose the file…
        </button>
      </footer>
    </>
  );
}

function WorkingStep({ progress }: { progress: Progress }) {
  return (
    <div className="import-working" data-testid="import-working">
      <progress max={progress?.total ?? undefined} value={progress?.done ?? undefined} />
      <span>{progress ? `Read ${progress.done} of ${progress.total} rows…` : "Working…"}</span>
    </div>
  );
}

function DoneStep({ summary, warnings, onClose }: { summary: string; warnings: ImportWarning[]; onClose(): void }) {
  return (
    <>
      <p className="import-lead" data-testid="import-summary">
        {summary}
      </p>
      {warnings.length > 0 && (
        <>
          <h3 className="import-warnings-title">
            {warnings.length} {warnings.length === 1 ? "row needs" : "rows need"} a look
          </h3>
          <ul className="import-warnings" data-testid="import-warnings">
            {warnings.map((w, i) => (
              <li key={i}>{w.message}</li>
            ))}
          </ul>
        </>
      )}
      <footer className="import-actions">
        <button className="primary" onClick={onClose}>
          Done
        </button>
      </footer>
    </>
  );
}

function ErrorStep({ message, onClose }: { message: string; onClose(): void }) {
  return (
    <>
      <p className="import-error" role="alert" data-testid="import-error">
        {message}
      </p>
      <p className="import-lead">Nothing was imported; the map is as it was.</p>
      <footer className="import-actions">
        <button className="primary" onClick={onClose}>
          Close
        </button>
      </footer>
    </>
  );
}
