// Values printed the way Go prints them, for messages that quote what the API server or kubectl
// holds: `%q` (strconv.Quote), `%+v` of a decoded JSON value (`map[a:1 b:[x y]]`), and
// encoding/json's Marshal of an unstructured map (sorted keys, HTML characters escaped).

/** Go's byte order of UTF-8 strings is code point order (JS `<` compares UTF-16 units). */
export function compareGo(a: string, b: string): number {
  if (a === b) return 0
  const ia = a[Symbol.iterator]()
  const ib = b[Symbol.iterator]()
  for (;;) {
    const x = ia.next()
    const y = ib.next()
    if (x.done || y.done) return x.done ? (y.done ? 0 : -1) : 1
    const d = x.value.codePointAt(0)! - y.value.codePointAt(0)!
    if (d) return d
  }
}

const sortedKeys = (o: object) => Object.keys(o).sort(compareGo)
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0')

/** strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u
const ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '\\': '\\\\',
  '"': '\\"',
}

/** `%q` of a string (strconv.Quote); a lone surrogate stands for invalid UTF-8 and prints as U+FFFD. */
export function goQuote(s: string): string {
  let out = '"'
  for (const ch of s) {
    const cp = ch.codePointAt(0)!
    if (ESCAPES[ch]) out += ESCAPES[ch]
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd'
    else if (PRINTABLE.test(ch)) out += ch
    else if (cp < 0x80) out += `\\x${hex(cp, 2)}`
    else if (cp < 0x10000) out += `\\u${hex(cp, 4)}`
    else out += `\\U${hex(cp, 8)}`
  }
  return out + '"'
}

/**
 * A JSON number as the API server holds it after decoding a request body (sigs.k8s.io/json keeps
 * integers as int64, the rest as float64) and `%v` prints it: a float64 in strconv's shortest
 * `%g`, which switches to `%e` below 1e-4 and from 1e6, with a two-digit exponent at least.
 */
export function goNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 2 ** 63) return BigInt(n).toString()
  const [mantissa, exp] = n.toExponential().split('e') as [string, string]
  const e = Number(exp)
  if (e >= -4 && e < 6) return String(n)
  return `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`
}

/** `%+v` of a value decoded from JSON into interface{} (maps print with sorted keys). */
export function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>'
  if (typeof v === 'string') return v
  if (typeof v === 'number') return goNumber(v)
  if (typeof v === 'boolean') return String(v)
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`
  const o = v as Record<string, unknown>
  return `map[${sortedKeys(o)
    .map((k) => `${k}:${goValue(o[k])}`)
    .join(' ')}]`
}

/** encoding/json's Marshal of an unstructured value: sorted keys, `<`, `>`, `&`, U+2028/9 escaped. */
export function goJson(v: unknown): string {
  if (v === null || v === undefined) return 'null'
  if (typeof v === 'string')
    return JSON.stringify(v).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${hex(c.codePointAt(0)!, 4)}`)
  if (typeof v === 'number') return Number.isFinite(v) ? JSON.stringify(v) : 'null'
  if (typeof v === 'boolean') return String(v)
  if (Array.isArray(v)) return `[${v.map(goJson).join(',')}]`
  const o = v as Record<string, unknown>
  return `{${sortedKeys(o)
    .filter((k) => o[k] !== undefined)
    .map((k) => `${goJson(k)}:${goJson(o[k])}`)
    .join(',')}}`
}
