// A small district and the core's vocabulary, for unit tests: enough of Riverside Unified to
// exercise nesting, every relation kind and both views without the real window.
import type { NodeLabel_Serialize as NodeLabel, Vocabulary } from "../bindings";
import type { MapElement, MapRelation, MapSnapshot } from "../map/types";

type Pattern = "solid" | "dashed" | "long_dash" | "dotted" | "dash_dot" | "dash_dot_dot";
/** The core's dash lengths per pattern (vocabulary.rs `dash_array`). */
const DASH: Record<Pattern, number[]> = {
  solid: [],
  dashed: [4, 3],
  long_dash: [9, 4],
  dotted: [1, 2.5],
  dash_dot: [7, 3, 1.5, 3],
  dash_dot_dot: [7, 2.5, 1.5, 2.5, 1.5, 2.5],
};
const line = (label: string, color: string, pattern: Pattern, arrowhead: "none" | "triangle" | "tee") => ({
  label,
  color,
  pattern,
  dash: DASH[pattern],
  arrowhead,
  meaning: label,
});

export const vocabulary: Vocabulary = {
  elements: [
    { kind: "office", label: "Office", shape: "rectangle", fill: "#E5E7EB", stroke: "#374151", text: "#1F2937", meaning: "A formal unit" },
    { kind: "site", label: "Site", shape: "round-rectangle", fill: "#DCEBF7", stroke: "#0072B2", text: "#1F2937", meaning: "A school" },
    { kind: "community", label: "Community", shape: "ellipse", fill: "#D5F0E8", stroke: "#009E73", text: "#1F2937", meaning: "Round means community" },
    { kind: "sprint_team", label: "Sprint team", shape: "star", fill: "#FBE7BF", stroke: "#C18600", text: "#1F2937", meaning: "A strange attractor" },
    { kind: "routine", label: "Routine", shape: "chevron", fill: "#DDF0FB", stroke: "#4999C6", text: "#1F2937", meaning: "A routine task" },
    { kind: "person", label: "Person", shape: "ellipse", fill: "#FFFFFF", stroke: "#6B7280", text: "#1F2937", meaning: "A person" },
    { kind: "partner", label: "Partner", shape: "hexagon", fill: "#F6E1EC", stroke: "#CC79A7", text: "#1F2937", meaning: "Outside" },
    { kind: "rule", label: "Rule", shape: "cut-rectangle", fill: "#FFFFFF", stroke: "#1F2937", text: "#1F2937", meaning: "A rule" },
  ],
  relations: [
    { kind: "reports_to", line: line("Reports to", "#6B7280", "solid", "tee") },
    { kind: "flow", line: line("Flow", "#0072B2", "solid", "triangle") },
    { kind: "member_of", line: line("Member of", "#6B7280", "dotted", "none") },
    { kind: "barrier", line: line("Barrier", "#D55E00", "solid", "tee") },
    { kind: "derives_from", line: line("Derives from", "#1F2937", "solid", "triangle") },
    { kind: "governs", line: line("Governs", "#1F2937", "dashed", "triangle") },
  ],
  media: [
    { medium: "information", line: line("Information", "#0072B2", "solid", "triangle") },
    { medium: "ideas", line: line("Ideas & practice", "#009E73", "dotted", "triangle") },
    { medium: "resources", line: line("Resources", "#C18600", "long_dash", "triangle") },
    { medium: "funds", line: line("Funds", "#A89000", "dash_dot", "triangle") },
    { medium: "feedback", line: line("Feedback", "#CC79A7", "dashed", "triangle") },
    { medium: "permission", line: line("Permission", "#D55E00", "dash_dot_dot", "tee") },
  ],
  boundaries: [
    { boundary: "solid", label: "Solid", pattern: "solid", dash: DASH.solid, width: 4, meaning: "Solid enough to protect what grows inside; a silo's wall when little crosses it" },
    { boundary: "permeable", label: "Permeable", pattern: "dashed", dash: DASH.dashed, width: 2, meaning: "Lets through" },
    { boundary: "open", label: "Open", pattern: "solid", dash: DASH.solid, width: 0, meaning: "No wall" },
  ],
  change_marks: [
    { mark: "added", label: "Added", badge: "+", colour: "#009E73", fill: "#66C5AB", pattern: "solid", dash: DASH.solid, faded: false, meaning: "Only later" },
    { mark: "removed", label: "Removed", badge: "\u2212", colour: "#D55E00", fill: "#E69E66", pattern: "dashed", dash: DASH.dashed, faded: false, meaning: "Only earlier" },
    { mark: "changed", label: "Changed", badge: "\u0394", colour: "#0072B2", fill: "#8CC0DC", pattern: "dash_dot", dash: DASH.dash_dot, faded: false, meaning: "Other attributes" },
    { mark: "moved", label: "Moved", badge: "\u2192", colour: "#8E3B73", fill: "#E0B8D0", pattern: "long_dash", dash: DASH.long_dash, faded: false, meaning: "Another group" },
    { mark: "unchanged", label: "Unchanged", badge: "", colour: "#6B7280", fill: "#F3F4F6", pattern: "dotted", dash: DASH.dotted, faded: true, meaning: "The same" },
  ],
  volume_widths: [1, 2.25, 3.5, 4.75, 6],
  label_wrap_chars: 16,
  font_family: "Source Sans 3",
};

const annotations = { span: {}, notes: "", tags: [] as string[] };

