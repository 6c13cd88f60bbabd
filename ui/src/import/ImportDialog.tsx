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

/** Opens itself when the File menu asks for an import. */
export function ImportDialog() {
  const [stage, setStage] = useState<Stage | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

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

  if (!stage) return null;
  const close = () => {
    setStage(null);
    setProgress(null);
  };

  const finish = (result: Awaited<ReturnType<typeof commands.importList>>) => {
    if (result.status === "error") setStage({ kind: "error", message: result.error.message });
    else if (result.data) setStage({ kind: "done", summary: result.data.summary, warnings: result.data.warnings });
    else close();
  };

  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-label="Import" data-testid="import-dialog">
      <div className="overlay-card import-card">
        <header>
          <h2>{stage.kind === "list" ? (stage.list === "members" ? "Import members" : "Import relations") : "Import an org chart"}</h2>
          <button className="icon-button" aria-label="Close" data-testid="import-close" onClick={close}>
            ×
          </button>
        </header>

        {stage.kind === "mapping" && (
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
                    onChange={(e) => setStage({ ...stage, mapping: assign(stage.mapping, role, e.target.value || null) })}
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
            <div className="import-preview">
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
            <footer className="import-actions">
              {missing(stage.mapping) && <span className="import-missing">{missing(stage.mapping)}</span>}
              <button onClick={close}>Cancel</button>
              <button
                className="primary"
                data-testid="import-run"
                disabled={missing(stage.mapping) !== null}
                onClick={async () => {
                  const { pick, mapping } = stage;
                  setStage({ kind: "working" });
                  finish(await commands.importOrgChart(pick.token, mapping));
                }}
              >
                Import and save as a new map…
              </button>
            </footer>
          </>
        )}

        {stage.kind === "list" && (
          <>
            <p className="import-lead">
              {stage.list === "members"
                ? "A CSV or spreadsheet with the columns member, community."
                : "A CSV or spreadsheet with the columns source, target, medium, volume, direction — for example from a relationship survey."}{" "}
              Everything is added as one edit: Undo takes it back.
            </p>
            <label className="import-check">
              <input type="checkbox" data-testid="import-create-missing" checked={stage.createMissing} onChange={(e) => setStage({ ...stage, createMissing: e.target.checked })} />
              Add people and communities the list names but the map lacks (otherwise they are reported and skipped)
            </label>
            <footer className="import-actions">
              <button onClick={close}>Cancel</button>
              <button
                className="primary"
                data-testid="import-run"
                onClick={async () => {
                  const { list, createMissing } = stage;
                  setStage({ kind: "working" });
                  finish(await commands.importList(list, createMissing));
                }}
              >
                Choose the file…
              </button>
            </footer>
          </>
        )}

        {stage.kind === "working" && (
          <div className="import-working" data-testid="import-working">
            <progress max={progress?.total ?? undefined} value={progress?.done ?? undefined} />
            <span>{progress ? `Read ${progress.done} of ${progress.total} rows…` : "Working…"}</span>
          </div>
        )}

        {stage.kind === "done" && (
          <>
            <p className="import-lead" data-testid="import-summary">
              {stage.summary}
            </p>
            {stage.warnings.length > 0 && (
              <>
                <h3 className="import-warnings-title">
                  {stage.warnings.length} {stage.warnings.length === 1 ? "row needs" : "rows need"} a look
                </h3>
                <ul className="import-warnings" data-testid="import-warnings">
                  {stage.warnings.map((w, i) => (
                    <li key={i}>{w.message}</li>
                  ))}
                </ul>
              </>
            )}
            <footer className="import-actions">
              <button className="primary" onClick={close}>
                Done
              </button>
            </footer>
          </>
        )}

        {stage.kind === "error" && (
          <>
            <p className="import-error" role="alert" data-testid="import-error">
              {stage.message}
            </p>
            <p className="import-lead">Nothing was imported; the map is as it was.</p>
            <footer className="import-actions">
              <button className="primary" onClick={close}>
                Close
              </button>
            </footer>
          </>
        )}
      </div>
    </div>
  );
}
