// Resolves once the open map is wholly on the canvas. Work that can wait starts after it: on a
// small machine the core's lens figures (exact betweenness, on every core) would otherwise slow
// a big map's first drawing several times over.
let resolveDrawn: () => void = () => undefined;

export const mapDrawn = new Promise<void>((resolve) => {
  resolveDrawn = resolve;
});

export function markMapDrawn(): void {
  resolveDrawn();
}
