// The right-click menu: the actions that make sense for what was clicked, with their shortcuts.
import { Popover } from "./Popover";

export type MenuItem = { label: string; testId: string; run(): void; keys?: string; disabled?: boolean } | "separator";

type Props = { at: { x: number; y: number }; items: MenuItem[]; onClose(): void };

export function ContextMenu({ at, items, onClose }: Props) {
  return (
    <Popover at={at} onClose={onClose} label="Actions" testId="context-menu">
      {items.map((item, i) =>
        item === "separator" ? (
          <hr key={`sep-${i}`} className="menu-separator" />
        ) : (
          <button
            key={item.testId}
            role="menuitem"
            className="menu-item"
            data-testid={item.testId}
            disabled={item.disabled}
            onClick={() => {
              onClose();
              item.run();
            }}
          >
            <span>{item.label}</span>
            {item.keys && <kbd>{item.keys}</kbd>}
          </button>
        ),
      )}
    </Popover>
  );
}
