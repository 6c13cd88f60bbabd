// The `?` overlay: every keyboard shortcut (the actions with keys, from the one action table) and
// every mouse gesture.
import type { ActionGroup, ShortcutRow } from "../actions/table";

const GESTURES: [string, string][] = [
  ["Drag the background", "Pan"],
  ["Scroll", "Zoom"],
  ["Click", "Select"],
  ["Shift + click", "Add to the selection"],
  ["Shift + drag", "Select everything in a box"],
  ["Drag an element", "Move it; drop it on a group to put it inside"],
  ["Drag the handle of an element to another", "Draw a relation"],
  ["Double-click an element", "Rename it"],
  ["Right-click", "More actions"],
];

type Props = { onClose(): void; shortcuts: ShortcutRow[] };

const GROUPS: ActionGroup[] = ["Find and look", "Move by keyboard", "Compare", "Edit", "Scenarios", "Add"];

export function HelpOverlay({ onClose, shortcuts }: Props) {
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts" data-testid="help-overlay" onClick={onClose}>
      <div className="overlay-card help" onClick={(e) => e.stopPropagation()}>
        <div className="overlay-card-header">
          <h2>Keyboard and mouse</h2>
          <button className="icon-button" aria-label="Close" data-testid="help-close" onClick={onClose}>
            ×
          </button>
        </div>
        <div className="help-columns">
          {GROUPS.map((group) => (
            <section key={group}>
              <h3>{group}</h3>
              <table>
                <tbody>
                  {shortcuts.filter((s) => s.group === group).map((s) => (
                    <tr key={s.name} data-testid={`shortcut-${s.name}`}>
                      <td className="keys">
                        {s.keys.map((k) => (
                          <kbd key={k}>{k}</kbd>
                        ))}
                      </td>
                      <td>{s.label}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
          <section>
            <h3>Mouse</h3>
            <table>
              <tbody>
                {GESTURES.map(([gesture, effect]) => (
                  <tr key={gesture}>
                    <td className="gesture">{gesture}</td>
                    <td>{effect}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
      </div>
    </div>
  );
}
