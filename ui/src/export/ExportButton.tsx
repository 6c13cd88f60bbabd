// The top bar's Export button and the dialog it opens (the "export" action, Ctrl+E, opens it too).
import type { ScenarioSummary } from "../bindings";
import type { View } from "../map/types";
import { ActionButton } from "../actions/useActions";
import { ExportDialog } from "./ExportDialog";

type Props = {
  view: View;
  scenes: { id: string; title: string; scenario: string }[];
  /** The scenario on screen (what a drawing of the view shows) and every scenario, for names. */
  scenario: string;
  scenarios: ScenarioSummary[];
  open: boolean;
  onClose(): void;
};

export function ExportButton({ view, scenes, scenario, scenarios, open, onClose }: Props) {
  return (
    <>
      <ActionButton name="export" className="tool-button nowrap" testId="export-button">
        ⤓ Export
      </ActionButton>
      {open && <ExportDialog view={view} scenes={scenes} scenario={scenario} scenarios={scenarios} onClose={onClose} />}
    </>
  );
}
