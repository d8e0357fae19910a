// Go's fmt for the values a template handles (print, printf, println and printing an action's
// value): Sprint's spacing, Sprintf's verbs, flags, width, precision and argument indexes, and its
// error forms (%!d(string=x), %!d(MISSING), %!(EXTRA …), %!(NOVERB)). Maps print with sorted keys.
import { goQuote, goSharpV } from '../goFormat'
import { type JsonValue, sortedKeys } from '../unstructured'
import { formatFloat } from './formatFloat'
import { isPrint } from './items'
import { quoteAscii, quoteRune } from './strconv'
import { type Concrete, GoNumber, fromJson, typeName, utf8Bytes } from './values'

/** An `any` argument: a concrete value, or null for nil. */
export type FmtArg = Concrete | null

export function sprint(args: readonly FmtArg[]): string {
  const p = new Printer()
  let prevString = false
  args.forEach((arg, i) => {
    const isString = typeof arg === 'string'
    if (i > 0 && !isString && !prevString) p.out += ' '
    p.printArg(arg, 'v')
    prevString = isString
  })
  return p.out
}

export function sprintln(args: readonly FmtArg[]): string {
  const p = new Printer()
  args.forEach((arg, i) => {
    if (i > 0) p.out += ' '
    p.printArg(arg, 'v')
  })
  return `${p.out}\n`
}

export function sprintf(format: string, args: readonly FmtArg[]): string {
  const p = new Printer()
  p.doPrintf(format, args)
  return p.out
}

const TOO_LARGE = 1e6

class Printer {
  out = ''
  private plus = false
  private minus = false
  private sharp = false
  private space = false
  private zero = false
  private sharpV = false
  private wid = 0
  private widPresent = false
  private prec = 0
  private precPresent = false
  private reordered = false
  private goodArgNum = true

  private clearFlags(): void {
    this.plus = this.minus = this.sharp = this.space = this.zero = false
    this.sharpV = this.widPresent = this.precPresent = false
  }

  doPrintf(format: string, a: readonly FmtArg[]): void {
    const end = format.length
    let argNum = 0
    let afterIndex = false
    this.reordered = false
    let i = 0
    while (i < end) {
      this.goodArgNum = true
      const lasti = i
      while (i < end && format[i] !== '%') i++
      if (i > lasti) this.out += format.slice(lasti, i)
      if (i >= end) break
      i++
      this.clearFlags()
      flags: for (; i < end; i++) {
        switch (format[i]) {
          case '#':
            this.sharp = true
            break
          case '0':
            this.zero = !this.minus
            break
          case '+':
            this.plus = true
            break
          case '-':
            this.minus = true
            this.zero = false
            break
          case ' ':
            this.space = true
            break
          default:
            break flags
        }
      }
      ;[argNum, i, afterIndex] = this.argNumber(argNum, format, i, a.length)
      if (i < end && format[i] === '*') {
        i++
        ;[this.wid, this.widPresent, argNum] = intFromArg(a, argNum)
        if (!this.widPresent) this.out += '%!(BADWIDTH)'
        if (this.wid < 0) {
          this.wid = -this.wid
          this.minus = true
          this.zero = false
        }
        afterIndex = false
      } else {
        ;[this.wid, this.widPresent, i] = parseNum(format, i, end)
        if (afterIndex && this.widPresent) this.goodArgNum = false
      }
      if (i + 1 < end && format[i] === '.') {
        i++
        if (afterIndex) this.goodArgNum = false
        ;[argNum, i, afterIndex] = this.argNumber(argNum, format, i, a.length)
        if (i < end && format[i] === '*') {
          i++
          ;[this.prec, this.precPresent, argNum] = intFromArg(a, argNum)
          if (this.prec < 0) {
            this.prec = 0
            this.precPresent = false
          }
          if (!this.precPresent) this.out += '%!(BADPREC)'
          afterIndex = false
        } else {
          ;[this.prec, this.precPresent, i] = parseNum(format, i, end)
          if (!this.precPresent) {
            this.prec = 0
            this.precPresent = true
          }
        }
      }
      if (!afterIndex) [argNum, i, afterIndex] = this.argNumber(argNum, format, i, a.length)
      if (i >= end) {
        this.out += '%!(NOVERB)'
        break
      }
      const verb = String.fromCodePoint(format.codePointAt(i)!)
      i += verb.length
      if (verb === '%') this.out += '%'
      else if (!this.goodArgNum) this.out += `%!${verb}(BADINDEX)`
      else if (argNum >= a.length) this.out += `%!${verb}(MISSING)`
      else {
        if (verb === 'v') {
          this.sharpV = this.sharp
          this.sharp = false
          this.plus = false
        }
        this.printArg(a[argNum]!, verb)
        argNum++
      }
    }
    if (!this.reordered && argNum < a.length) {
      this.clearFlags()
      this.out += '%!(EXTRA '
      a.slice(argNum).forEach((arg, k) => {
        if (k > 0) this.out += ', '
        if (arg === null) this.out += '<nil>'
        else {
          this.out += `${typeName(arg)}=`
          this.printArg(arg, 'v')
        }
      })
      this.out += ')'
    }
  }

