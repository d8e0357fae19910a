// apiequality.Semantic.DeepEqual as validation uses it for immutability checks: empty and absent
// collections are equal (Go's nil vs empty), "" equals absent (Go's zero string), and quantities
// under requests/limits/capacity compare by value (`1Gi` equals `1024Mi`).
import { compareQuantities } from '../quantity'

const quantityMaps = new Set(['requests', 'limits', 'capacity'])

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null || v === '') return true
  if (Array.isArray(v)) return v.length === 0
  return typeof v === 'object' && Object.keys(v).length === 0
}

function quantitiesEqual(a: unknown, b: unknown): boolean {
  try {
    return compareQuantities(String(a).trim(), String(b).trim()) === 0
  } catch {
    return a === b
  }
}

export function semanticEqual(a: unknown, b: unknown, inQuantityMap = false): boolean {
  if (a === b) return true
  if (isEmpty(a) && isEmpty(b)) return true
  if (inQuantityMap && (typeof a === 'string' || typeof a === 'number')) return quantitiesEqual(a, b)
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => semanticEqual(x, b[i]))
  }
  const x = a as Record<string, unknown>
  const y = b as Record<string, unknown>
  const keys = new Set([...Object.keys(x), ...Object.keys(y)])
  for (const k of keys) if (!semanticEqual(x[k], y[k], inQuantityMap || quantityMaps.has(k))) return false
  return true
}
