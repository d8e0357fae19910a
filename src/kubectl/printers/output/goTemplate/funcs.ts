// text/template's builtins (funcs.go: and, or, not, len, index, slice, eq…ge, print, printf,
// println, html, js, urlquery, call) and the two kubectl adds in cli-runtime printers/template.go
// and jsonpath.go: base64decode and exists. A FuncError becomes `error calling NAME: …`.
import { type FmtArg, sprint, sprintf, sprintln } from './fmt'
import { isPrint } from './items'
import { utf8Decode } from './strconv'
import {
  type Kind,
  type Value,
  GoIface,
  GoNumber,
  elem,
  goLen,
  indirect,
  indirectInterface,
  isIntKind,
  isMap,
  kindOf,
  toAny,
  truth,
  typeName,
  utf8Bytes,
} from './values'

export class FuncError extends Error {}

/** How an argument is passed: as a reflect.Value, as interface{} (any), or as a string. */
export type ParamType = 'value' | 'any' | 'string'

export interface GoFunc {
  params: ParamType[]
  /** Element type of a final variadic parameter. */
  variadic?: ParamType
  builtin: boolean
  call(args: Value[]): Value
}

const fail = (message: string): never => {
  throw new FuncError(message)
}

const fn = (
  params: ParamType[],
  variadic: ParamType | undefined,
  call: GoFunc['call'],
  builtin = true,
): GoFunc => (variadic ? { params, variadic, builtin, call } : { params, builtin, call })

const anyArgs = (args: Value[]): FmtArg[] => args.map(toAny)

export const FUNCS: ReadonlyMap<string, GoFunc> = new Map<string, GoFunc>([
  // and/or short-circuit in exec; these bodies are never called.
  ['and', fn(['value'], 'value', () => undefined)],
  ['or', fn(['value'], 'value', () => undefined)],
  ['call', fn(['value'], 'value', callFn)],
  ['html', fn([], 'any', (a) => htmlEscape(evalArgs(a)))],
  ['index', fn(['value'], 'value', ([item, ...idx]) => index(item, idx))],
  ['slice', fn(['value'], 'value', ([item, ...idx]) => slice(item, idx))],
  ['js', fn([], 'any', (a) => jsEscape(evalArgs(a)))],
  ['len', fn(['value'], undefined, ([item]) => length(item))],
  ['not', fn(['value'], undefined, ([a]) => !truth(a))],
  ['print', fn([], 'any', (a) => sprint(anyArgs(a)))],
  ['printf', fn(['string'], 'any', ([f, ...a]) => sprintf(f as string, anyArgs(a)))],
  ['println', fn([], 'any', (a) => sprintln(anyArgs(a)))],
  ['urlquery', fn([], 'any', (a) => queryEscape(evalArgs(a)))],
  ['eq', fn(['value'], 'value', ([a, ...b]) => eq(a, b))],
  ['ge', fn(['value', 'value'], undefined, ([a, b]) => !lt(a, b))],
  ['gt', fn(['value', 'value'], undefined, ([a, b]) => !le(a, b))],
  ['le', fn(['value', 'value'], undefined, ([a, b]) => le(a, b))],
  ['lt', fn(['value', 'value'], undefined, ([a, b]) => lt(a, b))],
  ['ne', fn(['value', 'value'], undefined, ([a, b]) => !eq(a, [b]))],
  // kubectl's own (not builtins: found first, and never special-cased).
  ['exists', fn(['any'], 'any', ([item, ...idx]) => exists(item, idx), false)],
  ['base64decode', fn(['string'], undefined, ([s]) => base64decode(s as string), false)],
])

/** call: kubectl's data holds no functions, so this only ever reports Go's errors. */
function callFn([name, f]: Value[]): Value {
  const target = indirectInterface(f)
  if (target === undefined) return fail('call of nil')
  return fail(`non-function ${name as string} of type ${typeName(target)}`)
}

/** evalArgs: a lone string as is, otherwise fmt.Sprint with nil shown as <no value>. */
function evalArgs(args: Value[]): string {
  if (args.length === 1 && typeof toAny(args[0]) === 'string') return toAny(args[0]) as string
  return sprint(args.map((a) => toAny(a) ?? '<no value>'))
}

function indexArg(at: Value, cap: number): number {
  const k = kindOf(at)
  if (k === 'invalid') return fail('cannot index slice/array with nil')
  if (!isIntKind(k)) return fail(`cannot index slice/array with type ${typeName(at)}`)
  const x = (at as GoNumber).value
  if (x < 0 || x > cap) return fail(`index out of range: ${x}`)
  return x
}

