// The column roles an org chart import knows, in the order the mapping dialog lists them, and the
// small rules for changing a mapping: one header plays one role at most.
import type { ColumnMapping_Serialize } from "../bindings";

export type Role = keyof ColumnMapping_Serialize;

export const ROLES: { role: Role; label: string; hint: string }[] = [
  { role: "name", label: "Name", hint: "The person's full name" },
  { role: "first_name", label: "First name", hint: "When the name is split in two columns" },
  { role: "last_name", label: "Last name", hint: "" },
  { role: "title", label: "Title", hint: "Job title" },
  { role: "reports_to", label: "Reports to", hint: "The manager, by name, e-mail or id" },
  { role: "department", label: "Department", hint: "One office is made per department" },
  { role: "email", label: "E-mail", hint: "" },
  { role: "id", label: "Employee id", hint: "" },
  { role: "from", label: "From", hint: "Since when: 2021, 2021-04 or 2021-04-15" },
  { role: "until", label: "Until", hint: "Until when, if they left" },
];

/** `mapping` with `header` given to `role` (null: no column), taken away from any other role. */
export function assign(mapping: ColumnMapping_Serialize, role: Role, header: string | null): ColumnMapping_Serialize {
  const next = { ...mapping };
  if (header !== null) {
    for (const { role: other } of ROLES) if (next[other] === header) next[other] = null;
  }
  next[role] = header;
  return next;
}

/** What is missing before an import can run, in plain words; null when it can. */
export function missing(mapping: ColumnMapping_Serialize): string | null {
  if (mapping.name || (mapping.first_name && mapping.last_name)) return null;
  return "Choose the column that holds each person's name.";
}