function office(id: string, name: string, boundary: "solid" | "permeable" | "open" = "solid"): MapElement {
  return { id, name, kind: "office", function: null, practice_culture: null, stance: "compliance", headcount: null, established: 1974, hospiced: null, boundary, ...annotations };
}

function person(id: string, name: string, parent: string, title = ""): MapElement {
  return { id, name, parent, kind: "person", title, position: parent, home_base: null, ...annotations };
}

export const elements: MapElement[] = [
  office("superintendent", "Office of the Superintendent", "permeable"),
  office("teaching-learning", "Teaching & Learning"),
  person("superintendent-person", "Dr. Maria Alvarez", "superintendent", "Superintendent"),
  person("tl-director", "James Whitfield", "teaching-learning", "Director of Teaching & Learning"),
  person("science-specialist", "Priya Raman", "teaching-learning", "Science specialist"),
  { id: "riverside-high", name: "Riverside High School", kind: "site", level: "high", enrolment: 1850, boundary: "permeable", ...annotations },
  { id: "capstone", name: "Graduate Capstone", kind: "community", domain: "The senior project", ring: "practice", cadence: "monthly", stage: "active", boundary: "permeable", ...annotations, tags: ["innovation"] },
  person("capstone-teacher", "Nora Patel", "capstone", "English teacher"),
  { id: "es-redesign", name: "ES program-of-study redesign", kind: "sprint_team", purpose: "Redesign the program", status: "dissolved", boundary: "open", ...annotations },
  { id: "purchasing", name: "Purchasing", kind: "routine", steps: [{ name: "Request", owner: "riverside-high" }, { name: "Legal review" }], cycle_time_days: 47, ...annotations },
  { id: "watershed", name: "Riverside Watershed Council", kind: "partner", partner_type: "community_group", ...annotations },
];

const flow = (id: string, source: string, target: string, medium: "information" | "ideas" | "permission" | "funds", volume: number, direction: "one_way" | "both" = "one_way"): MapRelation => ({
  id,
  source,
  target,
  kind: "flow",
  medium,
  direction,
  volume,
  cadence: "",
  mode: "support",
  ...annotations,
});

export const relations: MapRelation[] = [
  { id: "r1", source: "teaching-learning", target: "superintendent", kind: "reports_to", ...annotations },
  { id: "r2", source: "tl-director", target: "superintendent-person", kind: "reports_to", ...annotations },
  { id: "r3", source: "science-specialist", target: "tl-director", kind: "reports_to", ...annotations },
  flow("r4", "riverside-high", "teaching-learning", "permission", 4),
  flow("r5", "capstone", "watershed", "ideas", 2, "both"),
  { id: "r6", source: "science-specialist", target: "es-redesign", kind: "member_of", role: "core", ...annotations },
  { id: "r7", source: "science-specialist", target: "riverside-high", kind: "barrier", reason: "Specialists may not work at sites", checked: false, ...annotations },
];

const face = (text: string, w: number, h: number, room_w = w, room_h = h) => ({ text, w, h, room_w, room_h });
const person_ = (id: string, text: string, lines: number, chart: string, initials: string, chart_office?: string): NodeLabel => ({
  id,
  ...face(text, 38, 38, 96, 38 + 6 + lines * 20),
  chart: face(chart, 150, 22 + (chart.split("\n").length * 20)),
  initials,
  ...(chart_office ? { chart_office } : {}),
});

/** What the core writes on each element (core/src/label.rs): wrapped text, boxes, initials. */
export const labels: NodeLabel[] = [
  { id: "superintendent", ...face("Office of the\nSuperintendent", 132, 58), group_text: "Office of the Superintendent" },
  { id: "teaching-learning", ...face("Teaching\n& Learning", 122, 58), group_text: "Teaching & Learning" },
  person_("superintendent-person", "Dr. Maria\nAlvarez", 2, "Dr. Maria\nAlvarez\nSuperintendent", "MA", "superintendent"),
  person_("tl-director", "James Whitfield", 1, "James Whitfield\nDirector of Teaching\n& Learning", "JW", "teaching-learning"),
  person_("science-specialist", "Priya Raman", 1, "Priya Raman\nScience specialist", "PR", "teaching-learning"),
  { id: "riverside-high", ...face("Riverside High\nSchool", 148, 58), group_text: "Riverside High School" },
  { id: "capstone", ...face("Graduate\nCapstone", 112, 66), group_text: "Graduate Capstone" },
  person_("capstone-teacher", "Nora Patel", 1, "Nora Patel\nEnglish teacher", "NP"),
  { id: "es-redesign", ...face("ES program-of-\nstudy redesign", 58, 58, 112, 104), group_text: "ES program-of-study redesign" },
  { id: "purchasing", ...face("Purchasing\n2 steps · 47 days", 180, 58) },
  { id: "watershed", ...face("Riverside\nWatershed\nCouncil", 124, 78) },
];

export const snapshot: MapSnapshot = {
  title: "Riverside Unified",
  file_name: null,
  is_sample: true,
  document: 1,
  generation: 0,
  scenario: "as-is",
  scenarios: [{ id: "as-is", name: "As is 2025" }],
  scenes: [],
  elements,
  labels,
  relations,
  positions: [
    { view: "org_chart", id: "tl-director", at: { x: 10, y: 20 } },
    { view: "network", id: "watershed", at: { x: 300, y: -40 } },
  ],
  can_undo: false,
  can_redo: false,
};
