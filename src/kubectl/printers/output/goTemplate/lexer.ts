// Go's text/template/parse/lex.go (Go 1.24): a pull lexer for `{{…}}` actions in literal text,
// with `{{- ` / ` -}}` trim markers, `{{/* */}}` comments, quoted and raw strings, character
// constants, numbers, fields, variables and keywords. Error texts are Go's. Positions are
// UTF-16 indices into the template text (Go counts bytes; errorContext converts).
import { goQuote } from '../goFormat'
import { type Item, type ItemType, KEYWORDS, formatRuneU, isPrint } from './items'

export interface LexOptions {
  emitComment: boolean
  breakOK: boolean
  continueOK: boolean
}

const EOF = -1
const LEFT_DELIM = '{{'
const RIGHT_DELIM = '}}'
const LEFT_COMMENT = '/*'
const RIGHT_COMMENT = '*/'
const TRIM_MARKER_LEN = 2

type StateFn = (l: Lexer) => StateFn | null

export const isSpace = (r: number) => r === 0x20 || r === 0x09 || r === 0x0d || r === 0x0a
export const isAlphaNumeric = (r: number) =>
  r === 0x5f || (r >= 0 && /[\p{L}\p{Nd}]/u.test(String.fromCodePoint(r)))
const hasLeftTrimMarker = (s: string, at: number) => s[at] === '-' && isSpace(s.charCodeAt(at + 1))
const hasRightTrimMarker = (s: string, at: number) => isSpace(s.charCodeAt(at)) && s[at + 1] === '-'
const countNewlines = (s: string) => s.split('\n').length - 1
const SPACE_CHARS = /^[ \t\r\n]*/
const rightTrimLength = (s: string) => s.length - s.replace(/[ \t\r\n]+$/, '').length
const leftTrimLength = (s: string) => SPACE_CHARS.exec(s)![0].length

export class Lexer {
  input: string
  pos = 0
  start = 0
  atEOF = false
  parenDepth = 0
  line = 1
  startLine = 1
  item: Item = { typ: 'EOF', pos: 0, val: 'EOF', line: 1 }
  insideAction = false

  constructor(
    input: string,
    readonly options: LexOptions,
  ) {
    this.input = input
  }

  /** The next item; after an error or EOF it keeps returning EOF-like items. */
  nextItem(): Item {
    this.item = { typ: 'EOF', pos: this.pos, val: 'EOF', line: this.startLine }
    let state: StateFn | null = this.insideAction ? lexInsideAction : lexText
    while (state) state = state(this)
    return this.item
  }

  next(): number {
    if (this.pos >= this.input.length) {
      this.atEOF = true
      return EOF
    }
    const r = this.input.codePointAt(this.pos)!
    this.pos += r > 0xffff ? 2 : 1
    if (r === 0x0a) this.line++
    return r
  }

  peek(): number {
    const r = this.next()
    this.backup()
    return r
  }

  backup(): void {
    if (this.atEOF || this.pos === 0) return
    const low = this.input.charCodeAt(this.pos - 1)
    const pair = low >= 0xdc00 && low <= 0xdfff && this.pos >= 2
    this.pos -= pair ? 2 : 1
    if (low === 0x0a) this.line--
  }

  thisItem(typ: ItemType): Item {
    const i = { typ, pos: this.start, val: this.input.slice(this.start, this.pos), line: this.startLine }
    this.start = this.pos
    this.startLine = this.line
    return i
  }

  emit(typ: ItemType): null {
    return this.emitItem(this.thisItem(typ))
  }

  emitItem(i: Item): null {
    this.item = i
    return null
  }

  ignore(): void {
    this.line += countNewlines(this.input.slice(this.start, this.pos))
    this.start = this.pos
    this.startLine = this.line
  }

  accept(valid: string): boolean {
    const r = this.next()
    if (r !== EOF && valid.includes(String.fromCodePoint(r))) return true
    this.backup()
    return false
  }

  acceptRun(valid: string): void {
    for (;;) {
      const r = this.next()
      if (r === EOF || !valid.includes(String.fromCodePoint(r))) break
    }
    this.backup()
  }

  errorf(message: string): null {
    this.item = { typ: 'error', pos: this.start, val: message, line: this.startLine }
    this.start = 0
    this.pos = 0
    this.input = ''
    return null
  }

  atRightDelim(): { delim: boolean; trimSpaces: boolean } {
    if (
      hasRightTrimMarker(this.input, this.pos) &&
      this.input.startsWith(RIGHT_DELIM, this.pos + TRIM_MARKER_LEN)
    )
      return { delim: true, trimSpaces: true }
    if (this.input.startsWith(RIGHT_DELIM, this.pos)) return { delim: true, trimSpaces: false }
    return { delim: false, trimSpaces: false }
  }