  private argNumber(argNum: number, format: string, i: number, numArgs: number): [number, number, boolean] {
    if (format[i] !== '[') return [argNum, i, false]
    this.reordered = true
    const close = format.indexOf(']', i + 1)
    if (format.length - i < 3 || close < 0) {
      this.goodArgNum = false
      return [argNum, i + 1, false]
    }
    const [n, ok, newi] = parseNum(format, i + 1, close)
    if (!ok || newi !== close) {
      this.goodArgNum = false
      return [argNum, close + 1, false]
    }
    if (n - 1 >= 0 && n - 1 < numArgs) return [n - 1, close + 1, true]
    this.goodArgNum = false
    return [argNum, close + 1, true]
  }

  printArg(arg: FmtArg, verb: string): void {
    if (arg === null) {
      if (verb === 'T' || verb === 'v') this.pad('<nil>')
      else this.badVerb(verb, null)
      return
    }
    if (verb === 'T') {
      this.fmtS(typeName(arg))
      return
    }
    this.printValue(arg, verb, 0)
  }

  private printValue(v: Concrete, verb: string, depth: number): void {
    if (v instanceof GoNumber) {
      if (v.type === 'float64') this.fmtFloat(v, verb)
      else this.fmtInteger(v, verb)
    } else if (typeof v === 'string') this.fmtString(v, verb)
    else if (typeof v === 'boolean') {
      if (verb === 't' || verb === 'v') this.pad(v ? 'true' : 'false')
      else this.badVerb(verb, v)
    } else if (this.sharpV) this.out += goSharpV(v)
    else if (Array.isArray(v)) {
      this.out += '['
      v.forEach((e, k) => {
        if (k > 0) this.out += ' '
        this.printElem(e, verb, depth)
      })
      this.out += ']'
    } else {
      this.out += 'map['
      sortedKeys(v).forEach((key, k) => {
        if (k > 0) this.out += ' '
        this.printValue(key, verb, depth + 1)
        this.out += ':'
        this.printElem(v[key]!, verb, depth)
      })
      this.out += ']'
    }
  }

  private printElem(e: JsonValue, verb: string, depth: number): void {
    const c = fromJson(e)
    if (c === null) this.out += '<nil>'
    else this.printValue(c, verb, depth + 1)
  }

  private badVerb(verb: string, arg: FmtArg): void {
    this.out += `%!${verb}(`
    if (arg === null) this.out += '<nil>'
    else {
      this.out += `${typeName(arg)}=`
      this.printValue(arg, 'v', 0)
    }
    this.out += ')'
  }

  /** fmt.pad: width counted in runes, zeros only to the left. */
  private pad(s: string): void {
    const n = this.widPresent ? this.wid - [...s].length : 0
    if (n <= 0) this.out += s
    else if (this.minus) this.out += s + ' '.repeat(n)
    else this.out += (this.zero ? '0' : ' ').repeat(n) + s
  }

  private truncate(s: string): string {
    if (!this.precPresent) return s
    return [...s].slice(0, this.prec).join('')
  }

  private fmtS(s: string): void {
    this.pad(this.truncate(s))
  }

  private fmtString(s: string, verb: string): void {
    switch (verb) {
      case 'v':
        if (this.sharpV) this.fmtQ(s)
        else this.fmtS(s)
        return
      case 's':
        return this.fmtS(s)
      case 'x':
      case 'X':
        return this.fmtSx(s, verb)
      case 'q':
        return this.fmtQ(s)
    }
    this.badVerb(verb, s)
  }

