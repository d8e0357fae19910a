// A deep copy with the result of JSON.parse(JSON.stringify(value)), built directly: the API
// server copies every object it defaults, and the text round trip was a large share of a write.
// JSON's rules are kept: undefined, functions and symbols are left out of objects and become
// null in lists, non-finite numbers become null, -0 becomes 0. Anything else JSON treats
// specially (toJSON, boxed values, class instances, BigInt, cycles) takes the text round trip.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** Thrown inside the copy when the value needs JSON's own handling. */
const NEEDS_JSON = Symbol('needs JSON')

/** JSON.parse(JSON.stringify(value)), for the object values the engine copies. */
export function jsonCopy<T>(value: T): T {
  try {
    const copy = copyValue(value, false)
    // A bare undefined (or function) is not JSON: the round trip throws, as the caller expects.
    if (copy !== undefined) return copy as T
  } catch (e) {
    if (e !== NEEDS_JSON && !(e instanceof RangeError)) throw e
  }
  return JSON.parse(JSON.stringify(value)) as T
}

/** The copy of one value; `undefined` when JSON leaves it out (inList: null instead). */
function copyValue(v: unknown, inList: boolean): Json | undefined {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v
    case 'number':
      return Number.isFinite(v) ? (v === 0 ? 0 : v) : null
    case 'undefined':
    case 'function':
    case 'symbol':
      return inList ? null : undefined
    case 'bigint':
      throw NEEDS_JSON
  }
  if (v === null) return null
  const proto = Object.getPrototypeOf(v) as unknown
  if (Array.isArray(v)) {
    if (proto !== Array.prototype || 'toJSON' in v) throw NEEDS_JSON
    const out: Json[] = new Array<Json>(v.length)
    for (let i = 0; i < v.length; i++) out[i] = copyValue(v[i], true)!
    return out
  }
  if ((proto !== Object.prototype && proto !== null) || 'toJSON' in (v as object)) throw NEEDS_JSON
  const src = v as Record<string, unknown>
  const out: { [key: string]: Json } = {}
  for (const key of Object.keys(src)) {
    const copied = copyValue(src[key], false)
    if (copied === undefined) continue
    // JSON.parse makes `__proto__` an own property; an assignment would set the prototype.
    if (key === '__proto__')
      Object.defineProperty(out, key, { value: copied, enumerable: true, writable: true, configurable: true })
    else out[key] = copied
  }
  return out
}