  /** Whether the input is at a character that may follow an identifier (breaks `.X.Y` in two). */
  atTerminator(): boolean {
    const r = this.peek()
    if (isSpace(r) || r === EOF) return true
    if ('.,|:)('.includes(String.fromCodePoint(r))) return true
    return this.input.startsWith(RIGHT_DELIM, this.pos)
  }

  scanNumber(): boolean {
    this.accept('+-')
    let digits = '0123456789_'
    if (this.accept('0')) {
      if (this.accept('xX')) digits = '0123456789abcdefABCDEF_'
      else if (this.accept('oO')) digits = '01234567_'
      else if (this.accept('bB')) digits = '01_'
    }
    this.acceptRun(digits)
    if (this.accept('.')) this.acceptRun(digits)
    if (digits.length === 11 && this.accept('eE')) {
      this.accept('+-')
      this.acceptRun('0123456789_')
    }
    if (digits.length === 23 && this.accept('pP')) {
      this.accept('+-')
      this.acceptRun('0123456789_')
    }
    this.accept('i')
    if (isAlphaNumeric(this.peek())) {
      this.next()
      return false
    }
    return true
  }
}

function lexText(l: Lexer): StateFn | null {
  const x = l.input.indexOf(LEFT_DELIM, l.pos)
  if (x >= 0) {
    if (x > l.pos) {
      l.pos = x
      const trimLength = hasLeftTrimMarker(l.input, l.pos + LEFT_DELIM.length)
        ? rightTrimLength(l.input.slice(l.start, l.pos))
        : 0
      l.pos -= trimLength
      l.line += countNewlines(l.input.slice(l.start, l.pos))
      const i = l.thisItem('text')
      l.pos += trimLength
      l.ignore()
      if (i.val.length > 0) return l.emitItem(i)
    }
    return lexLeftDelim
  }
  l.pos = l.input.length
  if (l.pos > l.start) {
    l.line += countNewlines(l.input.slice(l.start, l.pos))
    return l.emit('text')
  }
  return l.emit('EOF')
}

function lexLeftDelim(l: Lexer): StateFn | null {
  l.pos += LEFT_DELIM.length
  const afterMarker = hasLeftTrimMarker(l.input, l.pos) ? TRIM_MARKER_LEN : 0
  if (l.input.startsWith(LEFT_COMMENT, l.pos + afterMarker)) {
    l.pos += afterMarker
    l.ignore()
    return lexComment
  }
  const i = l.thisItem('leftDelim')
  l.insideAction = true
  l.pos += afterMarker
  l.ignore()
  l.parenDepth = 0
  return l.emitItem(i)
}

function lexComment(l: Lexer): StateFn | null {
  l.pos += LEFT_COMMENT.length
  const x = l.input.indexOf(RIGHT_COMMENT, l.pos)
  if (x < 0) return l.errorf('unclosed comment')
  l.pos = x + RIGHT_COMMENT.length
  const { delim, trimSpaces } = l.atRightDelim()
  if (!delim) return l.errorf('comment ends before closing delimiter')
  l.line += countNewlines(l.input.slice(l.start, l.pos))
  const i = l.thisItem('comment')
  if (trimSpaces) l.pos += TRIM_MARKER_LEN
  l.pos += RIGHT_DELIM.length
  if (trimSpaces) l.pos += leftTrimLength(l.input.slice(l.pos))
  l.ignore()
  if (l.options.emitComment) return l.emitItem(i)
  return lexText
}

function lexRightDelim(l: Lexer): StateFn | null {
  const { trimSpaces } = l.atRightDelim()
  if (trimSpaces) {
    l.pos += TRIM_MARKER_LEN
    l.ignore()
  }
  l.pos += RIGHT_DELIM.length
  const i = l.thisItem('rightDelim')
  if (trimSpaces) {
    l.pos += leftTrimLength(l.input.slice(l.pos))
    l.ignore()
  }
  l.insideAction = false
  return l.emitItem(i)
}

