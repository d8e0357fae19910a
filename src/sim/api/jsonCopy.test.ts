// jsonCopy must give exactly what the JSON text round trip gives (the API server's copies were
// made that way, and stored objects are compared and printed as JSON).
import { describe, expect, test } from 'vitest'
import { jsonCopy } from './jsonCopy'

const roundTrip = (v: unknown): unknown => JSON.parse(JSON.stringify(v))

/**
 * How jsonCopy(v) differs from the round trip: JSON text, key order and prototype at every level,
 * and whether the copy is a fresh object graph. Empty when it does not.
 */
function differences(v: unknown): string[] {
  const copy = jsonCopy(v)
  const expected = roundTrip(v)
  const out: string[] = []
  if (JSON.stringify(copy) !== JSON.stringify(expected)) out.push('JSON text')
  const walk = (a: unknown, b: unknown, path: string) => {
    if (!a || typeof a !== 'object') return
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) out.push(`prototype at ${path}`)
    if (Object.keys(a).join() !== Object.keys(b as object).join()) out.push(`keys at ${path}`)
    for (const k of Object.keys(a))
      walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`)
  }
  walk(copy, expected, '')
  if (v && typeof v === 'object' && copy === v) out.push('not a copy')
  return out
}

describe('jsonCopy', () => {
  test('plain data: nested objects, lists, numbers, strings, booleans, null', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web-0', labels: { app: 'nginx' }, '10': 'a', '2': 'b', z: 1 },
      spec: { containers: [{ name: 'nginx', ports: [{ containerPort: 80 }] }], hostNetwork: false },
      status: { conditions: [], phase: null, big: 1e21, small: 5e-324, text: 'é\u2028\ud800' },
    }
    expect(differences(pod)).toEqual([])
  })

  test("JSON's rules: undefined, functions and symbols; NaN, Infinity and -0; holes", () => {
    const sparse = [1]
    sparse[2] = 3 // index 1 is a hole
    const odd = {
      a: undefined,
      b: () => 1,
      c: Symbol('s'),
      d: [undefined, () => 1, Symbol('s'), NaN, Infinity, -Infinity, -0],
      e: NaN,
      f: -0,
      g: sparse,
      [Symbol('key')]: 1,
    }
    expect(differences(odd)).toEqual([])
  })

  test('a __proto__ key stays an own property', () => {
    const v = JSON.parse('{"__proto__": {"x": 1}, "y": 2}') as unknown
    const copy = jsonCopy(v) as Record<string, unknown>
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype)
    expect(Object.keys(copy)).toEqual(['__proto__', 'y'])
    expect(differences(v)).toEqual([])
  })

  test('values JSON treats specially take the text round trip', () => {
    class Box {
      x = 1
    }
    const special = {
      date: new Date(0),
      custom: { toJSON: () => 'custom' },
      boxed: [Object(1), Object('s'), Object(false)],
      instance: new Box(),
      map: new Map([[1, 2]]),
      nullProto: Object.assign(Object.create(null) as object, { a: 1 }),
    }
    expect(differences(special)).toEqual([])
    expect(() => jsonCopy({ n: 1n })).toThrow(TypeError)
    const cycle: Record<string, unknown> = {}
    cycle.self = cycle
    expect(() => jsonCopy(cycle)).toThrow(TypeError)
    expect(() => jsonCopy(undefined)).toThrow(SyntaxError)
  })
})
