// Reads one shell word into parts: quotes, backslashes, `$NAME`, `${...}`, `$(...)`, backquotes
// and `$((...))`. Command substitutions are parsed right away (through `parseNested`), so a
// syntax error anywhere in a script is reported before anything runs, as real shells do.
import type { CommandList, ParameterModifier, Word, WordPart } from './ast'
import { ShellSyntaxError } from './syntaxError'

export interface ScanContext {
  readonly src: string
  lineAt(offset: number): number
  parseNested(source: string, firstLine: number): CommandList
}

export function makeScanContext(
  src: string,
  firstLine: number,
  parseNested: ScanContext['parseNested'],
): ScanContext {
  const newlines: number[] = []
  for (let i = 0; i < src.length; i++) if (src[i] === '\n') newlines.push(i)
  const lineAt = (offset: number): number => {
    let lo = 0
    let hi = newlines.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (newlines[mid]! < offset) lo = mid + 1
      else hi = mid
    }
    return firstLine + lo
  }
  return { src, lineAt, parseNested }
}

const WORD_BREAKS = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>'])
const SPECIAL_PARAMETERS = '?#$!@*-'

class PartsBuilder {
  readonly parts: WordPart[] = []

  literal(text: string, quoted: boolean): void {
    const last = this.parts[this.parts.length - 1]
    if (last?.type === 'literal' && last.quoted === quoted)
      this.parts[this.parts.length - 1] = { ...last, text: last.text + text }
    else this.parts.push({ type: 'literal', text, quoted })
  }

  push(part: WordPart): void {
    this.parts.push(part)
  }
}

/** An unquoted word starting at `start`; stops at a blank, newline or operator character. */
export function scanWord(ctx: ScanContext, start: number): { word: Word; end: number } {
  const b = new PartsBuilder()
  const end = scanUntil(ctx, start, b, (ch) => WORD_BREAKS.has(ch))
  return { word: { raw: ctx.src.slice(start, end), parts: b.parts }, end }
}

/** Text where only `$`, backquotes and backslashes are special: here-document bodies, `$((...))`. */
export function scanExpandingText(ctx: ScanContext): Word {
  const { src } = ctx
  const b = new PartsBuilder()
  let i = 0
  while (i < src.length) {
    const ch = src[i]!
    if (ch === '\\' && i + 1 < src.length && '$`\\\n'.includes(src[i + 1]!)) {
      if (src[i + 1] !== '\n') b.literal(src[i + 1]!, true)
      i += 2
    } else if (ch === '$') i = scanDollar(ctx, i, true, b)
    else if (ch === '`') i = scanBackquote(ctx, i, true, b)
    else {
      b.literal(ch, true)
      i++
    }
  }
  return { raw: src, parts: b.parts }
}

function scanUntil(ctx: ScanContext, start: number, b: PartsBuilder, stop: (ch: string) => boolean): number {
  const { src } = ctx
  let i = start
  while (i < src.length && !stop(src[i]!)) {
    const ch = src[i]!
    if (ch === '\\') {
      if (src[i + 1] === '\n') i += 2
      else if (i + 1 < src.length) {
        b.literal(src[i + 1]!, true)
        i += 2
      } else {
        b.literal('\\', false)
        i++
      }
    } else if (ch === "'") {
      const close = src.indexOf("'", i + 1)
      if (close < 0) throw unterminated(ctx)
      b.literal(src.slice(i + 1, close), true)
      i = close + 1
    } else if (ch === '"') i = scanDoubleQuoted(ctx, i, b)
    else if (ch === '$') i = scanDollar(ctx, i, false, b)
    else if (ch === '`') i = scanBackquote(ctx, i, false, b)
    else {
      b.literal(ch, false)
      i++
    }
  }
  return i
}

function scanDoubleQuoted(ctx: ScanContext, open: number, b: PartsBuilder): number {
  const { src } = ctx
  b.literal('', true)
  let i = open + 1
  for (;;) {
    if (i >= src.length) throw unterminated(ctx)
    const ch = src[i]!
    if (ch === '"') return i + 1
    if (ch === '\\') {
      const next = src[i + 1]
      if (next === '\n') i += 2
      else if (next !== undefined && '$`"\\'.includes(next)) {
        b.literal(next, true)
        i += 2
      } else {
        b.literal('\\', true)
        i++
      }
    } else if (ch === '$') i = scanDollar(ctx, i, true, b)
    else if (ch === '`') i = scanBackquote(ctx, i, true, b)
    else {
      b.literal(ch, true)
      i++
    }
  }
}

function scanDollar(ctx: ScanContext, at: number, quoted: boolean, b: PartsBuilder): number {
  const { src } = ctx
  const next = src[at + 1]
  if (next === '(' && src[at + 2] === '(') return scanArithmetic(ctx, at, quoted, b)
  if (next === '(') {
    const close = findClosingParen(src, at + 2)
    if (close < 0) throw eofExpecting(ctx, ')')
    b.push({ type: 'command', list: ctx.parseNested(src.slice(at + 2, close), ctx.lineAt(at + 2)), quoted })
    return close + 1
  }
  if (next === '{') return scanBracedParameter(ctx, at, quoted, b)
  if (next !== undefined && /[A-Za-z_]/.test(next)) {
    let end = at + 2
    while (end < src.length && /[A-Za-z0-9_]/.test(src[end]!)) end++
    b.push({ type: 'parameter', name: src.slice(at + 1, end), modifier: null, quoted })
    return end
  }
  if (next !== undefined && (/[0-9]/.test(next) || SPECIAL_PARAMETERS.includes(next))) {
    b.push({ type: 'parameter', name: next, modifier: null, quoted })
    return at + 2
  }
  b.literal('$', quoted)
  return at + 1
}

