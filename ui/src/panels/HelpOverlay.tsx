// The `?` overlay: every keyboard shortcut (from the one shortcut table) and every mouse gesture.
import type { Vocabulary } from "../bindings";
import { SHORTCUTS, type Shortcut } from "../state/shortcuts";

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

type Props = { onClose(): void; vocabulary: Vocabulary };

export function HelpOverlay({ onClose, vocabulary }: Props) {
  const groups = ["Find and look", "Edit", "Add"] as const;
  const describe = (s: Shortcut) =>
    s.group === "Add" ? `Add ${vocabulary.elements.find((e) => `add_${e.kind}` === s.action)?.label.toLowerCase() ?? s.action.slice(4)}` : s.description;
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts" data-testid="help-overlay" onClick={onClose}>
      <div className="overlay-card help" onClick={(e) => e.stopPropagation()}>
        <header>
          <h2>Keyboard and mouse</h2>
          <button className="icon-button" aria-label="Close" data-testid="help-close" onClick={onClose}>
            ×
          </button>
        </header>
        <div className="help-columns">
          {groups.map((group) => (
            <section key={group}>
              <h3>{group}</h3>
              <table>
                <tbody>
                  {SHORTCUTS.filter((s) => s.group === group).map((s) => (
                    <tr key={s.action}>
                      <td className="keys">
                        {s.keys.map((k) => (
                          <kbd key={k}>{k}</kbd>
                        ))}
                      </td>
                      <td>{describe(s)}</td>
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