function index(item: Value, indexes: Value[]): Value {
  item = indirectInterface(item)
  if (item === undefined) return fail('index of untyped nil')
  for (let idx of indexes) {
    idx = indirectInterface(idx)
    const [v, isNil] = indirect(item)
    if (isNil) return fail('index of nil pointer')
    if (typeof v === 'string') {
      const bytes = utf8Bytes(v)
      const x = indexArg(idx, bytes.length)
      if (x === bytes.length) return fail('reflect: string index out of range')
      item = new GoNumber('uint8', bytes[x]!)
    } else if (Array.isArray(v)) {
      const x = indexArg(idx, v.length)
      if (x === v.length) return fail('reflect: slice index out of range')
      item = elem(v[x])
    } else if (isMap(v)) {
      if (idx === undefined) return fail('value is nil; should be of type string')
      if (typeof idx !== 'string') return fail(`value has type ${typeName(idx)}; should be string`)
      item = Object.hasOwn(v, idx) ? elem(v[idx]) : new GoIface(null)
    } else return fail(`can't index item of type ${typeName(v)}`)
  }
  return item
}

function slice(item: Value, indexes: Value[]): Value {
  item = indirectInterface(item)
  if (item === undefined) return fail('slice of untyped nil')
  if (indexes.length > 3) return fail(`too many slice indexes: ${indexes.length}`)
  let bytes: number[] | undefined
  let len: number
  if (typeof item === 'string') {
    if (indexes.length === 3) return fail('cannot 3-index slice a string')
    bytes = utf8Bytes(item)
    len = bytes.length
  } else if (Array.isArray(item)) len = item.length
  else return fail(`can't slice item of type ${typeName(item)}`)
  const idx = [0, len, 0]
  indexes.forEach((x, i) => (idx[i] = indexArg(x, len)))
  if (idx[0]! > idx[1]!) return fail(`invalid slice index: ${idx[0]} > ${idx[1]}`)
  if (indexes.length === 3 && idx[1]! > idx[2]!) return fail(`invalid slice index: ${idx[1]} > ${idx[2]}`)
  if (bytes) return utf8Decode(bytes.slice(idx[0], idx[1]))
  return (item as unknown[]).slice(idx[0], idx[1]) as Value
}

function length(item: Value): Value {
  const [v, isNil] = indirect(item)
  if (isNil) return fail('len of nil pointer')
  if (v === undefined) return fail('reflect: call of reflect.Value.Type on zero Value')
  if (typeof v === 'string' || Array.isArray(v) || isMap(v)) return new GoNumber('int', goLen(v))
  return fail(`len of type ${typeName(v)}`)
}

type BasicKind = 'invalid' | 'bool' | 'int' | 'uint' | 'float' | 'string'

function basicKind(v: Value): BasicKind {
  const k: Kind = kindOf(v)
  if (k === 'int' || k === 'int64') return 'int'
  if (k === 'uint8') return 'uint'
  if (k === 'float64') return 'float'
  if (k === 'bool' || k === 'string') return k
  return 'invalid'
}

const scalar = (v: Value) => (v instanceof GoNumber ? v.value : (v as string | boolean))

