// The attributes of each kind of element and relation, in plain words: what the inspector shows
// and edits. One list per kind, so adding an attribute to the model means adding one line here.
import type { ElementKind, RelationKind } from "../bindings";
import type { MapElement, MapRelation } from "./types";

export type Choice = { value: string; label: string };

export type Field =
  | { key: string; label: string; type: "text"; placeholder?: string }
  | { key: string; label: string; type: "longtext"; placeholder?: string }
  | { key: string; label: string; type: "number"; min?: number; max?: number; unit?: string }
  | { key: string; label: string; type: "choice"; choices: Choice[]; optional?: boolean }
  | { key: string; label: string; type: "boolean"; hint: string }
  | { key: string; label: string; type: "element"; kinds: ElementKind[] }
  | { key: string; label: string; type: "date" }
  | { key: string; label: string; type: "tags" }
  | { key: string; label: string; type: "steps" };

const choices = (pairs: [string, string][]): Choice[] => pairs.map(([value, label]) => ({ value, label }));

const BOUNDARY_CHOICES = choices([
  ["solid", "Solid — a silo wall"],
  ["permeable", "Permeable — holds, but lets through"],
  ["open", "Open — no wall"],
]);

const boundary: Field = { key: "boundary", label: "Boundary", type: "choice", choices: BOUNDARY_CHOICES };

const ELEMENT_FIELDS: Record<ElementKind, Field[]> = {
  office: [
    {
      key: "function",
      label: "Function",
      type: "choice",
      optional: true,
      choices: choices([
        ["instruction", "Instruction"],
        ["operations", "Operations (District Operating System)"],
        ["leadership", "Leadership"],
      ]),
    },
    {
      key: "practice_culture",
      label: "Practice culture",
      type: "choice",
      optional: true,
      choices: choices([
        ["trade_craft", "Trade or craft"],
        ["uniformed_service", "Uniformed service"],
        ["administrative_service", "Administrative service"],
        ["professional", "Professional"],
      ]),
    },
    {
      key: "stance",
      label: "Stance",
      type: "choice",
      optional: true,
      choices: choices([
        ["compliance", "Compliance — grants permission"],
        ["mixed", "Mixed"],
        ["service", "Service — helps get it done"],
      ]),
    },
    { key: "headcount", label: "Headcount", type: "number", min: 0, unit: "people" },
    { key: "established", label: "Established", type: "number", min: 1800, max: 2200, unit: "year" },
    { key: "hospiced", label: "Hospiced since", type: "date" },
    boundary,
  ],
  site: [
    {
      key: "level",
      label: "Level",
      type: "choice",
      optional: true,
      choices: choices([
        ["elementary", "Elementary school"],
        ["middle", "Middle school"],
        ["high", "High school"],
        ["academy", "Academy"],
        ["pathway", "Pathway"],
        ["other", "Other"],
      ]),
    },
    { key: "enrolment", label: "Enrolment", type: "number", min: 0, unit: "students" },
    boundary,
  ],
  community: [
    { key: "domain", label: "Shared concern", type: "text", placeholder: "What members care about" },
    {
      key: "ring",
      label: "Ring",
      type: "choice",
      choices: choices([
        ["practice", "Practice — the core who do the work"],
        ["engagement", "Engagement — take part now and then"],
        ["interest", "Interest — follow along"],
      ]),
    },
    { key: "cadence", label: "Meets", type: "text", placeholder: "e.g. monthly" },
    {
      key: "stage",
      label: "Stage",
      type: "choice",
      choices: choices([
        ["potential", "Potential"],
        ["coalescing", "Coalescing"],
        ["active", "Active"],
        ["stewardship", "Stewardship"],
        ["transformation", "Transformation"],
        ["hospice", "Hospice"],
      ]),
    },
    boundary,
  ],
  sprint_team: [
    { key: "purpose", label: "Compelling task", type: "longtext", placeholder: "What draws people in" },
    {
      key: "status",
      label: "Status",
      type: "choice",
      choices: choices([
        ["forming", "Forming"],
        ["active", "Active"],
        ["dissolved", "Dissolved"],
        ["transformed", "Transformed"],
        ["absorbed_into_routine", "Absorbed into routine"],
      ]),
    },
    boundary,
  ],
  routine: [
    { key: "steps", label: "Steps", type: "steps" },
    { key: "cycle_time_days", label: "Cycle time", type: "number", min: 0, unit: "days" },
  ],
  person: [
    { key: "title", label: "Title", type: "text", placeholder: "e.g. Pathway coach" },
    { key: "position", label: "Position in", type: "element", kinds: ["office"] },
    { key: "home_base", label: "Home base", type: "element", kinds: ["community"] },
  ],
  partner: [
    {
      key: "partner_type",
      label: "Type",
      type: "choice",
      choices: choices([
        ["community_group", "Community group"],
        ["vendor", "Vendor"],
        ["university", "University"],
        ["funder", "Funder"],
        ["family_organisation", "Family organisation"],
        ["other", "Other"],
      ]),
    },
  ],
};

