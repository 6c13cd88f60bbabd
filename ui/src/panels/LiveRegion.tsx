// The polite live region that says every edit in words (state/announce.ts), once per change.
export function LiveRegion({ text }: { text: string }) {
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="announcement">
      {text}
    </div>
  );
}