function eq(arg1: Value, arg2: Value[]): boolean {
  arg1 = indirectInterface(arg1)
  if (arg2.length === 0) return fail('missing argument for comparison')
  const k1 = basicKind(arg1)
  for (let arg of arg2) {
    arg = indirectInterface(arg)
    const k2 = basicKind(arg)
    let t = false
    if (k1 !== k2) {
      if ((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')) t = scalar(arg1) === scalar(arg)
      else if (arg1 !== undefined && arg !== undefined)
        return fail(`incompatible types for comparison: ${typeName(arg1)} and ${typeName(arg)}`)
    } else if (k1 !== 'invalid') t = scalar(arg1) === scalar(arg)
    else {
      const kinds = [kindOf(arg1), kindOf(arg)]
      if (kinds[0] !== kinds[1] && !kinds.includes('invalid'))
        return fail(
          `non-comparable types ${sprintf('%s', [toAny(arg1)])}: ${typeName(arg1)}, ${typeName(arg)}: ${sprintf('%v', [toAny(arg)])}`,
        )
      if (arg1 === undefined || arg === undefined) t = arg1 === arg
      else return fail(`non-comparable type ${sprintf('%s', [toAny(arg)])}: ${typeName(arg)}`)
    }
    if (t) return true
  }
  return false
}

function lt(arg1: Value, arg2: Value): boolean {
  arg1 = indirectInterface(arg1)
  const k1 = basicKind(arg1)
  if (k1 === 'invalid') return fail('invalid type for comparison')
  arg2 = indirectInterface(arg2)
  const k2 = basicKind(arg2)
  if (k2 === 'invalid') return fail('invalid type for comparison')
  if (k1 !== k2) {
    if ((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')) return scalar(arg1) < scalar(arg2)
    return fail(`incompatible types for comparison: ${typeName(arg1)} and ${typeName(arg2)}`)
  }
  if (k1 === 'bool') return fail('invalid type for comparison')
  return scalar(arg1) < scalar(arg2)
}

function le(arg1: Value, arg2: Value): boolean {
  return lt(arg1, arg2) || eq(arg1, [arg2])
}

/** kubectl's exists: whether `index item indices…` would find something non-nil. */
function exists(item: Value, indices: Value[]): boolean {
  let v: Value = toAny(item) ?? undefined
  for (const i of indices) {
    const idx = toAny(i) ?? undefined
    const [cur, isNil] = indirect(v)
    if (isNil) return false
    if (typeof cur === 'string' || Array.isArray(cur)) {
      if (!isIntKind(kindOf(idx))) return false
      const x = (idx as GoNumber).value
      const len = typeof cur === 'string' ? utf8Bytes(cur).length : cur.length
      if (x < 0 || x >= len) return false
      v = typeof cur === 'string' ? new GoNumber('uint8', utf8Bytes(cur)[x]!) : elem(cur[x])
    } else if (isMap(cur)) {
      const key = idx ?? ''
      if (typeof key !== 'string') return false
      v = Object.hasOwn(cur, key) ? elem(cur[key]) : new GoIface(null)
    } else return false
  }
  return !indirect(v)[1]
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** base64.StdEncoding.DecodeString with its CorruptInputError offsets; the bytes as UTF-8 text. */
function base64decode(s: string): string {
  const src = utf8Bytes(s)
  const out: number[] = []
  const corrupt = (at: number): never => fail(`base64 decode failed: illegal base64 data at input byte ${at}`)
  let si = 0
  while (si < src.length) {
    const dbuf = [0, 0, 0, 0]
    let dlen = 4
    let j = 0
    for (; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return utf8Decode(out)
        corrupt(si - j)
      }
      const c = src[si++]!
      const d = c < 0x80 ? B64.indexOf(String.fromCharCode(c)) : -1
      if (d >= 0) {
        dbuf[j] = d
        continue
      }
      if (c === 0x0a || c === 0x0d) {
        j--
        continue
      }
      if (c !== 0x3d || j < 2) corrupt(si - 1)
      if (j === 2) {
        while (si < src.length && (src[si] === 0x0a || src[si] === 0x0d)) si++
        if (si === src.length) corrupt(src.length)
        if (src[si] !== 0x3d) corrupt(si - 1)
        si++
      }
      while (si < src.length && (src[si] === 0x0a || src[si] === 0x0d)) si++
      if (si < src.length) corrupt(si)
      dlen = j
      break
    }
    const val = (dbuf[0]! << 18) | (dbuf[1]! << 12) | (dbuf[2]! << 6) | dbuf[3]!
    const bytes = [(val >> 16) & 0xff, (val >> 8) & 0xff, val & 0xff]
    out.push(...bytes.slice(0, dlen - 1))
  }
  return utf8Decode(out)
}

/** template.HTMLEscapeString. */
function htmlEscape(s: string): string {
  const map: Record<string, string> = {
    '\0': '\uFFFD',
    '"': '&#34;',
    "'": '&#39;',
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
  }
  return s.replace(/[\0"'&<>]/g, (c) => map[c]!)
}

/** template.JSEscapeString. */
function jsEscape(s: string): string {
  const map: Record<string, string> = {
    '\\': '\\\\',
    "'": "\\'",
    '"': '\\"',
    '<': '\\u003C',
    '>': '\\u003E',
    '&': '\\u0026',
    '=': '\\u003D',
  }
  let out = ''
  for (const ch of s) {
    const cp = ch.codePointAt(0)!
    if (map[ch]) out += map[ch]
    else if (cp < 0x20) out += `\\u00${cp.toString(16).toUpperCase().padStart(2, '0')}`
    else if (cp < 0x80 || isPrint(cp)) out += ch
    else out += `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`
  }
  return out
}

/** url.QueryEscape. */
function queryEscape(s: string): string {
  let out = ''
  for (const b of utf8Bytes(s)) {
    const c = String.fromCharCode(b)
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c
    else if (c === ' ') out += '+'
    else out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return out
}
