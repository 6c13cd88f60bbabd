// A React root in a fresh element of the page for each test of a describe block, unmounted and
// removed after it: the set-up every component and hook test of the window repeats.
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";

export type Mounted = { readonly root: Root; readonly host: HTMLDivElement };

/** Call inside `describe`: registers the set-up and tear-down, answers the current root and host. */
export function rootPerTest(): Mounted {
  let root: Root | null = null;
  let host: HTMLDivElement | null = null;
  beforeEach(() => {
    host = document.createElement("div");
    document.body.append(host);
    root = createRoot(host);
  });
  afterEach(() => {
    act(() => root?.unmount());
    host?.remove();
  });
  return {
    get root() {
      return root!;
    },
    get host() {
      return host!;
    },
  };
}
