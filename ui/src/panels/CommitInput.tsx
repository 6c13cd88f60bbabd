// A text field that commits when it is left or Enter is pressed (Ctrl+Enter in a multi-line one),
// so one edit becomes one command and one undo step, not one per keystroke; Escape puts it back.
import { useEffect, useState, type KeyboardEvent } from "react";

type CommitInputProps = {
  id: string;
  testId: string;
  value: string;
  onCommit(value: string): void;
  type?: "text" | "number";
  placeholder?: string;
  multiline?: boolean;
  suffix?: string;
  /** The field's name for assistive technology, when no <label> names it. */
  label?: string;
};

/** A text box that reports its value once, when left or on Enter, and only if it changed. */
export function CommitInput({ id, testId, value, onCommit, type = "text", placeholder, multiline, suffix, label }: CommitInputProps) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === "Enter" && (!multiline || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      (e.target as HTMLElement).blur();
    } else if (e.key === "Escape") {
      setDraft(value);
      e.stopPropagation();
    }
  };
  const common = {
    id,
    "data-testid": testId,
    value: draft,
    placeholder,
    "aria-label": label,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: commit,
    onKeyDown,
  };
  if (multiline) return <textarea rows={3} {...common} />;
  return (
    <span className="with-suffix">
      <input type={type} {...common} />
      {suffix && suffix !== "year" && <span className="suffix">{suffix}</span>}
    </span>
  );
}
