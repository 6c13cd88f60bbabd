// Side by side, the two canvases pan and zoom as one: whichever the user moves, the other follows.
// Both halves are the same size, so one viewport (zoom and pan) shows the same part of both.
import type { Core } from "cytoscape";

/** Locks `b`'s viewport to `a`'s and back; returns the unlock. */
export function lockViewports(a: Core, b: Core): () => void {
  let following = false;
  const follow = (leader: Core, follower: Core) => () => {
    if (following || leader.destroyed() || follower.destroyed()) return;
    following = true;
    follower.viewport({ zoom: leader.zoom(), pan: { ...leader.pan() } });
    following = false;
  };
  const [ab, ba] = [follow(a, b), follow(b, a)];
  a.on("viewport", ab);
  b.on("viewport", ba);
  ab();
  return () => {
    if (!a.destroyed()) a.off("viewport", ab);
    if (!b.destroyed()) b.off("viewport", ba);
  };
}
