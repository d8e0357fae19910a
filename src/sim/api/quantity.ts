// resource.Quantity (k8s.io/apimachinery pkg/api/resource quantity.go, suffix.go).
// Simplification: every quantity Ordinal stores sits in a ResourceList, and the API server's
// SetDefaults_ResourceList rounds those up to milli precision, so parsed values are kept
// exactly as `unscaled × 10^scale` but already rounded (away from zero) to millis.

export type QuantityFormat = 'DecimalExponent' | 'BinarySI' | 'DecimalSI'

export interface Quantity {
  /** value = unscaled × 10^scale; trailing zeros of `unscaled` are folded into `scale` (≥ -3). */
  readonly unscaled: bigint
  readonly scale: number
  readonly format: QuantityFormat
}

export const ERR_FORMAT_WRONG =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
export const ERR_NUMERIC = 'unable to parse numeric part of quantity'
export const ERR_SUFFIX = "unable to parse quantity's suffix"

/** Thrown by parseQuantity; `message` is exactly one of the three apimachinery parser errors. */
export class QuantityError extends Error {}

const MAX_INT64 = (1n << 63n) - 1n
const SUFFIX_CHARS = 'eEinumkKMGTP'
const DECIMAL_SI: Record<string, number> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
}
const BINARY_SI: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 }
const BINARY_NAMES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']
const ZERO: Quantity = { unscaled: 0n, scale: 0, format: 'DecimalSI' }

interface Scanned {
  positive: boolean
  value: string // the numeric text as written, sign included (what inf.Dec would be given)
  num: string
  denom: string
  suffix: string
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9'

/** Port of parseQuantityString: splits sign, digits, fraction and suffix, or throws ErrFormatWrong. */
function scan(str: string): Scanned {
  const end = str.length
  let pos = 0
  let positive = true
  if (str[0] === '-' || str[0] === '+') {
    positive = str[0] === '+'
    pos++
  }
  while (pos < end && str[pos] === '0') pos++
  if (pos >= end) return { positive, value: '0', num: '0', denom: '', suffix: '' }
  let i = pos
  while (i < end && isDigit(str[i])) i++
  let num = str.slice(pos, i)
  if (i >= end) return { positive, value: str, num, denom: '', suffix: '' }
  pos = i
  if (num === '') num = '0'
  let denom = ''
  if (str[pos] === '.') {
    let j = ++pos
    while (j < end && isDigit(str[j])) j++
    denom = str.slice(pos, j)
    if (j >= end) return { positive, value: str, num, denom, suffix: '' }
    pos = j
  }
  const value = str.slice(0, pos)
  const suffixStart = pos
  while (pos < end && SUFFIX_CHARS.includes(str[pos] as string)) pos++
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++
  while (pos < end && isDigit(str[pos])) pos++
  if (pos < end) throw new QuantityError(ERR_FORMAT_WRONG)
  return { positive, value, num, denom, suffix: str.slice(suffixStart) }
}

/** Port of suffixer.interpret: base-10 or base-2 exponent and the format the suffix implies. */
function interpret(suffix: string): { base: 2 | 10; exponent: number; format: QuantityFormat } | undefined {
  const dec = DECIMAL_SI[suffix]
  if (dec !== undefined) return { base: 10, exponent: dec, format: 'DecimalSI' }
  const bin = BINARY_SI[suffix]
  if (bin !== undefined) return { base: 2, exponent: bin, format: 'BinarySI' }
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?\d+$/.test(suffix.slice(1))) {
    const parsed = BigInt(suffix.slice(1))
    if (parsed > MAX_INT64 || parsed < -MAX_INT64 - 1n) return undefined
    // Go narrows the parsed int64 to int32, so wrap the same way.
    return { base: 10, exponent: Number(BigInt.asIntN(32, parsed)), format: 'DecimalExponent' }
  }
  return undefined
}

const abs = (n: bigint): bigint => (n < 0n ? -n : n)
const digitCount = (n: bigint): number => (n === 0n ? 0 : abs(n).toString().length)

function normalize(unscaled: bigint, scale: number, format: QuantityFormat): Quantity {
  if (unscaled === 0n) return { unscaled: 0n, scale: 0, format }
  while (unscaled % 10n === 0n) {
    unscaled /= 10n
    scale++
  }
  return { unscaled, scale, format }
}

/** Rounds unscaled × 10^scale away from zero to a multiple of 10^-3. */
function roundUpToMillis(unscaled: bigint, scale: number): [bigint, number] {
  if (scale >= -3 || unscaled === 0n) return [unscaled, scale]
  const shift = -3 - scale
  const sign = unscaled < 0n ? -1n : 1n
  if (shift > digitCount(unscaled)) return [sign, -3]
  const divisor = 10n ** BigInt(shift)
  const magnitude = abs(unscaled)
  const q = magnitude / divisor + (magnitude % divisor === 0n ? 0n : 1n)
  return [sign * q, -3]
}

