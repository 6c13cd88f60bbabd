// Zoom in, zoom out and fit, in the corner of the canvas above the minimap.
import { ActionButton } from "../actions/useActions";

export function ZoomControls() {
  return (
    <div className="zoom-controls" role="group" aria-label="Zoom">
      <ActionButton name="zoom_in" className="icon-button" ariaLabel="Zoom in" testId="zoom-in">
        +
      </ActionButton>
      <ActionButton name="zoom_out" className="icon-button" ariaLabel="Zoom out" testId="zoom-out">
        −
      </ActionButton>
      <ActionButton name="fit" className="icon-button" ariaLabel="Zoom to fit" testId="zoom-fit-corner">
        <FitIcon />
      </ActionButton>
    </div>
  );
}

export function FitIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <path d="M1.5 5.5 V1.5 H5.5 M10.5 1.5 H14.5 V5.5 M14.5 10.5 V14.5 H10.5 M5.5 14.5 H1.5 V10.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
}
