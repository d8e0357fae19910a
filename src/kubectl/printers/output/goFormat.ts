// Go's fmt verbs as kubectl applies them to unstructured values: %v (fmt.Sprint — custom-columns
// cells, jsonpath scalars, generic describe) and %#v (the object dump in jsonpath errors).
// Integers are JSON int64s, other numbers float64s, as apimachinery's JSON decoding gives.
import { type JsonValue, isObject, sortedKeys } from './unstructured'

/** strconv.FormatFloat(f, 'g', -1, 64) (also fmt's %v): shortest digits; 1e-05 and 1e+06 go exponential. */
export function goFloatG(f: number): string {
  if (f === 0) return Object.is(f, -0) ? '-0' : '0'
  if (!Number.isFinite(f)) return Number.isNaN(f) ? 'NaN' : f > 0 ? '+Inf' : '-Inf'
  const [mantissa, expText] = f.toExponential().split('e') as [string, string]
  const exp = Number(expText)
  // Shortest formatting decides %e versus %f with precision 6 (strconv's eprec for shortest).
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? '-' : '+'
    return `${mantissa}e${sign}${String(Math.abs(exp)).padStart(2, '0')}`
  }
  const digits = mantissa.replace('-', '').replace('.', '')
  const neg = f < 0 ? '-' : ''
  const point = exp + 1
  if (point <= 0) return `${neg}0.${'0'.repeat(-point)}${digits}`
  if (point >= digits.length) return `${neg}${digits}${'0'.repeat(point - digits.length)}`
  return `${neg}${digits.slice(0, point)}.${digits.slice(point)}`
}

function goNumber(n: number): string {
  return Number.isInteger(n) && Math.abs(n) < 2 ** 63 ? BigInt(n).toString() : goFloatG(n)
}

/** fmt.Sprint(v): `map[a:1 b:x]`, `[a b]`, `<nil>`, strings unquoted. */
export function goSprint(v: JsonValue | undefined): string {
  if (v === null || v === undefined) return '<nil>'
  if (Array.isArray(v)) return `[${v.map(goSprint).join(' ')}]`
  if (isObject(v))
    return `map[${sortedKeys(v)
      .map((k) => `${k}:${goSprint(v[k])}`)
      .join(' ')}]`
  if (typeof v === 'number') return goNumber(v)
  return String(v)
}

/** fmt's %#v of an unstructured value: `map[string]interface {}{"k":"v"}`, `[]interface {}{…}`. */
export function goSharpV(v: JsonValue | undefined, top = true): string {
  if (v === null || v === undefined) return top ? '<nil>' : 'interface {}(nil)'
  if (Array.isArray(v)) return `[]interface {}{${v.map((x) => goSharpV(x, false)).join(', ')}}`
  if (isObject(v))
    return `map[string]interface {}{${sortedKeys(v)
      .map((k) => `${goQuote(k)}:${goSharpV(v[k], false)}`)
      .join(', ')}}`
  if (typeof v === 'number') return goNumber(v)
  if (typeof v === 'string') return goQuote(v)
  return String(v)
}

/** strconv.Quote: printable runes kept, `\"` `\\` `\n` `\t`…, others as \x, \u or \U escapes. */
export function goQuote(s: string): string {
  let out = '"'
  for (const ch of s) {
    const cp = ch.codePointAt(0)!
    if (ch === '"' || ch === '\\') out += `\\${ch}`
    else if (cp >= 0x20 && cp < 0x7f) out += ch
    else if (ch === '\n') out += '\\n'
    else if (ch === '\t') out += '\\t'
    else if (ch === '\r') out += '\\r'
    else if (cp === 7) out += '\\a'
    else if (cp === 8) out += '\\b'
    else if (cp === 0x0c) out += '\\f'
    else if (cp === 0x0b) out += '\\v'
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`
    else if (cp >= 0x80 && cp < 0xa0) out += `\\u${cp.toString(16).padStart(4, '0')}`
    else out += ch
  }
  return `${out}"`
}
