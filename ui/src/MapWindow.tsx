// The main window around an open map: the top bar (title, undo/redo, view switch, search, fit), the
// palette, the canvas (with the first-run hint over the sample, the minimap and zoom controls) and the
// side panel (inspector and legend); plus the popovers a gesture opens and the `?` overlay. What
// each key, button and menu item does lives in the action table (actions/table.ts).
import { useCallback, useRef, useState, type ReactNode, type RefObject } from "react";
import type { MapSnapshot, View, Vocabulary } from "./map/types";
import { MapCanvas, type CanvasEvents, type CanvasHandle, type CanvasTarget } from "./canvas/MapCanvas";
import { CanvasController, CanvasControllerContext } from "./canvas/controller";
import { TopBar } from "./panels/TopBar";
import { SearchBox, type SearchBoxHandle } from "./panels/SearchBox";
import { Inspector } from "./panels/Inspector";
import { Legend } from "./panels/Legend";
import { FirstRunHint } from "./panels/FirstRunHint";
import { HelpOverlay } from "./panels/HelpOverlay";
import { ViewCaption } from "./panels/ViewCaption";
import { Palette } from "./panels/Palette";
import { FitIcon, ZoomControls } from "./panels/ZoomControls";
import { RelationChooser } from "./panels/RelationChooser";
import { RenameField } from "./panels/RenameField";
import { ContextMenu } from "./panels/ContextMenu";
import { menuFor } from "./actions/menus";
import { shortcutRows, type ActionContext } from "./actions/table";
import { ActionButton, ActionsProvider, useActionTable, useActions } from "./actions/useActions";
import type { MapEditing } from "./state/useMapDocument";
import type { MapChange } from "./state/mapStore";
import { useEditCommands, type EditCommands } from "./state/useEditCommands";
import { useSelectCreated } from "./state/useSelectCreated";
import { isBuiltInSample } from "./map/sample";
import { useLens, type LensState } from "./lenses/useLens";
import { LensPicker } from "./lenses/LensPicker";
import { LensPanel } from "./lenses/LensPanel";
import { ScenesPanel } from "./scenes/ScenesPanel";
import { storyScenes } from "./scenes/sceneLogic";
import type { SceneControls } from "./scenes/showScene";
import { Presentation } from "./presentation/Presentation";
import { ExportButton } from "./export/ExportButton";
import { ImportDialog } from "./import/ImportDialog";
import { CompareView, type CompareViewHandle } from "./compare/CompareView";
import { CompareSidePanel } from "./compare/CompareSidePanel";
import { useComparison } from "./compare/useComparison";
import { ScenarioPicker } from "./scenarios/ScenarioPicker";
import { useScenarios, type ScenarioCommands } from "./scenarios/useScenarios";
import { useTime, type TimeState } from "./time/useTime";
import { Scrubber } from "./time/Scrubber";
import { TimelineView } from "./time/TimelineView";
import type { Shown } from "./panels/ViewSwitch";
import { useKeyboardMap } from "./outline/useKeyboardMap";
import { useDisplay } from "./display/display";
import { DisplayMenu } from "./display/DisplayMenu";

type Props = {
  snapshot: MapSnapshot;
  /** What made `snapshot` from the one before, when a change did. */
  change: MapChange | null;
  vocabulary: Vocabulary;
  editing: MapEditing;
};

type Point = { x: number; y: number };

/** The canvas controller lives as long as the window; everything inside reaches the canvas through it. */
export function MapWindow(props: Props) {
  const [controller] = useState(() => new CanvasController());
  return (
    <CanvasControllerContext.Provider value={controller}>
      <MapWindowBody {...props} controller={controller} />
    </CanvasControllerContext.Provider>
  );
}

type Chooser = { source: string; target: string; at: Point };
type Menu = { target: CanvasTarget; at: Point };