function scanArithmetic(ctx: ScanContext, at: number, quoted: boolean, b: PartsBuilder): number {
  const { src } = ctx
  let depth = 0
  for (let i = at + 3; i < src.length; i++) {
    const ch = src[i]
    if (ch === '(') depth++
    else if (ch === ')') {
      if (depth === 0) {
        if (src[i + 1] !== ')') break
        const inner = makeScanContext(src.slice(at + 3, i), ctx.lineAt(at + 3), ctx.parseNested)
        b.push({ type: 'arithmetic', expression: scanExpandingText(inner), quoted })
        return i + 2
      }
      depth--
    }
  }
  throw new ShellSyntaxError({ kind: 'missing-arithmetic-close' }, ctx.lineAt(src.length), true)
}

const MODIFIER_OPS = [':-', ':=', ':+', ':?', '##', '%%', '-', '=', '+', '?', '#', '%'] as const

function scanBracedParameter(ctx: ScanContext, at: number, quoted: boolean, b: PartsBuilder): number {
  const { src } = ctx
  let i = at + 2
  const length = src[i] === '#' && src[i + 1] !== '}' && src[i + 1] !== undefined
  if (length) i++
  const nameMatch = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?#$!@*-])/.exec(src.slice(i))
  if (!nameMatch) throw missingBrace(ctx)
  const name = nameMatch[0]
  i += name.length
  if (src[i] === '}') {
    b.push({ type: 'parameter', name, modifier: length ? { op: 'length' } : null, quoted })
    return i + 1
  }
  const op = length ? undefined : MODIFIER_OPS.find((candidate) => src.startsWith(candidate, i))
  if (op === undefined) {
    if (i >= src.length) throw missingBrace(ctx)
    throw new ShellSyntaxError(
      { kind: 'unsupported', feature: `\${${name}${src[i]}...}` },
      ctx.lineAt(i),
      false,
    )
  }
  const wordBuilder = new PartsBuilder()
  const start = i + op.length
  const close = scanUntil(ctx, start, wordBuilder, (ch) => ch === '}')
  if (close >= src.length) throw missingBrace(ctx)
  const modifier: ParameterModifier = { op, word: { raw: src.slice(start, close), parts: wordBuilder.parts } }
  b.push({ type: 'parameter', name, modifier, quoted })
  return close + 1
}

function scanBackquote(ctx: ScanContext, at: number, quoted: boolean, b: PartsBuilder): number {
  const { src } = ctx
  let inner = ''
  let i = at + 1
  for (;;) {
    if (i >= src.length) throw unterminated(ctx)
    const ch = src[i]!
    if (ch === '`') break
    if (
      ch === '\\' &&
      i + 1 < src.length &&
      ('$`\\'.includes(src[i + 1]!) || (quoted && src[i + 1] === '"'))
    ) {
      inner += src[i + 1]
      i += 2
    } else {
      inner += ch
      i++
    }
  }
  b.push({ type: 'command', list: ctx.parseNested(inner, ctx.lineAt(at + 1)), quoted })
  return i + 1
}

/** Index of the `)` closing a `$(` whose content starts at `from`, or -1. Skips quoted text. */
export function findClosingParen(src: string, from: number): number {
  let depth = 0
  for (let i = from; i < src.length; i++) {
    const ch = src[i]
    if (ch === '\\') i++
    else if (ch === "'") {
      const close = src.indexOf("'", i + 1)
      if (close < 0) return -1
      i = close
    } else if (ch === '"') {
      i = skipDoubleQuoted(src, i)
      if (i < 0) return -1
    } else if (ch === '(') depth++
    else if (ch === ')') {
      if (depth === 0) return i
      depth--
    }
  }
  return -1
}

function skipDoubleQuoted(src: string, open: number): number {
  for (let i = open + 1; i < src.length; i++) {
    const ch = src[i]
    if (ch === '\\') i++
    else if (ch === '"') return i
    else if (ch === '$' && src[i + 1] === '(') {
      i = findClosingParen(src, i + 2)
      if (i < 0) return -1
    }
  }
  return -1
}

function unterminated(ctx: ScanContext): ShellSyntaxError {
  return new ShellSyntaxError({ kind: 'unterminated-quote' }, ctx.lineAt(ctx.src.length), true)
}

function missingBrace(ctx: ScanContext): ShellSyntaxError {
  return new ShellSyntaxError({ kind: 'missing-brace' }, ctx.lineAt(ctx.src.length), true)
}

function eofExpecting(ctx: ScanContext, expecting: string): ShellSyntaxError {
  return new ShellSyntaxError(
    { kind: 'unexpected', token: { kind: 'eof' }, expecting },
    ctx.lineAt(ctx.src.length),
    true,
  )
}