function lexInsideAction(l: Lexer): StateFn | null {
  if (l.atRightDelim().delim) {
    if (l.parenDepth === 0) return lexRightDelim
    return l.errorf('unclosed left paren')
  }
  const r = l.next()
  if (r === EOF) return l.errorf('unclosed action')
  if (isSpace(r)) {
    l.backup() // Put the space back in case it starts " -}}".
    return lexSpace
  }
  const c = String.fromCodePoint(r)
  switch (c) {
    case '=':
      return l.emit('assign')
    case ':':
      if (l.next() !== 0x3d) return l.errorf('expected :=')
      return l.emit('declare')
    case '|':
      return l.emit('pipe')
    case '"':
      return lexQuote
    case '`':
      return lexRawQuote
    case '$':
      return lexVariable
    case "'":
      return lexChar
    case '(':
      l.parenDepth++
      return l.emit('leftParen')
    case ')':
      l.parenDepth--
      if (l.parenDepth < 0) return l.errorf('unexpected right paren')
      return l.emit('rightParen')
  }
  if (c === '.') {
    // A '.' followed by a digit starts a number; otherwise a field.
    const n = l.input.charCodeAt(l.pos)
    if (l.pos < l.input.length && (n < 0x30 || n > 0x39)) return lexField
  }
  if (c === '.' || c === '+' || c === '-' || (r >= 0x30 && r <= 0x39)) {
    l.backup()
    return lexNumber
  }
  if (isAlphaNumeric(r)) {
    l.backup()
    return lexIdentifier
  }
  if (r <= 0x7f && isPrint(r)) return l.emit('char')
  return l.errorf(`unrecognized character in action: ${formatRuneU(r)}`)
}

function lexSpace(l: Lexer): StateFn | null {
  let numSpaces = 0
  while (isSpace(l.peek())) {
    l.next()
    numSpaces++
  }
  // A trim-marked right delimiter starts with a space: leave it to lexRightDelim.
  if (
    hasRightTrimMarker(l.input, l.pos - 1) &&
    l.input.startsWith(RIGHT_DELIM, l.pos - 1 + TRIM_MARKER_LEN)
  ) {
    l.backup()
    if (numSpaces === 1) return lexRightDelim
  }
  return l.emit('space')
}

function lexIdentifier(l: Lexer): StateFn | null {
  for (;;) {
    const r = l.next()
    if (isAlphaNumeric(r)) continue
    l.backup()
    const word = l.input.slice(l.start, l.pos)
    if (!l.atTerminator()) return l.errorf(`bad character ${formatRuneU(r)}`)
    const keyword = KEYWORDS.get(word)
    if (keyword) {
      if ((keyword === 'break' && !l.options.breakOK) || (keyword === 'continue' && !l.options.continueOK))
        return l.emit('identifier')
      return l.emit(keyword)
    }
    if (word === 'true' || word === 'false') return l.emit('bool')
    return l.emit('identifier')
  }
}

function lexField(l: Lexer): StateFn | null {
  return lexFieldOrVariable(l, 'field')
}

function lexVariable(l: Lexer): StateFn | null {
  if (l.atTerminator()) return l.emit('variable') // Just "$".
  return lexFieldOrVariable(l, 'variable')
}

function lexFieldOrVariable(l: Lexer, typ: 'field' | 'variable'): StateFn | null {
  if (l.atTerminator()) return l.emit(typ === 'variable' ? 'variable' : 'dot')
  let r: number
  for (;;) {
    r = l.next()
    if (!isAlphaNumeric(r)) {
      l.backup()
      break
    }
  }
  if (!l.atTerminator()) return l.errorf(`bad character ${formatRuneU(r)}`)
  return l.emit(typ)
}

function lexChar(l: Lexer): StateFn | null {
  for (;;) {
    let r = l.next()
    if (r === 0x5c) {
      r = l.next()
      if (r !== EOF && r !== 0x0a) continue
    }
    if (r === EOF || r === 0x0a) return l.errorf('unterminated character constant')
    if (r === 0x27) break
  }
  return l.emit('charConstant')
}

function lexNumber(l: Lexer): StateFn | null {
  if (!l.scanNumber()) return l.errorf(`bad number syntax: ${goQuote(l.input.slice(l.start, l.pos))}`)
  const sign = l.peek()
  if (sign === 0x2b || sign === 0x2d) {
    // Complex: 1+2i. No spaces, must end in 'i'.
    if (!l.scanNumber() || l.input[l.pos - 1] !== 'i')
      return l.errorf(`bad number syntax: ${goQuote(l.input.slice(l.start, l.pos))}`)
    return l.emit('complex')
  }
  return l.emit('number')
}

function lexQuote(l: Lexer): StateFn | null {
  for (;;) {
    let r = l.next()
    if (r === 0x5c) {
      r = l.next()
      if (r !== EOF && r !== 0x0a) continue
    }
    if (r === EOF || r === 0x0a) return l.errorf('unterminated quoted string')
    if (r === 0x22) break
  }
  return l.emit('string')
}

function lexRawQuote(l: Lexer): StateFn | null {
  for (;;) {
    const r = l.next()
    if (r === EOF) return l.errorf('unterminated raw quoted string')
    if (r === 0x60) break
  }
  return l.emit('rawString')
}
