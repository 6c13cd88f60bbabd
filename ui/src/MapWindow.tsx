// The main window around an open map: the top bar (title, undo/redo, view switch, search, fit), the
// palette, the canvas (with the first-run hint over the sample, the minimap and zoom controls) and the
// side panel (inspector and legend); plus the popovers a gesture opens and the `?` overlay.
import { useCallback, useEffect, useRef, useState } from "react";
import type { ElementKind, MapSnapshot, View, Vocabulary } from "./map/types";
import { MapCanvas, type CanvasEvents, type CanvasHandle, type CanvasTarget } from "./canvas/MapCanvas";
import { TopBar } from "./panels/TopBar";
import { SearchBox, type SearchBoxHandle } from "./panels/SearchBox";
import { Inspector } from "./panels/Inspector";
import { Legend } from "./panels/Legend";
import { FirstRunHint } from "./panels/FirstRunHint";
import { HelpOverlay } from "./panels/HelpOverlay";
import { ViewCaption } from "./panels/ViewCaption";
import { Palette } from "./panels/Palette";
import { ZoomControls } from "./panels/ZoomControls";
import { RelationChooser } from "./panels/RelationChooser";
import { RenameField } from "./panels/RenameField";
import { ContextMenu } from "./panels/ContextMenu";
import { menuItems } from "./panels/menuItems";
import { actionFor, type Action } from "./state/shortcuts";
import type { MapEditing } from "./state/useMapDocument";
import { useEditCommands } from "./state/useEditCommands";
import { isBuiltInSample } from "./map/sample";
import { useLens } from "./lenses/useLens";
import { LensPicker } from "./lenses/LensPicker";
import { LensPanel } from "./lenses/LensPanel";
import { ScenesPanel } from "./scenes/ScenesPanel";
import { Presentation } from "./presentation/Presentation";
import { ExportButton } from "./export/ExportButton";
import { ImportDialog } from "./import/ImportDialog";

type Props = { snapshot: MapSnapshot; vocabulary: Vocabulary; editing: MapEditing };

type Point = { x: number; y: number };