function MapWindowBody({ snapshot, change, vocabulary, editing, controller }: Props & { controller: CanvasController }) {
  const canvas = useRef<CanvasHandle>(null);
  const search = useRef<SearchBoxHandle>(null);
  const compareView = useRef<CompareViewHandle>(null);
  const [view, setCanvasView] = useState<View>("network");
  const [comparing, setComparing] = useState(false);
  const [timelineShown, setTimelineShown] = useState(false);
  const setView = useCallback((next: View) => {
    setComparing(false);
    setTimelineShown(false);
    setCanvasView(next);
  }, []);
  const showTimeline = useCallback(() => {
    setComparing(false);
    setTimelineShown(true);
  }, []);
  const shown: Shown = timelineShown ? "timeline" : view;
  const onView = (next: Shown) => (next === "timeline" ? showTimeline() : setView(next));
  const [selection, setSelection] = useState<string[]>([]);
  const [helpOpen, setHelpOpen] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);
  const [chooser, setChooser] = useState<Chooser | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [menu, setMenu] = useState<Menu | null>(null);
  const [presenting, setPresenting] = useState<{ start: number; story: string | null } | null>(null);
  const time = useTime(snapshot, view, controller, editing.report);
  const lens = useLens(snapshot, time.moment);
  const compare = useComparison({ active: comparing, snapshot, vocabulary, editing, seed: () => (view === "network" ? canvas.current?.positions() ?? null : null) });
  const openCompare = () => {
    canvas.current?.clearSelection();
    setTimelineShown(false);
    setComparing(true);
  };
  const comparison: Comparing = {
    on: comparing ? { from: compare.from, to: compare.to, mode: compare.mode } : null,
    show: (from, to, mode) => {
      compare.setFrom(from);
      compare.setTo(to);
      compare.setMode(mode);
      openCompare();
    },
  };
  const { sceneControls, sceneCaption } = useSceneControls(snapshot, view, setView, lens, editing, controller, time, comparison);
  const scenes = snapshot.scenes ?? [];
  const selectCreated = useSelectCreated(snapshot, canvas, setRenaming);
  const edits = useEditCommands({ snapshot, view, selection, editing, canvas, ...selectCreated });
  const scenarios = useScenarios(snapshot, editing, sceneControls);
  const display = useDisplay();
  const { keyboard, outline, picker } = useKeyboardMap({ snapshot, vocabulary, view, selection, canvas, edits, renameOnCanvas: setRenaming, chooseRelation: (source, target, at) => setChooser({ source, target, at }) });

  const context: ActionContext = {
    snapshot,
    vocabulary,
    view,
    selection,
    edits,
    scenarios,
    canvas,
    setView,
    comparing,
    openCompare,
    compare,
    compareView,
    showTimeline,
    focusSearch: () => search.current?.focus(),
    toggleHelp: () => setHelpOpen((open) => !open),
    closeHelp: () => setHelpOpen(false),
    startRenaming: keyboard.rename,
    present: (start, story = null) => scenes.length > 0 && setPresenting({ start, story }),
    openExport: () => setExportOpen(true),
    keyboard,
    display,
  };
  const actions = useActions(context);
  const focus = useFocusElement(snapshot, view, setView, canvas);
  const canvasEvents: CanvasEvents = {
    onSelectionChange: setSelection,
    onDrop: (report) => void edits.drop(report),
    onConnect: (source, target, at) => setChooser({ source, target, at }),
    onRename: setRenaming,
    onContextMenu: (target, at) => setMenu({ target, at }),
    onDropKind: (kind, at) => void edits.add(kind, at),
  };

  const sample = isBuiltInSample(snapshot);

  return (
    <ActionsProvider actions={actions}>
      <div className="app">
        <WindowTopBar snapshot={snapshot} vocabulary={vocabulary} view={shown} canvasView={view} comparing={comparing} onView={onView} onCompare={openCompare} lens={lens} scenarios={scenarios} search={search} onFind={focus} exportOpen={exportOpen} onCloseExport={() => setExportOpen(false)} display={<DisplayMenu display={display} />} />
        <div className="workspace">
          <Palette vocabulary={vocabulary} enabled={!comparing} onAdd={(kind) => actions.run(`add_${kind}`)} />
          {outline}
          <main className="canvas-area">
            <div className="canvas-stage">
              {/* The map canvas stays while comparing (covered), so coming back draws nothing afresh. */}
              <MapCanvas snapshot={snapshot} change={change} vocabulary={vocabulary} view={view} editable={!comparing} events={canvasEvents} handle={canvas} />
              {comparing ? (
                <CompareView snapshot={snapshot} vocabulary={vocabulary} state={compare} handle={compareView} />
              ) : (
                <ViewCaption snapshot={snapshot} view={view} caption={sceneCaption} />
              )}
              <ZoomControls />
              {timelineShown && !comparing && (
                <TimelineView
                  timeline={time.timeline}
                  vocabulary={vocabulary}
                  moment={time.moment}
                  selection={selection}
                  onPick={(bar, moment) => {
                    canvas.current?.select([bar.id]);
                    setSelection([bar.id]);
                    time.moveTo(moment);
                  }}
                />
              )}
            </div>
            {!comparing && <Scrubber time={time} />}
            {sample && !comparing && <FirstRunHint />}
          </main>
          {comparing ? (
            <CompareSidePanel snapshot={snapshot} state={compare} onFocus={(id) => compareView.current?.focus(id)} />
          ) : (
            <SidePanel {...{ snapshot, vocabulary, selection, edits, editing, lens, sceneControls }} onFocus={focus} onPresent={context.present} />
          )}
        </div>
        <GesturePopovers
          {...{ snapshot, vocabulary, canvas, edits, chooser, renaming, menu, context }}
          onChooserClose={() => setChooser(null)}
          onRenamed={() => setRenaming(null)}
          onMenuClose={() => setMenu(null)}
        />
        {picker}
        {presenting !== null && (
          <Presentation scenes={storyScenes(scenes, presenting.story)} story={presenting.story} start={presenting.start} controls={sceneControls} caption={sceneCaption} onExit={() => setPresenting(null)} />
        )}
        {helpOpen && <HelpOverlay shortcuts={shortcutRows(context)} onClose={() => setHelpOpen(false)} />}
        <ImportDialog />
      </div>
    </ActionsProvider>
  );
}