  private fmtQ(s: string): void {
    s = this.truncate(s)
    if (this.sharp && !/[`\u0000-\u0008\u000a-\u001f\u007f\ufeff]/.test(s)) this.pad(`\`${s}\``)
    else this.pad(this.plus ? quoteAscii(s) : goQuote(s))
  }

  private fmtSx(s: string, verb: string): void {
    let bytes = utf8Bytes(s)
    if (this.precPresent) bytes = bytes.slice(0, this.prec)
    const prefix = this.sharp ? (verb === 'x' ? '0x' : '0X') : ''
    const hex = bytes.map((b) => {
      const h = b.toString(16).padStart(2, '0')
      return verb === 'X' ? h.toUpperCase() : h
    })
    this.pad(this.space ? hex.map((h) => prefix + h).join(' ') : prefix + hex.join(''))
  }

  private fmtInteger(n: GoNumber, verb: string): void {
    const v = n.value
    switch (verb) {
      case 'v':
        if (this.sharpV && n.type === 'uint8') return this.fmtIntegerBase(v, 16, 'x', true)
        return this.fmtIntegerBase(v, 10, verb, false)
      case 'd':
        return this.fmtIntegerBase(v, 10, verb, false)
      case 'b':
        return this.fmtIntegerBase(v, 2, verb, false)
      case 'o':
      case 'O':
        return this.fmtIntegerBase(v, 8, verb, false)
      case 'x':
      case 'X':
        return this.fmtIntegerBase(v, 16, verb, false)
      case 'c':
        return this.pad(validRune(v) ? String.fromCodePoint(v) : '\uFFFD')
      case 'q':
        return this.pad(quoteRune(validRune(v) ? v : 0xfffd))
      case 'U': {
        const hex = `U+${Math.abs(v).toString(16).toUpperCase().padStart(4, '0')}`
        return this.pad(
          this.sharp && validRune(v) && isPrint(v) ? `${hex} '${String.fromCodePoint(v)}'` : hex,
        )
      }
    }
    this.badVerb(verb, n)
  }

  private fmtIntegerBase(v: number, base: number, verb: string, force0x: boolean): void {
    const negative = v < 0
    let digits = BigInt(Math.abs(v)).toString(base)
    if (verb === 'X') digits = digits.toUpperCase()
    let prec = 0
    if (this.precPresent) {
      prec = this.prec
      if (prec === 0 && v === 0) {
        const zero = this.zero
        this.zero = false
        this.pad('')
        this.zero = zero
        return
      }
    } else if (this.zero && this.widPresent) {
      prec = this.wid
      if (negative || this.plus || this.space) prec--
    }
    digits = digits.padStart(prec, '0')
    if (this.sharp || force0x) {
      if (base === 2) digits = `0b${digits}`
      else if (base === 8 && digits[0] !== '0') digits = `0${digits}`
      else if (base === 16) digits = `0${verb === 'X' ? 'X' : 'x'}${digits}`
    }
    if (verb === 'O') digits = `0o${digits}`
    if (negative) digits = `-${digits}`
    else if (this.plus) digits = `+${digits}`
    else if (this.space) digits = ` ${digits}`
    const zero = this.zero
    this.zero = false
    this.pad(digits)
    this.zero = zero
  }

  private fmtFloat(n: GoNumber, verb: string): void {
    let num: string
    switch (verb) {
      case 'v':
        num = formatFloat(n.value, 'g', this.precPresent ? this.prec : -1)
        break
      case 'g':
      case 'G':
      case 'b':
      case 'x':
      case 'X':
        num = formatFloat(n.value, verb, this.precPresent ? this.prec : -1)
        break
      case 'e':
      case 'E':
      case 'f':
      case 'F':
        num = formatFloat(n.value, verb, this.precPresent ? this.prec : 6)
        break
      default:
        return this.badVerb(verb, n)
    }
    let signed = num[0] === '-' || num[0] === '+' ? num : `+${num}`
    if (this.space && signed[0] === '+' && !this.plus) signed = ` ${signed.slice(1)}`
    if (signed[1] === 'I' || signed[1] === 'N') {
      const zero = this.zero
      this.zero = false
      this.pad(signed[1] === 'N' && !this.space && !this.plus ? signed.slice(1) : signed)
      this.zero = zero
      return
    }
    if (this.plus || signed[0] !== '+') {
      if (this.zero && this.widPresent && this.wid > signed.length) {
        this.out += signed[0] + '0'.repeat(this.wid - signed.length) + signed.slice(1)
        return
      }
      this.pad(signed)
      return
    }
    this.pad(signed.slice(1))
  }
}

function intFromArg(a: readonly FmtArg[], argNum: number): [number, boolean, number] {
  if (argNum >= a.length) return [0, false, argNum]
  const arg = a[argNum]!
  const ok = arg instanceof GoNumber && arg.type !== 'float64' && Math.abs(arg.value) <= TOO_LARGE
  return [ok ? (arg as GoNumber).value : 0, ok, argNum + 1]
}

function parseNum(s: string, start: number, end: number): [number, boolean, number] {
  if (start >= end) return [0, false, end]
  let num = 0
  let isNum = false
  let i = start
  for (; i < end && s[i]! >= '0' && s[i]! <= '9'; i++) {
    if (num > TOO_LARGE) return [0, false, end]
    num = num * 10 + Number(s[i])
    isNum = true
  }
  return [num, isNum, i]
}

const validRune = (v: number) => v >= 0 && v <= 0x10ffff && !(v >= 0xd800 && v <= 0xdfff)

/** fmt's %v of a value handed to an action (fmt.Fprint). */
export function formatValue(v: FmtArg): string {
  return sprint([v])
}
