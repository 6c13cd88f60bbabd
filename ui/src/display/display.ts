// The window's display preferences: the projector (high-contrast) theme and larger text. They are
// the window's, not the map's, so they are kept in localStorage and put on the page's root element
// as data attributes that styles/themes.css reads.
import { useState } from "react";

export type Display = { projector: boolean; largeText: boolean };

const KEY = "murmuration.display";
const PLAIN: Display = { projector: false, largeText: false };

export function loadDisplay(): Display {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? "null") as Partial<Display> | null;
    return { projector: saved?.projector === true, largeText: saved?.largeText === true };
  } catch {
    return PLAIN;
  }
}

/** Puts `display` on the page (called at start, before the first paint, and on every change). */
export function applyDisplay(display: Display, root: HTMLElement = document.documentElement): void {
  root.dataset.theme = display.projector ? "projector" : "standard";
  root.dataset.text = display.largeText ? "large" : "standard";
}

export type DisplayControls = Display & { set(change: Partial<Display>): void };

export function useDisplay(): DisplayControls {
  const [display, setDisplay] = useState(loadDisplay);
  return {
    ...display,
    set(change) {
      const next = { ...display, ...change };
      setDisplay(next);
      applyDisplay(next);
      try {
        localStorage.setItem(KEY, JSON.stringify(next));
      } catch {
        // Without storage the choice lasts until the window closes.
      }
    },
  };
}
