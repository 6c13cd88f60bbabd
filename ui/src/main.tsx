// Entry point: the bundled font (nothing loads from the network), the window's styles, the app.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "@fontsource/source-sans-3/400.css";
import "@fontsource/source-sans-3/600.css";
import "@fontsource/source-sans-3/700.css";
// The window's styles by what they style; the narrow-window overrides come last.
import "./styles/base.css";
import "./styles/layout.css";
import "./styles/top-bar.css";
import "./styles/search.css";
import "./styles/canvas-overlays.css";
import "./styles/side-panel.css";
import "./styles/legend.css";
import "./styles/overlays.css";
import "./styles/palette.css";
import "./styles/canvas.css";
import "./styles/popovers.css";
import "./styles/toast.css";
import "./styles/themes.css";
import "./styles/narrow-windows.css";
import { App } from "./App";
import { applyDisplay, loadDisplay } from "./display/display";

// The remembered theme and text size, before the first paint.
applyDisplay(loadDisplay());

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
