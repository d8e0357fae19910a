// gopkg.in/yaml.v2 (as vendored by sigs.k8s.io/yaml) deciding how a string scalar is written:
// resolve() — would the plain text read back as a bool, null, number or timestamp? — and the
// emitter's yaml_emitter_analyze_scalar, which rules out plain, single-quoted or block styles.

// YAML 1.1 words yaml.v2 resolves to non-strings (resolveMapList).
const RESOLVE_MAP = new Set([
  '',
  ...'y Y yes Yes YES true True TRUE on On ON n N no No NO false False FALSE off Off OFF'.split(' '),
  ...'~ null Null NULL .nan .NaN .NAN .inf .Inf .INF +.inf +.Inf +.INF -.inf -.Inf -.INF <<'.split(' '),
])

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/
const MAX_INT64 = (1n << 63n) - 1n
const MAX_UINT64 = (1n << 64n) - 1n

/** strconv.ParseInt(s, 0, 64) (or ParseUint when `unsigned`) succeeds. */
function goParsesInt(s: string, unsigned: boolean): boolean {
  let body = s
  let negative = false
  if (!unsigned && (body[0] === '+' || body[0] === '-')) {
    negative = body[0] === '-'
    body = body.slice(1)
  }
  let digits = body
  let base = 10
  if (/^0[xX]/.test(body)) [base, digits] = [16, body.slice(2)]
  else if (/^0[oO]/.test(body)) [base, digits] = [8, body.slice(2)]
  else if (/^0[bB]/.test(body)) [base, digits] = [2, body.slice(2)]
  else if (body.length > 1 && body[0] === '0') [base, digits] = [8, body.slice(1)]
  const alphabet = '0123456789abcdef'.slice(0, base)
  if (digits === '' || ![...digits.toLowerCase()].every((c) => alphabet.includes(c))) return false
  const prefix = base === 16 ? '0x' : base === 8 ? '0o' : base === 2 ? '0b' : ''
  const value = BigInt(prefix + digits)
  return unsigned ? value <= MAX_UINT64 : negative ? value <= MAX_INT64 + 1n : value <= MAX_INT64
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** yaml.v2 parseTimestamp: the four time.Parse layouts it allows (RFC 3339-ish, date only…). */
function isTimestamp(s: string): boolean {
  const m =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))|(?: (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?))?$/.exec(
      s,
    )
  if (!m) return false
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) return false
  if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return false
  const [h, min, sec] = [m[4] ?? m[7], m[5] ?? m[8], m[6] ?? m[9]].map((x) =>
    x === undefined ? 0 : Number(x),
  )
  return h! < 24 && min! < 60 && sec! < 60
}

/**
 * yaml.v2 resolve("", s) names a tag other than !!str — the string must be quoted so it reads
 * back as a string (`"0"`, `"true"`, `"2026-01-01T09:00:00Z"`, `""`).
 */
export function resolvesToNonString(s: string): boolean {
  if (s === '') return true
  const c = s[0]!
  const hint =
    c === '+' || c === '-'
      ? 'S'
      : c >= '0' && c <= '9'
        ? 'D'
        : 'yYnNtTfFoO~'.includes(c)
          ? 'M'
          : c === '.'
            ? '.'
            : ''
  if (hint === '') return false
  if (RESOLVE_MAP.has(s)) return true
  if (hint === '.') return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s)
  if (hint === 'M') return false
  if (isTimestamp(s)) return true
  const plain = s.replace(/_/g, '')
  if (goParsesInt(plain, false) || goParsesInt(plain, true)) return true
  if (YAML_STYLE_FLOAT.test(plain) && Number.isFinite(Number(plain))) return true
  if (/^-?0b[01]+$/.test(plain)) return true
  return false
}

/** encode.go stringv: plain is allowed only for text that resolves back to a string. */
export function canUsePlain(s: string): boolean {
  return !resolvesToNonString(s) && !BASE60_FLOAT.test(s)
}

export interface ScalarAnalysis {
  multiline: boolean
  blockPlainAllowed: boolean
  singleQuotedAllowed: boolean
  blockAllowed: boolean
}

const isBreak = (c: string | undefined) =>
  c === '\r' || c === '\n' || c === '\u0085' || c === '\u2028' || c === '\u2029'
const isBlank = (c: string | undefined) => c === ' ' || c === '\t'

/** is_printable: LF, 0x20–0x7E, U+00A0–U+D7FF, U+E000–U+FFFD except the BOM. */
export function isPrintable(c: string): boolean {
  const cp = c.codePointAt(0)!
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  )
}

/** yaml_emitter_analyze_scalar, for block context (the only one kubectl's YAML uses). */
export function analyzeScalar(value: string): ScalarAnalysis {
  if (value === '')
    return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false }
  const chars = [...value]
  let blockIndicators = value.startsWith('---') || value.startsWith('...')
  let lineBreaks = false
  let special = false
  let leadingSpace = false
  let leadingBreak = false
  let trailingSpace = false
  let trailingBreak = false
  let breakSpace = false
  let spaceBreak = false
  let precededByWhitespace = true
  let previousSpace = false
  let previousBreak = false
  chars.forEach((c, i) => {
    const last = i === chars.length - 1
    const followedByWhitespace = last || isBlank(chars[i + 1])
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockIndicators = true
      else if ((c === '?' || c === ':' || c === '-') && followedByWhitespace) blockIndicators = true
    } else if (c === ':' && followedByWhitespace) blockIndicators = true
    else if (c === '#' && precededByWhitespace) blockIndicators = true
    if (!isPrintable(c)) special = true
    if (c === ' ') {
      if (i === 0) leadingSpace = true
      if (last) trailingSpace = true
      if (previousBreak) breakSpace = true
      previousSpace = true
      previousBreak = false
    } else if (isBreak(c)) {
      lineBreaks = true
      if (i === 0) leadingBreak = true
      if (last) trailingBreak = true
      if (previousSpace) spaceBreak = true
      previousSpace = false
      previousBreak = true
    } else {
      previousSpace = false
      previousBreak = false
    }
    precededByWhitespace = isBlank(c) || isBreak(c) || c === '\0'
  })
  const blockPlainAllowed = !(
    leadingSpace ||
    leadingBreak ||
    trailingSpace ||
    trailingBreak ||
    breakSpace ||
    spaceBreak ||
    special ||
    lineBreaks ||
    blockIndicators
  )
  const singleQuotedAllowed = !(breakSpace || spaceBreak || special)
  const blockAllowed = !(trailingSpace || spaceBreak || special)
  return { multiline: lineBreaks, blockPlainAllowed, singleQuotedAllowed, blockAllowed }
}