/** Parses a quantity string as ParseQuantity does (then rounds to millis); throws QuantityError. */
export function parseQuantity(str: string): Quantity {
  if (str.length === 0) throw new QuantityError(ERR_FORMAT_WRONG)
  if (str === '0') return ZERO
  const s = scan(str)
  const suffix = interpret(s.suffix)
  if (!suffix) throw new QuantityError(ERR_SUFFIX)
  let format = suffix.format
  // Go only hands the text to inf.Dec (which needs a digit) when its int64 fast path cannot be used.
  const fastPath =
    format === 'BinarySI'
      ? s.denom.length === 0 && 15 - s.num.length - Math.trunc((suffix.exponent * 3) / 10) - 1 >= 0
      : 18 - (s.num.length + s.denom.length) >= 0 && suffix.exponent - s.denom.length >= -9
  if (!fastPath && !/[0-9]/.test(s.value)) throw new QuantityError(ERR_NUMERIC)

  let unscaled = BigInt(s.num + s.denom) * (s.positive ? 1n : -1n)
  let scale = -s.denom.length
  if (suffix.base === 10) scale += suffix.exponent
  else unscaled *= 1n << BigInt(suffix.exponent)
  if (format === 'BinarySI') {
    const limit = MAX_INT64 * 10n ** BigInt(-scale)
    if (abs(unscaled) > limit) [unscaled, scale] = [unscaled < 0n ? -MAX_INT64 : MAX_INT64, 0]
    if (unscaled !== 0n && abs(unscaled) < 10n ** BigInt(-scale)) format = 'DecimalSI'
  }
  const [rounded, roundedScale] = roundUpToMillis(unscaled, scale)
  return normalize(rounded, roundedScale, format)
}

function toQuantity(q: Quantity | string | number): Quantity {
  return typeof q === 'object' ? q : parseQuantity(String(q))
}

/** -1, 0 or 1 by numeric value (`1Gi` equals `1024Mi`); strings are parsed first. */
export function compareQuantities(a: Quantity | string | number, b: Quantity | string | number): number {
  const x = toQuantity(a)
  const y = toQuantity(b)
  const sx = x.unscaled < 0n ? -1 : x.unscaled > 0n ? 1 : 0
  const sy = y.unscaled < 0n ? -1 : y.unscaled > 0n ? 1 : 0
  if (sx !== sy || sx === 0) return Math.sign(sx - sy)
  // Compare orders of magnitude first so huge exponents never get expanded.
  const mx = digitCount(x.unscaled) + x.scale
  const my = digitCount(y.unscaled) + y.scale
  if (mx !== my) return mx > my ? sx : -sx
  const lo = Math.min(x.scale, y.scale)
  const ax = abs(x.unscaled) * 10n ** BigInt(x.scale - lo)
  const ay = abs(y.unscaled) * 10n ** BigInt(y.scale - lo)
  return ax === ay ? 0 : ax > ay ? sx : -sx
}

/** Go's Quantity.Value(): the value rounded up (away from zero) to a whole number. */
export function quantityValue(q: Quantity | string | number): bigint {
  const { unscaled, scale } = toQuantity(q)
  if (scale >= 0) return unscaled * 10n ** BigInt(scale)
  const divisor = 10n ** BigInt(-scale)
  const whole = abs(unscaled) / divisor + (abs(unscaled) % divisor === 0n ? 0n : 1n)
  return unscaled < 0n ? -whole : whole
}

/** The value as a float, for display and rough arithmetic (bytes for storage). */
export function quantityBytes(q: Quantity | string | number): number {
  const { unscaled, scale } = toQuantity(q)
  return scale >= 0 ? Number(unscaled) * 10 ** scale : Number(unscaled) / 10 ** -scale
}

/**
 * Canonical form as Quantity.String() emits it (CanonicalizeBytes): the parsed suffix family is
 * kept and the largest exact suffix chosen; BinarySI below 1024 or fractional falls back to DecimalSI.
 */
export function formatQuantity(q: Quantity): string {
  if (q.unscaled === 0n) return '0'
  let format = q.format
  const below1024 = compareQuantities({ ...q, unscaled: abs(q.unscaled) }, '1024') < 0
  // Normalized, a negative scale means a fractional value, which base 1024 cannot show exactly.
  if (format === 'BinarySI' && (below1024 || q.scale < 0)) format = 'DecimalSI'
  if (format === 'BinarySI') {
    let v = q.unscaled * 10n ** BigInt(q.scale)
    let power = 0
    while (abs(v) >= 1024n && v % 1024n === 0n && power < BINARY_NAMES.length - 1) {
      v /= 1024n
      power++
    }
    return `${v}${BINARY_NAMES[power]}`
  }
  const remainder = ((q.scale % 3) + 3) % 3
  const mantissa = q.unscaled * 10n ** BigInt(remainder)
  const exponent = q.scale - remainder
  const si = Object.keys(DECIMAL_SI).find((k) => DECIMAL_SI[k] === exponent)
  const suffix = format === 'DecimalSI' && si !== undefined ? si : exponent === 0 ? '' : `e${exponent}`
  return `${mantissa}${suffix}`
}

/** `1024Mi` → `1Gi`, `1000M` → `1G`, `1.5Gi` → `1536Mi`; throws QuantityError on bad input. */
export function canonicalQuantity(s: string | number): string {
  return formatQuantity(toQuantity(s))
}
