// Finding an element by what a leader remembers of it: part of a name, a title ("principal"),
// a tag or a word from its notes. Case and accents do not matter; names that start with the query
// come first, then names containing it, then other attributes.
import type { MapElement } from "./types";

export type SearchHit = { id: string; name: string; kind: MapElement["kind"]; matched: string };

function fold(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

/** The words an element can be found by besides its name. */
function otherText(element: MapElement): string[] {
  const common = [...element.tags, element.notes];
  switch (element.kind) {
    case "person":
      return [element.title, ...common];
    case "community":
      return [element.domain, ...common];
    case "sprint_team":
      return [element.purpose, ...common];
    case "routine":
      return [...element.steps.map((s) => s.name), ...common];
    default:
      return common;
  }
}

export function searchElements(elements: MapElement[], query: string, limit = 8): SearchHit[] {
  const q = fold(query.trim());
  if (q === "") return [];
  const scored: { hit: SearchHit; score: number }[] = [];
  for (const element of elements) {
    const name = fold(element.name);
    let score = -1;
    let matched = element.name;
    if (name.startsWith(q)) score = 0;
    else if (name.split(/[\s\-&(),.]+/).some((word) => word.startsWith(q))) score = 1;
    else if (name.includes(q)) score = 2;
    else {
      const other = otherText(element).find((text) => fold(text).includes(q));
      if (other !== undefined) {
        score = 3;
        matched = other;
      }
    }
    if (score >= 0) {
      scored.push({ hit: { id: element.id, name: element.name, kind: element.kind, matched }, score });
    }
  }
  scored.sort((a, b) => a.score - b.score || a.hit.name.localeCompare(b.hit.name));
  return scored.slice(0, limit).map((s) => s.hit);
}
