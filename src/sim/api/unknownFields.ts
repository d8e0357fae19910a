// The fields of an object that its kind's Go types do not have — what strict decoding reports as
// `unknown field "spec.foo"` and non-strict decoding silently drops — from the generated field
// list (knownFields.generated.ts). Only own keys are read and names are looked up in Maps, so a
// `__proto__` or `constructor` key is just another unknown name. Like Go's decoder, the walk does
// not look inside an unknown field, nor inside a value of the wrong shape (a type error there is
// reported instead, by decodeTypes).
import { KNOWN_FIELDS } from './knownFields.generated'
import { compareGo } from './goFormat'

/** A field's type: a leaf (its keys, if any, are not checked), or a struct type, alone or in a list. */
type Child = { type: number; list: boolean } | undefined

/** Keys, then `[i]` list positions: `['spec', 'containers', 0, 'foo']`. */
export type FieldPath = (string | number)[]

const kinds = new Map<string, number>(Object.entries(KNOWN_FIELDS.kinds))
const types = new Map<number, Map<string, Child>>()

function fieldsOf(type: number): Map<string, Child> {
  let fields = types.get(type)
  if (!fields) {
    fields = new Map()
    for (const entry of KNOWN_FIELDS.types[type]!.split(' ')) {
      const [name, ref] = entry.split(':') as [string, string | undefined]
      const list = name.endsWith('[]')
      fields.set(list ? name.slice(0, -2) : name, ref === undefined ? undefined : { type: Number(ref), list })
    }
    types.set(type, fields)
  }
  return fields
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Whether the API server knows the kind's fields (all the kinds it serves). */
export function hasFieldList(kind: string): boolean {
  return kinds.has(kind)
}

/**
 * The unknown fields of `obj`, in the order the decoder meets them in the JSON kubectl sends
 * (json.Marshal of a map: keys sorted at every level, depth first).
 */
export function unknownFields(obj: unknown): FieldPath[] {
  const root = isObject(obj) ? kinds.get(String(obj.kind)) : undefined
  const found: FieldPath[] = []
  if (root !== undefined) walk(obj, root, [], found)
  return found
}

function walk(value: unknown, type: number, path: FieldPath, found: FieldPath[]): void {
  if (!isObject(value)) return
  const fields = fieldsOf(type)
  for (const key of Object.keys(value).sort(compareGo)) {
    if (!fields.has(key)) {
      found.push([...path, key])
      continue
    }
    const child = fields.get(key)
    if (!child) continue
    const v = value[key]
    if (!child.list) walk(v, child.type, [...path, key], found)
    else if (Array.isArray(v)) v.forEach((item, i) => walk(item, child.type, [...path, key, i], found))
  }
}

/** `obj` without its unknown fields, as the API server stores what it decoded (a copy when any are dropped). */
export function withoutUnknownFields<T>(obj: T, unknown: FieldPath[]): T {
  let out: unknown = obj
  for (const path of unknown) out = without(out, path)
  return out as T
}

function without(value: unknown, path: FieldPath): unknown {
  const [head, ...rest] = path
  if (typeof head === 'number') {
    if (!Array.isArray(value)) return value
    const copy = [...value]
    copy[head] = without(copy[head], rest)
    return copy
  }
  if (!isObject(value) || head === undefined || !Object.hasOwn(value, head)) return value
  const copy: Record<string, unknown> = {}
  for (const k of Object.keys(value)) {
    if (k === head && rest.length === 0) continue
    // defineProperty: a `__proto__` key stays an own key, as it came, instead of setting the prototype.
    Object.defineProperty(copy, k, {
      value: k === head ? without(value[k], rest) : value[k],
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return copy
}

/** `spec.template.spec.containers[0].foo`: how Kubernetes writes a field path in strict errors. */
export function fieldPathText(path: FieldPath): string {
  let text = ''
  for (const seg of path) text += typeof seg === 'number' ? `[${seg}]` : text ? `.${seg}` : seg
  return text
}
