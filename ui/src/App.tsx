// The window: waits for the map and its vocabulary from the core, then shows the main window;
// anything the core refuses is said in a toast.
import { useCallback, useState } from "react";
import { useMapDocument } from "./state/useMapDocument";
import { MapWindow } from "./MapWindow";
import { Toast, type ToastMessage } from "./panels/Toast";
import { LiveRegion } from "./panels/LiveRegion";
import type { ShownError } from "./state/errors";

export function App() {
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const showError = useCallback(({ text, tone }: ShownError) => setToast({ id: Date.now(), text, tone }), []);
  const dismiss = useCallback(() => setToast(null), []);
  const document = useMapDocument(showError);
  let body;
  if (document.status === "loading") {
    body = <div className="splash" aria-busy="true">Opening the map…</div>;
  } else if (document.status === "failed") {
    body = (
      <div className="splash" role="alert">
        <h1>No map is open</h1>
        <p>{document.message}</p>
      </div>
    );
  } else {
    body = <MapWindow snapshot={document.snapshot} change={document.change} vocabulary={document.vocabulary} editing={document.editing} />;
  }
  return (
    <>
      {body}
      <Toast message={toast} onDismiss={dismiss} />
      <LiveRegion text={document.announcement} />
    </>
  );
}