/** What showing a scene may change in this window, and the caption a shown scene puts under the view. */
/** The comparison on screen, and how a comparison scene opens one. */
type Comparing = { on: SceneControls["comparison"]; show: SceneControls["showComparison"] };

function useSceneControls(snapshot: MapSnapshot, view: View, setView: (view: View) => void, lens: LensState, editing: MapEditing, controller: CanvasController, time: TimeState, comparing: Comparing) {
  const [sceneCaption, setSceneCaption] = useState<string | null>(null);
  const sceneControls: SceneControls = {
    scenario: snapshot.scenario,
    view,
    setView,
    lens: lens.lens,
    setLens: lens.setLens,
    showPaint: lens.showPaint,
    show: editing.show,
    report: editing.report,
    setCaption: setSceneCaption,
    canvas: controller,
    moment: time.moment,
    followMoment: time.follow,
    moveMoment: time.moveTo,
    showComparison: comparing.show,
    comparison: comparing.on,
  };
  return { sceneControls, sceneCaption };
}

/** Brings an element into view; one off the org chart switches to the network first. */
function useFocusElement(snapshot: MapSnapshot, view: View, setView: (view: View) => void, canvas: RefObject<CanvasHandle | null>) {
  return useCallback(
    (id: string) => {
      const onChart = snapshot.relations.some((r) => r.kind === "reports_to" && (r.source === id || r.target === id));
      if (view === "org_chart" && !onChart) setView("network");
      canvas.current?.focus(id);
    },
    [snapshot, view],
  );
}

type SidePanelProps = {
  snapshot: MapSnapshot;
  vocabulary: Vocabulary;
  selection: string[];
  edits: EditCommands;
  editing: MapEditing;
  lens: LensState;
  sceneControls: SceneControls;
  onFocus(id: string): void;
  onPresent(index: number): void;
};

/** The side panel: inspector, scenes, lens figures and legend. */
function SidePanel({ snapshot, vocabulary, selection, edits, editing, lens, sceneControls, onFocus, onPresent }: SidePanelProps) {
  return (
    <aside className="side-panel">
      <Inspector
        snapshot={snapshot}
        vocabulary={vocabulary}
        selection={selection}
        edits={{ updateElement: edits.updateElement, updateRelation: edits.updateRelation, nest: edits.nest }}
        onFocus={onFocus}
      />
      <ScenesPanel snapshot={snapshot} editing={editing} controls={sceneControls} selection={selection} onPresent={onPresent} />
      <LensPanel state={lens} />
      <Legend vocabulary={vocabulary} />
    </aside>
  );
}

type TopBarProps = {
  snapshot: MapSnapshot;
  vocabulary: Vocabulary;
  view: Shown;
  /** The network or org chart, under the timeline when that is shown. */
  canvasView: View;
  comparing: boolean;
  onView(view: Shown): void;
  onCompare(): void;
  lens: LensState;
  scenarios: ScenarioCommands;
  search: RefObject<SearchBoxHandle | null>;
  onFind(id: string): void;
  exportOpen: boolean;
  onCloseExport(): void;
  display: ReactNode;
};

