// The strconv pieces the template parser needs: Unquote and UnquoteChar for string and character
// literals, and parse.newNumber's classification of numeric literals (ParseUint/ParseInt with base
// 0, ParseFloat). Failures throw StrconvError with Go's text ("invalid syntax", …).
import { goQuote } from '../goFormat'

export class StrconvError extends Error {}

const SYNTAX = 'invalid syntax'

/** strconv.UnquoteChar: one (possibly escaped) character and the rest of `s`. */
function unquoteChar(s: string, quote: string): { bytes: number[]; tail: string } {
  const c = s[0]!
  if (c === quote && (quote === "'" || quote === '"')) throw new StrconvError(SYNTAX)
  const cp = s.codePointAt(0)!
  if (c !== '\\') return { bytes: utf8Encode(cp), tail: s.slice(cp > 0xffff ? 2 : 1) }
  if (s.length <= 1) throw new StrconvError(SYNTAX)
  const e = s[1]!
  let rest = s.slice(2)
  const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 }
  if (e in simple) return { bytes: [simple[e]!], tail: rest }
  if (e === 'x' || e === 'u' || e === 'U') {
    const n = e === 'x' ? 2 : e === 'u' ? 4 : 8
    const hex = rest.slice(0, n)
    if (hex.length < n || !/^[0-9a-fA-F]+$/.test(hex)) throw new StrconvError(SYNTAX)
    rest = rest.slice(n)
    const v = parseInt(hex, 16)
    if (e === 'x') return { bytes: [v], tail: rest }
    if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) throw new StrconvError(SYNTAX)
    return { bytes: utf8Encode(v), tail: rest }
  }
  if (e >= '0' && e <= '7') {
    const oct = e + rest.slice(0, 2)
    if (!/^[0-7]{3}$/.test(oct)) throw new StrconvError(SYNTAX)
    const v = parseInt(oct, 8)
    if (v > 255) throw new StrconvError(SYNTAX)
    return { bytes: [v], tail: rest.slice(2) }
  }
  if ((e === "'" || e === '"') && e === quote) return { bytes: [e.charCodeAt(0)], tail: rest }
  throw new StrconvError(SYNTAX)
}

/** strconv.Unquote of a "…" or `…` literal. Escaped bytes that are not UTF-8 become U+FFFD. */
export function unquote(s: string): string {
  if (s.length < 2) throw new StrconvError(SYNTAX)
  const quote = s[0]!
  if (quote !== s[s.length - 1]) throw new StrconvError(SYNTAX)
  let body = s.slice(1, -1)
  if (quote === '`') {
    if (body.includes('`')) throw new StrconvError(SYNTAX)
    return body.replaceAll('\r', '')
  }
  if (quote !== '"' && quote !== "'") throw new StrconvError(SYNTAX)
  if (body.includes('\n')) throw new StrconvError(SYNTAX)
  const bytes: number[] = []
  while (body.length > 0) {
    const { bytes: b, tail } = unquoteChar(body, quote)
    bytes.push(...b)
    body = tail
    if (quote === "'" && body.length > 0) throw new StrconvError(SYNTAX)
  }
  return utf8Decode(bytes)
}

/** The rune of a character constant such as 'a' or '\n' (parse.newNumber's itemCharConstant case). */
export function charConstant(text: string): number {
  const { bytes, tail } = unquoteChar(text.slice(1), text[0]!)
  if (tail !== "'") throw new StrconvError(`malformed character constant: ${text}`)
  return bytes.length === 1 ? bytes[0]! : utf8Decode(bytes).codePointAt(0)!
}

export interface NumberValue {
  isInt: boolean
  isUint: boolean
  isFloat: boolean
  int64: number
  float64: number
}

const INT64_MAX = 2n ** 63n - 1n
const INT64_MIN = -(2n ** 63n)
const UINT64_MAX = 2n ** 64n - 1n

/** parse.newNumber for number tokens (not complex ones): which Go types the literal fits. */
export function classifyNumber(text: string): NumberValue {
  const n: NumberValue = { isInt: false, isUint: false, isFloat: false, int64: 0, float64: 0 }
  const big = parseIntBase0(text)
  if (big !== undefined) {
    if (big >= 0n && big <= UINT64_MAX && !text.startsWith('-') && !text.startsWith('+')) n.isUint = true
    if (big >= INT64_MIN && big <= INT64_MAX) {
      n.isInt = true
      n.int64 = Number(big)
      if (big === 0n) n.isUint = true // -0
    }
  }
  if (n.isInt || n.isUint) {
    n.isFloat = true
    n.float64 = Number(big)
  } else {
    const f = parseFloatGo(text)
    if (f !== undefined) {
      if (!/[.eEpP]/.test(text)) throw new StrconvError(`integer overflow: ${goQuote(text)}`)
      n.isFloat = true
      n.float64 = f
      if (Number.isInteger(f) && Math.abs(f) < 2 ** 63) {
        n.isInt = true
        n.int64 = f
      }
      if (Number.isInteger(f) && f >= 0 && f < 2 ** 64) n.isUint = true
    }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) throw new StrconvError(`illegal number syntax: ${goQuote(text)}`)
  return n
}

