// Work over thousands of elements done a slice at a time, so the window draws and answers between
// slices: a big map's hidden relations arriving, a change of level of detail reaching every element.

/**
 * Runs `work(from, to)` over `0..count` in slices of `size`, each in a task of its own, stopping
 * early once `current()` turns false (newer work has taken over); `progress(done, count)` follows
 * each slice. Resolves when done or stopped.
 */
export function inSlices(
  count: number,
  size: number,
  work: (from: number, to: number) => void,
  current: () => boolean,
  progress: (done: number, count: number) => void = () => undefined,
): Promise<void> {
  return new Promise((resolve) => {
    if (count === 0) return resolve();
    let next = 0;
    const step = () => {
      if (!current()) return resolve();
      const to = Math.min(next + size, count);
      work(next, to);
      next = to;
      progress(next, count);
      if (next < count) setTimeout(step, 0);
      else resolve();
    };
    progress(0, count);
    setTimeout(step, 0);
  });
}
