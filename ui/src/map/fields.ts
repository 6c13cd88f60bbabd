// The attributes of each kind of element and relation, in plain words: what the inspector shows
// and edits. One list per kind, so adding an attribute to the model means adding one line here.
import type { BoundaryStyle, ElementKind, RelationKind } from "../bindings";
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

// The boundary's words come from the core's vocabulary (the legend shows the same); this field is
// the slot they fill. "Solid" is solid enough to protect (001:379), not only a silo wall.
const boundary: Field = { key: "boundary", label: "Boundary", type: "choice", choices: [] };

/** The boundary choices in the core's words: "Solid — solid enough to protect …". */
export function boundaryChoices(styles: BoundaryStyle[]): Choice[] {
  return styles.map((s) => ({ value: s.boundary, label: `${s.label} — ${s.meaning}` }));
}

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
      // Hodas's three (004:115); teaching fits uniformed service. Older files' "professional" reads
      // as uniformed service (docs/json-format.md).
      choices: choices([
        ["trade_craft", "Trade or craft — output standards anyone can inspect"],
        ["uniformed_service", "Uniformed service — good work seen in deft performance (teaching)"],
        ["administrative_service", "Administrative service — few outcome standards (most DOS offices)"],
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
        // Albury's nested communities (001:56), from the centre out.
        ["practice", "Community of practice — the pioneers, apprenticing others"],
        ["engagement", "Community of engagement — trying the pioneers' ideas as pilots appear"],
        ["interest", "Community of interest — kept in the loop, not left out"],
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
  // 004's cascade: the board's policy, the administration's procedural policy, the offices'
  // procedural practice ("the way we do things here").
  rule: [
    {
      key: "level",
      label: "Level",
      type: "choice",
      choices: choices([
        ["board_policy", "Board policy — adopted by the board"],
        ["procedural_policy", "Procedural policy — how the administration carries it out"],
        ["procedural_practice", "Procedural practice — the way things are done"],
      ]),
    },
    { key: "owner", label: "Owned by", type: "element", kinds: ["office"] },
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
    { key: "claims", label: "Claims the rule", type: "element", kinds: ["rule"] },
    { key: "checked", label: "Checked", type: "boolean", hint: "Someone has checked the rule is real, not habit" },
  ],
  derives_from: [],
  governs: [{ key: "step", label: "Only step", type: "number", min: 1, unit: "of the routine" }],
};

/** Every element and relation may carry a time span, notes ("street data") and tags. */
export const ANNOTATION_FIELDS: Field[] = [
  { key: "span.from", label: "From", type: "date" },
  { key: "span.until", label: "Until", type: "date" },
  { key: "tags", label: "Tags", type: "tags" },
  { key: "notes", label: "Notes", type: "longtext", placeholder: "Stories, evidence, street data" },
];

/** A kind's fields; `boundaries` (the core's vocabulary) gives the boundary its choices. */
export function elementFields(kind: ElementKind, boundaries: BoundaryStyle[]): Field[] {
  return ELEMENT_FIELDS[kind].map((field) =>
    field === boundary ? { ...boundary, choices: boundaryChoices(boundaries) } : field,
  );
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
