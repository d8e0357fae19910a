// The unstructured form kubectl prints from (runtime.Unstructured content): plain JSON data with
// undefined fields dropped, as a JSON round trip of the stored object would give.
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }
export type JsonObject = { [key: string]: JsonValue }

export function toUnstructured(value: unknown): JsonValue {
  if (value === null) return null
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : toUnstructured(v)))
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value
    case 'number':
      return Number.isFinite(value) ? value : null
    case 'object': {
      const out: JsonObject = {}
      // defineProperty, so that a `__proto__` key stays data instead of replacing the prototype.
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (v !== undefined)
          Object.defineProperty(out, k, {
            value: toUnstructured(v),
            enumerable: true,
            writable: true,
            configurable: true,
          })
      }
      return out
    }
    default:
      return null
  }
}

export function isObject(v: JsonValue | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Go's sort.Strings / map-key order: byte-wise, which equals UTF-16 order for BMP text. */
export function sortedKeys(o: JsonObject): string[] {
  return Object.keys(o).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}
