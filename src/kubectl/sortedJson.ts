// JSON with object keys sorted at every level — how Go marshals the unstructured maps kubectl
// works with (last-applied annotations, `-o json`).

export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k]
      if (v !== undefined) out[k] = sortKeys(v)
    }
    return out
  }
  return value
}

export function sortedJson(value: unknown, indent?: number): string {
  return JSON.stringify(sortKeys(value), null, indent)
}
