// What the window can do with its scenarios: show one, start a new one (blank or a copy), rename,
// duplicate, reorder and delete — each an undoable op through the core — and ask the core ahead
// whether an edit would be accepted, so the picker can say a problem before anything is sent.
import { useCallback, useEffect, useRef, useState } from "react";
import { commands, type Op_Deserialize as Op, type ScenarioSummary } from "../bindings";
import type { MapSnapshot } from "../map/types";
import type { MapEditing } from "../state/useMapDocument";
import { shownError } from "../state/errors";
import { newId } from "../edit/ids";
import { showScenario, type SceneControls } from "../scenes/showScene";
import { addScenarioOp, copyNames, deleteScenarioOp, moveScenarioBy, neighbourOf, renameScenarioOp } from "./scenarioOps";

export type PickerMode = "list" | "create" | "rename";

export type ScenarioCommands = {
  list: ScenarioSummary[];
  /** The scenario on screen. */
  shown: ScenarioSummary | undefined;
  show(id: string): Promise<boolean>;
  /** Shows the next (1) or previous (-1) scenario in the list. */
  step(delta: number): void;
  create(name: string, copyFrom: string | null): Promise<boolean>;
  rename(id: string, name: string): Promise<boolean>;
  duplicate(id: string): Promise<boolean>;
  move(id: string, delta: number): Promise<boolean>;
  remove(id: string): Promise<boolean>;
  /** The core's words on `op` if it would refuse it, else null. Changes nothing. */
  problemWith(op: Op): Promise<string | null>;
  /** Why the scenario on screen cannot be deleted (the core's words), or null. */
  deleteRefusal: string | null;
  picker: PickerMode | null;
  openPicker(mode: PickerMode): void;
  closePicker(): void;
};

/** The core's answer to `op` without applying it: its message, or null when it would be accepted. */
export async function problemWith(op: Op): Promise<string | null> {
  try {
    const answer = await commands.checkEdit(op);
    return answer.status === "error" ? answer.error.message : null;
  } catch (error) {
    return shownError(error).text;
  }
}

export function useScenarios(snapshot: MapSnapshot, editing: MapEditing, controls: SceneControls): ScenarioCommands {
  const [picker, setPicker] = useState<PickerMode | null>(null);
  const deleteRefusal = useDeleteRefusal(snapshot);
  const latest = useRef(controls);
  latest.current = controls;
  const list = snapshot.scenarios;
  const shown = list.find((s) => s.id === snapshot.scenario);

  const show = useCallback((id: string) => showScenario(id, latest.current), []);
  const addAndShow = async (op: Op, id: string) => (await editing.apply(op)) && (await show(id));

  return {
    list,
    shown,
    show,
    step: (delta) => {
      const next = neighbourOf(list, snapshot.scenario, delta);
      if (next) void show(next.id);
    },
    create: (name, copyFrom) => {
      const id = newId();
      return addAndShow(addScenarioOp(id, name, copyFrom), id);
    },
    rename: (id, name) => editing.apply(renameScenarioOp(id, name)),
    duplicate: async (id) => {
      const source = list.find((s) => s.id === id);
      if (!source) return false;
      const newIdOf = newId();
      let tries = 0;
      for (const name of copyNames(source.name)) {
        const op = addScenarioOp(newIdOf, name, id);
        // The first name the core accepts; after a few refusals, let it say why.
        if ((await problemWith(op)) === null || ++tries >= 20) return addAndShow(op, newIdOf);
      }
      return false;
    },
    move: async (id, delta) => {
      const op = moveScenarioBy(list, id, delta);
      return op !== null && editing.apply(op);
    },
    remove: (id) => editing.apply(deleteScenarioOp(id)),
    problemWith,
    deleteRefusal,
    picker,
    openPicker: setPicker,
    closePicker: () => setPicker(null),
  };
}

/** The core's reason the scenario on screen cannot be deleted, asked again whenever the list changes. */
function useDeleteRefusal(snapshot: MapSnapshot): string | null {
  const [refusal, setRefusal] = useState<string | null>(null);
  const names = snapshot.scenarios.map((s) => `${s.id}\u0000${s.name}`).join("\u0001");
  useEffect(() => {
    let current = true;
    void problemWith(deleteScenarioOp(snapshot.scenario)).then((problem) => current && setRefusal(problem));
    return () => {
      current = false;
    };
  }, [snapshot.scenario, names]);
  return refusal;
}
