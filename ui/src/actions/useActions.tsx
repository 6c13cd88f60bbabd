// The action table wired into the window: one key handler for every shortcut, and a context through
// which buttons anywhere run an action, grey out when it does not apply and show its keys.
import { createContext, useContext, useEffect, useRef, type ReactNode } from "react";
import { action, actionForKey, isEnabled, perform, tooltip, type ActionContext, type ActionTarget } from "./table";

export type Actions = {
  run(name: string, target?: ActionTarget): boolean;
  enabled(name: string, target?: ActionTarget): boolean;
  tooltip(name: string): string;
  context(): ActionContext;
};

const ActionsContext = createContext<Actions | null>(null);

/** Whether a key press lands in a place where text is typed (the keys are then the field's). */
function typingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest("input, textarea, select, [contenteditable]") !== null;
}

/** Dispatches key presses to the table's actions for as long as the window is shown. */
export function useActions(context: ActionContext): Actions {
  const latest = useRef(context);
  latest.current = context;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const found = actionForKey(event);
      if (found === null || (typingIn(event.target) && !found.whileTyping)) return;
      if (perform(found, latest.current) || found.keepsKeys) event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return {
    run: (name, target) => perform(action(name), latest.current, target),
    enabled: (name, target) => isEnabled(action(name), context, target),
    tooltip: (name) => tooltip(action(name), context),
    context: () => latest.current,
  };
}

export function ActionsProvider({ actions, children }: { actions: Actions; children: ReactNode }) {
  return <ActionsContext.Provider value={actions}>{children}</ActionsContext.Provider>;
}

export function useActionTable(): Actions {
  const actions = useContext(ActionsContext);
  if (!actions) throw new Error("The action table is missing: render inside ActionsProvider.");
  return actions;
}

type ButtonProps = { name: string; className: string; testId: string; ariaLabel?: string; describedBy?: string; children: ReactNode };

/** A button that runs one action: greyed when it does not apply, its label and keys as the tooltip. */
export function ActionButton({ name, className, testId, ariaLabel, describedBy, children }: ButtonProps) {
  const actions = useActionTable();
  return (
    <button
      className={className}
      title={actions.tooltip(name)}
      aria-label={ariaLabel}
      aria-describedby={describedBy}
      data-testid={testId}
      disabled={!actions.enabled(name)}
      onClick={() => actions.run(name)}
    >
      {children}
    </button>
  );
}
