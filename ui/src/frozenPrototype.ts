// The shell freezes Object.prototype (tauri.conf.json: "freezePrototype") against prototype
// pollution. Cytoscape builds its classes with Object.assign from plain objects that carry their own
// `toString`; with the prototype frozen, assigning a property the prototype already has as
// read-only throws (the "override mistake"), and the canvas never starts.
//
// This wraps Object.assign so that, exactly where the standard one would throw for that reason, the
// property is defined on the target instead. Everywhere else it behaves as before. It must run
// before Cytoscape is evaluated, so main.tsx imports it first.
const standardAssign = Object.assign;

function ownEnumerableKeys(source: object): PropertyKey[] {
  return Reflect.ownKeys(source).filter((key) => Object.prototype.propertyIsEnumerable.call(source, key));
}

function assign(target: object, ...sources: unknown[]): object {
  if (!Object.isFrozen(Object.prototype)) return standardAssign(target, ...sources);
  const writable = target as Record<PropertyKey, unknown>;
  for (const source of sources) {
    if (source === null || source === undefined) continue;
    const from = Object(source) as Record<PropertyKey, unknown>;
    for (const key of ownEnumerableKeys(from)) {
      try {
        writable[key] = from[key];
      } catch (error) {
        if (Object.prototype.hasOwnProperty.call(target, key)) throw error;
        Object.defineProperty(target, key, { value: from[key], writable: true, enumerable: true, configurable: true });
      }
    }
  }
  return target;
}

Object.assign = assign as typeof Object.assign;