const MEDIUM_CHOICES = choices([
  ["information", "Information"],
  ["ideas", "Ideas & practice"],
  ["resources", "Resources"],
  ["funds", "Funds"],
  ["feedback", "Feedback"],
  ["permission", "Permission"],
]);

const RELATION_FIELDS: Record<RelationKind, Field[]> = {
  reports_to: [],
  flow: [
    { key: "medium", label: "Carries", type: "choice", choices: MEDIUM_CHOICES },
    {
      key: "direction",
      label: "Direction",
      type: "choice",
      choices: choices([
        ["one_way", "One way"],
        ["both", "Both ways"],
      ]),
    },
    { key: "volume", label: "Volume", type: "number", min: 1, max: 5, unit: "of 5" },
    { key: "cadence", label: "How often", type: "text", placeholder: "e.g. weekly" },
    {
      key: "mode",
      label: "Mode",
      type: "choice",
      choices: choices([
        ["support", "Support — builds capacity"],
        ["monitor", "Monitoring — compliance"],
      ]),
    },
  ],
  member_of: [
    {
      key: "role",
      label: "Role",
      type: "choice",
      choices: choices([
        ["core", "Core"],
        ["active", "Active"],
        ["peripheral", "Peripheral"],
      ]),
    },
  ],
  barrier: [
    { key: "reason", label: "The rule", type: "longtext", placeholder: "What blocks it" },
    { key: "checked", label: "Checked", type: "boolean", hint: "Someone has checked the rule is real, not habit" },
  ],
};

/** Every element and relation may carry a time span, notes ("street data") and tags. */
export const ANNOTATION_FIELDS: Field[] = [
  { key: "span.from", label: "From", type: "date" },
  { key: "span.until", label: "Until", type: "date" },
  { key: "tags", label: "Tags", type: "tags" },
  { key: "notes", label: "Notes", type: "longtext", placeholder: "Stories, evidence, street data" },
];

export function elementFields(kind: ElementKind): Field[] {
  return ELEMENT_FIELDS[kind];
}

export function relationFields(kind: RelationKind): Field[] {
  return RELATION_FIELDS[kind];
}

/** Reads a field's value; `span.from` reaches into the span. */
export function readField(subject: MapElement | MapRelation, key: string): unknown {
  return key.split(".").reduce<unknown>((value, part) => {
    if (value === null || value === undefined || typeof value !== "object") return undefined;
    return (value as Record<string, unknown>)[part];
  }, subject);
}

/** A copy of `subject` with one field changed; `undefined` removes an optional value. */
export function withField<T extends MapElement | MapRelation>(subject: T, key: string, value: unknown): T {
  const [head, ...rest] = key.split(".");
  const record = subject as unknown as Record<string, unknown>;
  if (rest.length === 0) return { ...record, [head]: value } as unknown as T;
  const inner = (record[head] ?? {}) as Record<string, unknown>;
  const next = { ...inner };
  if (value === undefined || value === "") delete next[rest[0]];
  else next[rest[0]] = value;
  return { ...record, [head]: next } as unknown as T;
}

/** The plain-words label of a choice value, or the value itself. */
export function choiceLabel(field: Field, value: unknown): string {
  if (field.type !== "choice") return String(value ?? "");
  return field.choices.find((c) => c.value === value)?.label ?? "—";
}