export function MapWindow({ snapshot, vocabulary, editing }: Props) {
  const canvas = useRef<CanvasHandle>(null);
  const search = useRef<SearchBoxHandle>(null);
  const [view, setView] = useState<View>("network");
  const [selection, setSelection] = useState<string[]>([]);
  const [helpOpen, setHelpOpen] = useState(false);
  const [chooser, setChooser] = useState<{ source: string; target: string; at: Point } | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [menu, setMenu] = useState<{ target: CanvasTarget; at: Point } | null>(null);
  // What an edit asks to select once the canvas shows its result: the elements it created (a single
  // new one is named at once), or the ones a drop moved into a group.
  const created = useRef<{ ids: string[]; rename: boolean; shown(snapshot: MapSnapshot): boolean } | null>(null);
  const lens = useLens(snapshot);
  const [presenting, setPresenting] = useState<number | null>(null);
  const sceneControls = { view, setView, setLens: lens.setLens, lens: lens.lens };

  const edits = useEditCommands({
    snapshot,
    view,
    selection,
    editing,
    canvas,
    onCreated: (ids, rename) =>
      (created.current = {
        ids,
        rename,
        shown: (now) => ids.every((id) => now.elements.some((e) => e.id === id) || now.relations.some((r) => r.id === id)),
      }),
    onNested: (nested) =>
      (created.current = {
        ids: nested.map((n) => n.child),
        rename: false,
        shown: (now) => nested.every((n) => (now.elements.find((e) => e.id === n.child)?.parent ?? null) === n.parent),
      }),
  });

  // Select what an edit just created (or nested) once the canvas has drawn it; a single new element is named at once.
  useEffect(() => {
    const pending = created.current;
    if (!pending || !pending.shown(snapshot)) return;
    created.current = null;
    requestAnimationFrame(() => {
      canvas.current?.select(pending.ids);
      if (pending.rename && pending.ids.length === 1) setRenaming(pending.ids[0]);
    });
  }, [snapshot]);

  const focus = useCallback(
    (id: string) => {
      const onChart = snapshot.relations.some((r) => r.kind === "reports_to" && (r.source === id || r.target === id));
      if (view === "org_chart" && !onChart) setView("network");
      canvas.current?.focus(id);
    },
    [snapshot, view],
  );

  const firstSelectedElement = () => snapshot.elements.find((e) => selection.includes(e.id));

  const run = (action: Action): boolean => {
    if (action.startsWith("add_")) {
      void edits.add(action.slice(4) as ElementKind);
      return true;
    }
    switch (action) {
      case "search":
        search.current?.focus();
        return true;
      case "fit":
        canvas.current?.fit();
        return true;
      case "zoom_in":
        canvas.current?.zoomBy(1.25);
        return true;
      case "zoom_out":
        canvas.current?.zoomBy(0.8);
        return true;
      case "network":
      case "org_chart":
        setView(action);
        return true;
      case "help":
        setHelpOpen((open) => !open);
        return true;
      case "escape":
        setHelpOpen(false);
        canvas.current?.clearSelection();
        return true;
      case "undo":
        void edits.undo();
        return true;
      case "redo":
        void edits.redo();
        return true;
      case "delete":
        void edits.deleteSelected();
        return true;
      case "duplicate":
        void edits.duplicate();
        return true;
      case "copy":
        return edits.copy();
      case "paste":
        void edits.paste();
        return true;
      case "select_all":
        canvas.current?.selectAll();
        return true;
      case "arrange_rings":
        return edits.arrangeInRings();
      case "rename": {
        const element = firstSelectedElement();
        if (element) setRenaming(element.id);
        return element !== undefined;
      }
      default:
        return false;
    }
  };
  const runLatest = useRef(run);
  runLatest.current = run;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = actionFor(event);
      if (action === null) return;
      const typing = event.target instanceof HTMLElement && event.target.closest("input, textarea, select, [contenteditable]");
      if (typing && action !== "search") return;
      if (runLatest.current(action)) event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const canvasEvents: CanvasEvents = {
    onSelectionChange: setSelection,
    onDrop: (report) => void edits.drop(report),
    onConnect: (source, target, at) => setChooser({ source, target, at }),
    onRename: setRenaming,
    onContextMenu: (target, at) => setMenu({ target, at }),
    onDropKind: (kind, at) => void edits.add(kind, at),
  };

  const chooserEnds = ({ source, target }: { source: string; target: string }) => {
    const [from, to] = [canvas.current?.clientBox(source), canvas.current?.clientBox(target)];
    return from && to ? { source: from, target: to } : null;
  };
  const nameOf = (id: string) => snapshot.elements.find((e) => e.id === id)?.name ?? "?";
  const renamed = renaming ? snapshot.elements.find((e) => e.id === renaming) : undefined;
  const renameBox = renamed ? canvas.current?.clientBox(renamed.id) : null;
  const scenario = snapshot.scenarios.find((s) => s.id === snapshot.scenario);
  const sample = isBuiltInSample(snapshot);

  return (
    <div className="app">
      <TopBar
        title={snapshot.title}
        subtitle={[scenario?.name, sample ? "Sample district" : snapshot.file_name].filter(Boolean).join(" · ")}
        view={view}
        onView={setView}
        history={
          <>
            <button className="tool-button round" title="Undo (Ctrl+Z)" aria-label="Undo" data-testid="undo" disabled={!snapshot.can_undo} onClick={() => run("undo")}>
              ↶
            </button>
            <button className="tool-button round" title="Redo (Ctrl+Shift+Z)" aria-label="Redo" data-testid="redo" disabled={!snapshot.can_redo} onClick={() => run("redo")}>
              ↷
            </button>
          </>
        }
        search={<SearchBox ref={search} elements={snapshot.elements} vocabulary={vocabulary} onPick={focus} />}
        actions={
          <>
            <LensPicker state={lens} />
            <button className="tool-button round" title="Present the scenes (F5)" aria-label="Present" data-testid="present-button" disabled={(snapshot.scenes ?? []).length === 0} onClick={() => setPresenting(0)}>
              ▶
            </button>
            <ExportButton view={view} scenes={snapshot.scenes ?? []} />
            <button className="tool-button" title="Zoom to fit (F)" data-testid="zoom-fit" onClick={() => run("fit")}>
              <FitIcon /> <span className="tool-label">Fit</span>
            </button>
            <button className="tool-button round" title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts" data-testid="help-button" onClick={() => run("help")}>
              ?
            </button>
          </>
        }
      />
      <div className="workspace">
        <Palette vocabulary={vocabulary} enabled onAdd={(kind) => void edits.add(kind)} />
        <main className="canvas-area">
          <MapCanvas snapshot={snapshot} vocabulary={vocabulary} view={view} editable events={canvasEvents} handle={canvas} />
          <ViewCaption snapshot={snapshot} view={view} />
          <ZoomControls onZoom={(f) => canvas.current?.zoomBy(f)} onFit={() => canvas.current?.fit()} />
          {sample && <FirstRunHint />}
        </main>
        <aside className="side-panel">
          <Inspector
            snapshot={snapshot}
            vocabulary={vocabulary}
            selection={selection}
            edits={{ updateElement: edits.updateElement, updateRelation: edits.updateRelation, nest: edits.nest }}
            onFocus={focus}
          />
          <ScenesPanel snapshot={snapshot} editing={editing} controls={sceneControls} selection={selection} onPresent={(i) => (snapshot.scenes ?? []).length > 0 && setPresenting(i)} />
          <LensPanel state={lens} />
          <Legend vocabulary={vocabulary} />
        </aside>
      </div>
      {chooser && (
        <RelationChooser
          vocabulary={vocabulary}
          sourceName={nameOf(chooser.source)}
          targetName={nameOf(chooser.target)}
          at={chooser.at}
          ends={chooserEnds(chooser)}
          onClose={() => setChooser(null)}
          onChoose={(choice) => {
            setChooser(null);
            void edits.connect(chooser.source, chooser.target, choice);
          }}
        />
      )}
      {renamed && renameBox && (
        <RenameField
          key={renamed.id}
          box={renameBox}
          name={renamed.name}
          onDone={(name) => {
            setRenaming(null);
            if (name !== null) void edits.rename(renamed, name);
          }}
        />
      )}
      {menu && (
        <ContextMenu
          at={menu.at}
          onClose={() => setMenu(null)}
          items={menuItems(menu.target, { snapshot, view, run, edits, canvas, setRenaming, modelAt: (p) => canvas.current?.modelAt(p.x, p.y) ?? p, at: menu.at })}
        />
      )}
      {presenting !== null && <Presentation scenes={snapshot.scenes ?? []} start={presenting} controls={sceneControls} onExit={() => setPresenting(null)} />}
      {helpOpen && <HelpOverlay vocabulary={vocabulary} onClose={() => setHelpOpen(false)} />}
      <ImportDialog />
    </div>
  );
}

function FitIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <path d="M1.5 5.5 V1.5 H5.5 M10.5 1.5 H14.5 V5.5 M14.5 10.5 V14.5 H10.5 M5.5 14.5 H1.5 V10.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
}
