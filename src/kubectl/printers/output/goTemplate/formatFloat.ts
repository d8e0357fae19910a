// strconv.FormatFloat for fmt's float verbs: %e/%E, %f/%F and %g/%G with a precision, or the
// shortest form (prec -1), with Go's two-digit exponents and round-half-even on exact ties.
import { goFloatG } from '../goFormat'

/** strconv.FormatFloat(f, fmt, prec, 64) for the 'e', 'f', 'g' families (-1: shortest). */
export function formatFloat(f: number, verb: string, prec: number): string {
  if (Number.isNaN(f)) return 'NaN'
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf'
  const upper = verb === 'E' || verb === 'G' || verb === 'X'
  let out: string
  switch (verb.toLowerCase()) {
    case 'f':
      out = prec < 0 ? goFloatG(f) : toFixedEven(f, prec)
      break
    case 'e':
      out = expForm(prec < 0 ? f.toExponential() : f.toExponential(prec))
      break
    default:
      out = prec < 0 ? goFloatG(f) : formatG(f, prec)
  }
  return upper ? out.toUpperCase() : out
}

/** `1.5e+0` → `1.5e+00`: Go writes at least two exponent digits. */
function expForm(s: string): string {
  return s.replace(/e([+-])(\d)$/, 'e$10$2')
}

/** toFixed with Go's round-half-even for exact ties (2.5 → "2"). */
function toFixedEven(f: number, prec: number): string {
  const scaled = Math.abs(f) * 10 ** prec
  if (
    prec <= 20 &&
    Number.isInteger(scaled * 2) &&
    !Number.isInteger(scaled) &&
    Math.floor(scaled) % 2 === 0
  ) {
    const down = (Math.sign(f) * Math.floor(scaled)) / 10 ** prec
    const text = Math.abs(down).toFixed(prec)
    return f < 0 ? `-${text}` : text
  }
  return f.toFixed(Math.min(prec, 100))
}

/** %.Ng: N significant digits, trailing zeros dropped, exponent form when exp < -4 or ≥ N. */
function formatG(f: number, prec: number): string {
  if (prec === 0) prec = 1
  const [mantissa, expText] = f.toExponential(Math.min(prec - 1, 100)).split('e') as [string, string]
  const exp = Number(expText)
  const digits = mantissa.replace('-', '').replace('.', '').replace(/0+$/, '') || '0'
  let eprec = prec
  if (eprec > digits.length && digits.length >= exp + 1) eprec = digits.length
  const neg = f < 0 ? '-' : ''
  if (exp < -4 || exp >= eprec) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits
    return expForm(`${neg}${m}e${exp < 0 ? '-' : '+'}${Math.abs(exp)}`)
  }
  const point = exp + 1
  if (point <= 0) return `${neg}0.${'0'.repeat(-point)}${digits}`
  if (point >= digits.length) return `${neg}${digits}${'0'.repeat(point - digits.length)}`
  return `${neg}${digits.slice(0, point)}.${digits.slice(point)}`
}
