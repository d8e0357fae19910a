// The Go values a kubectl template sees, as reflect would: the object is a map[string]interface{}
// decoded by apimachinery (integers int64, other numbers float64); template constants are int or
// float64; map and slice elements are interface{} values (GoIface), which is what makes
// `{{.a.b}}` on a null `a` fail with "nil pointer evaluating interface {}.b".
import { type JsonObject, type JsonValue, isObject } from '../unstructured'

export type NumType = 'int' | 'int64' | 'uint8' | 'float64'

export class GoNumber {
  constructor(
    readonly type: NumType,
    readonly value: number,
  ) {}
}

/** An interface{} element of a map or slice; `elem` null is a nil interface. */
export class GoIface {
  constructor(readonly elem: Concrete | null) {}
}

export type Concrete = string | boolean | GoNumber | JsonObject | JsonValue[]
/** A reflect.Value: undefined is the invalid (zero) Value. */
export type Value = Concrete | GoIface | undefined

export type Kind = 'invalid' | 'interface' | 'string' | 'bool' | NumType | 'map' | 'slice'

/** A JSON value as apimachinery decodes it into interface{}: int64 when it fits, else float64. */
export function fromJson(v: JsonValue): Concrete | null {
  if (typeof v === 'number')
    return new GoNumber(Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? 'int64' : 'float64', v)
  return v
}

export const elem = (v: JsonValue | undefined): GoIface => new GoIface(v === undefined ? null : fromJson(v))

export function isMap(v: Value | null): v is JsonObject {
  return isObject(v as JsonValue) && !(v instanceof GoNumber) && !(v instanceof GoIface)
}

export function kindOf(v: Value | null): Kind {
  if (v === undefined || v === null) return 'invalid'
  if (v instanceof GoIface) return 'interface'
  if (v instanceof GoNumber) return v.type
  if (typeof v === 'string') return 'string'
  if (typeof v === 'boolean') return 'bool'
  return Array.isArray(v) ? 'slice' : 'map'
}

/** reflect.Type.String() of a valid value. */
export function typeName(v: Value | null): string {
  const k = kindOf(v)
  if (k === 'interface') return 'interface {}'
  if (k === 'map') return 'map[string]interface {}'
  if (k === 'slice') return '[]interface {}'
  return k
}

/** text/template's indirect: through interfaces; `isNil` for a nil interface. */
export function indirect(v: Value): [Value, boolean] {
  if (v instanceof GoIface) return v.elem === null ? [v, true] : [v.elem, false]
  return [v, false]
}

/** indirectInterface: the concrete value in an interface, invalid for a nil one. */
export function indirectInterface(v: Value): Value {
  return v instanceof GoIface ? (v.elem ?? undefined) : v
}

/** As an `any` argument would hold it: concrete, or null for nil. */
export function toAny(v: Value): Concrete | null {
  if (v instanceof GoIface) return v.elem
  return v ?? null
}

export const isIntKind = (k: Kind) => k === 'int' || k === 'int64' || k === 'uint8'

/** text/template's isTrue: the zero value of its type is false. */
export function isTrue(v: Value): [boolean, boolean] {
  if (v === undefined) return [false, true]
  if (v instanceof GoIface) return [v.elem !== null, true]
  if (v instanceof GoNumber) return [v.value !== 0, true]
  if (typeof v === 'string') return [v.length > 0, true]
  if (typeof v === 'boolean') return [v, true]
  if (Array.isArray(v)) return [v.length > 0, true]
  return [Object.keys(v).length > 0, true]
}

export const truth = (v: Value): boolean => isTrue(indirectInterface(v))[0]

/** Length as Go's len counts: strings in UTF-8 bytes. */
export function goLen(v: string | JsonObject | JsonValue[]): number {
  if (typeof v === 'string') return utf8Bytes(v).length
  return Array.isArray(v) ? v.length : Object.keys(v).length
}

export function utf8Bytes(s: string): number[] {
  const out: number[] = []
  for (const ch of s) {
    const cp = ch.codePointAt(0)!
    if (cp < 0x80) out.push(cp)
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63))
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63))
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63))
  }
  return out
}
