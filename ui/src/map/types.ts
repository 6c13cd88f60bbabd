// The map as the window receives it. The generated bindings describe each type twice (what the
// core sends and what it accepts); the window only ever reads what the core sends, so these
// aliases name that side once and keep the rest of the UI free of `_Serialize` suffixes.
import type {
  Element_Serialize,
  MapSnapshot_Serialize,
  Relation_Serialize,
} from "../bindings";

export type MapSnapshot = MapSnapshot_Serialize;
export type MapElement = Element_Serialize;
export type MapRelation = Relation_Serialize;
export type { ElementKind, RelationKind, Medium, View, Vocabulary, Boundary } from "../bindings";