/** The top bar with this window's buttons, each running an action from the table. */
function WindowTopBar({ snapshot, vocabulary, view, canvasView, comparing, onView, onCompare, lens, scenarios, search, onFind, exportOpen, onCloseExport, display }: TopBarProps) {
  const scenario = scenarios.shown;
  const sample = isBuiltInSample(snapshot);
  const scenes = snapshot.scenes ?? [];
  return (
    <TopBar
      title={snapshot.title}
      subtitle={[scenario?.name, sample ? "Sample district" : snapshot.file_name].filter(Boolean).join(" · ")}
      view={view}
      comparing={comparing}
      onView={onView}
      onCompare={onCompare}
      history={
        <>
          <ActionButton name="undo" className="tool-button round" ariaLabel="Undo" testId="undo">↶</ActionButton>
          <ActionButton name="redo" className="tool-button round" ariaLabel="Redo" testId="redo">↷</ActionButton>
        </>
      }
      scenario={<ScenarioPicker scenarios={scenarios} />}
      search={<SearchBox ref={search} elements={snapshot.elements} vocabulary={vocabulary} onPick={onFind} />}
      actions={
        <>
          <LensPicker state={lens} />
          <ActionButton name="present" className="tool-button round" ariaLabel="Present" testId="present-button">▶</ActionButton>
          <ExportButton view={canvasView} scenes={scenes} scenario={snapshot.scenario} scenarios={snapshot.scenarios} open={exportOpen} onClose={onCloseExport} />
          <ActionButton name="fit" className="tool-button" testId="zoom-fit">
            <FitIcon /> <span className="tool-label">Fit</span>
          </ActionButton>
          <ActionButton name="outline" className="tool-button" testId="outline-button">
            <span className="tool-label">Outline</span>
          </ActionButton>
          {display}
          <ActionButton name="help" className="tool-button round" ariaLabel="Keyboard shortcuts" testId="help-button">?</ActionButton>
        </>
      }
    />
  );
}

type PopoverProps = {
  snapshot: MapSnapshot;
  vocabulary: Vocabulary;
  canvas: RefObject<CanvasHandle | null>;
  edits: EditCommands;
  context: ActionContext;
  chooser: { source: string; target: string; at: Point } | null;
  renaming: string | null;
  menu: { target: CanvasTarget; at: Point } | null;
  onChooserClose(): void;
  onRenamed(): void;
  onMenuClose(): void;
};

/** What a gesture opens over the canvas: the relation chooser, the rename field, the right-click menu. */
function GesturePopovers({ snapshot, vocabulary, canvas, edits, context, chooser, renaming, menu, onChooserClose, onRenamed, onMenuClose }: PopoverProps) {
  const actions = useActionTable();
  const chooserEnds = ({ source, target }: { source: string; target: string }) => {
    const [from, to] = [canvas.current?.clientBox(source), canvas.current?.clientBox(target)];
    return from && to ? { source: from, target: to } : null;
  };
  const nameOf = (id: string) => snapshot.elements.find((e) => e.id === id)?.name ?? "?";
  const kindOf = (id: string) => snapshot.elements.find((e) => e.id === id)?.kind;
  const renamed = renaming ? snapshot.elements.find((e) => e.id === renaming) : undefined;
  const renameBox = renamed ? canvas.current?.clientBox(renamed.id) : null;
  const modelAt = (p: Point) => canvas.current?.modelAt(p.x, p.y) ?? p;
  return (
    <>
      {chooser && (
        <RelationChooser
          vocabulary={vocabulary}
          sourceName={nameOf(chooser.source)}
          targetName={nameOf(chooser.target)}
          sourceKind={kindOf(chooser.source)}
          targetKind={kindOf(chooser.target)}
          at={chooser.at}
          ends={chooserEnds(chooser)}
          onClose={onChooserClose}
          onChoose={(choice) => {
            onChooserClose();
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
            onRenamed();
            if (name !== null) void edits.rename(renamed, name);
          }}
        />
      )}
      {menu && <ContextMenu at={menu.at} onClose={onMenuClose} items={menuFor(menu.target, context, actions.run, modelAt(menu.at))} />}
    </>
  );
}
