// Zoom in, zoom out and fit, in the corner of the canvas above the minimap.
type Props = { onZoom(factor: number): void; onFit(): void };

export function ZoomControls({ onZoom, onFit }: Props) {
  return (
    <div className="zoom-controls" role="group" aria-label="Zoom">
      <button className="icon-button" title="Zoom in (+)" aria-label="Zoom in" data-testid="zoom-in" onClick={() => onZoom(1.25)}>
        +
      </button>
      <button className="icon-button" title="Zoom out (−)" aria-label="Zoom out" data-testid="zoom-out" onClick={() => onZoom(0.8)}>
        −
      </button>
      <button className="icon-button" title="Zoom to fit (F)" aria-label="Zoom to fit" data-testid="zoom-fit-corner" onClick={onFit}>
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M1.5 5.5 V1.5 H5.5 M10.5 1.5 H14.5 V5.5 M14.5 10.5 V14.5 H10.5 M5.5 14.5 H1.5 V10.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
        </svg>
      </button>
    </div>
  );
}
