// The top bar's Export button; Ctrl+E opens the dialog too.
import { useEffect, useState } from "react";
import type { View } from "../map/types";
import { ExportDialog } from "./ExportDialog";

export function ExportButton({ view, scenes }: { view: View; scenes: { id: string; title: string }[] }) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "e") {
        e.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <>
      <button className="tool-button nowrap" title="Export (Ctrl+E)" data-testid="export-button" onClick={() => setOpen(true)}>
        ⤓ Export
      </button>
      {open && <ExportDialog view={view} scenes={scenes} onClose={() => setOpen(false)} />}
    </>
  );
}
