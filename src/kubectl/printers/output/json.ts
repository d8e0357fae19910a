// encoding/json as kubectl's JSONPrinter uses it (json.MarshalIndent with four spaces) and as
// jsonpath prints maps and slices (json.Marshal): map keys sorted, `<`, `>`, `&`, U+2028 and
// U+2029 escaped as \u003c…, lone surrogates replaced by U+FFFD.
import { type JsonValue, isObject, sortedKeys } from './unstructured'

export function goJsonMarshal(v: JsonValue, indent = ''): string {
  return encode(v, indent, '')
}

function encode(v: JsonValue, indent: string, prefix: string): string {
  if (v === null) return 'null'
  if (typeof v === 'string') return goJsonString(v)
  if (typeof v === 'number' || typeof v === 'boolean') return JSON.stringify(v)
  const inner = prefix + indent
  const nl = indent ? `\n${inner}` : ''
  const end = indent ? `\n${prefix}` : ''
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]'
    return `[${nl}${v.map((x) => encode(x, indent, inner)).join(`,${nl}`)}${end}]`
  }
  if (!isObject(v)) return 'null'
  const keys = sortedKeys(v)
  if (keys.length === 0) return '{}'
  const sep = indent ? ': ' : ':'
  return `{${nl}${keys.map((k) => `${goJsonString(k)}${sep}${encode(v[k]!, indent, inner)}`).join(`,${nl}`)}${end}}`
}

export function goJsonString(s: string): string {
  const wellFormed = s.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  )
  return JSON.stringify(wellFormed).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

/** `kubectl get -o json`: four-space indented, with the trailing newline. */
export function printJson(v: JsonValue): string {
  return `${goJsonMarshal(v, '    ')}\n`
}