/** strconv's underscoreOK: `_` only between digits (or after a base prefix). */
function underscoreOK(s: string): boolean {
  let saw = '^'
  let i = 0
  if (s[0] === '-' || s[0] === '+') s = s.slice(1)
  let hex = false
  if (s.length >= 2 && s[0] === '0' && 'boxBOX'.includes(s[1]!)) {
    i = 2
    saw = '0'
    hex = s[1]!.toLowerCase() === 'x'
  }
  for (; i < s.length; i++) {
    const c = s[i]!
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) {
      saw = '0'
      continue
    }
    if (c === '_') {
      if (saw !== '0') return false
      saw = '_'
      continue
    }
    if (saw === '_') return false
    saw = '!'
  }
  return saw !== '_'
}

/** strconv.ParseInt(s, 0, 64) without the range check (the caller checks int64 and uint64). */
function parseIntBase0(text: string): bigint | undefined {
  let s = text
  let neg = false
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-'
    s = s.slice(1)
  }
  let base = 10
  let digits = s
  if (/^0[xX]/.test(s)) [base, digits] = [16, s.slice(2)]
  else if (/^0[bB]/.test(s)) [base, digits] = [2, s.slice(2)]
  else if (/^0[oO]/.test(s)) [base, digits] = [8, s.slice(2)]
  else if (s.length > 1 && s[0] === '0') [base, digits] = [8, s.slice(1)]
  if (digits.includes('_')) {
    if (!underscoreOK(text)) return undefined
    digits = digits.replaceAll('_', '')
  }
  const valid = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]+$/ }[base]!
  if (!valid.test(digits)) return undefined
  let v = 0n
  for (const d of digits) v = v * BigInt(base) + BigInt(parseInt(d, 16))
  return neg ? -v : v
}

/** strconv.ParseFloat(s, 64): decimal and hexadecimal (0x1.8p3) forms; undefined when invalid or out of range. */
function parseFloatGo(text: string): number | undefined {
  if (text.includes('_') && !underscoreOK(text)) return undefined
  const s = text.replaceAll('_', '')
  let f: number
  const hex = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?[0-9]+)$/.exec(s)
  if (hex) {
    const [, sign, int = '', frac = ''] = hex
    if (int === '' && frac === '') return undefined
    const mantissa = parseInt(int + frac || '0', 16)
    f = mantissa * 2 ** (Number(hex[4]) - 4 * frac.length)
    if (sign === '-') f = -f
  } else if (/^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/.test(s)) {
    f = Number(s)
  } else return undefined
  return Number.isFinite(f) ? f : undefined
}

function utf8Encode(cp: number): number[] {
  if (cp < 0x80) return [cp]
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 63)]
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)]
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)]
}

/** UTF-8 bytes to text, each invalid byte as U+FFFD (as a terminal would show Go's raw bytes). */
export function utf8Decode(bytes: readonly number[]): string {
  let out = ''
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1
    if (need < 0) {
      out += b < 0x80 ? String.fromCharCode(b) : '\uFFFD'
      i++
      continue
    }
    let cp = need === 0 ? b : b & (0x3f >> need)
    let ok = true
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) {
        ok = false
        break
      }
      cp = (cp << 6) | (c & 0x3f)
    }
    const min = [0, 0x80, 0x800, 0x10000][need]!
    if (!ok || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      out += '\uFFFD'
      i++
      continue
    }
    out += String.fromCodePoint(cp)
    i += need + 1
  }
  return out
}

/** strconv.QuoteRune: 'a', '\'', '\n', '\x00'. */
export function quoteRune(r: number): string {
  if (r === 0x27) return "'\\''"
  if (r === 0x22) return `'"'`
  return `'${goQuote(String.fromCodePoint(r)).slice(1, -1)}'`
}

/** strconv.QuoteToASCII: non-ASCII as \u or \U escapes. */
export function quoteAscii(s: string): string {
  return goQuote(s).replace(/[^\x00-\x7f]/gu, (ch) => {
    const cp = ch.codePointAt(0)!
    return cp > 0xffff ? `\\U${cp.toString(16).padStart(8, '0')}` : `\\u${cp.toString(16).padStart(4, '0')}`
  })
}
