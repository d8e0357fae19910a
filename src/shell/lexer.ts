// Splits a script into words, operators and newlines. The lexer also reads here-document bodies:
// when it passes the newline after a `<<` operator it consumes the body lines up to the delimiter
// and fills in the HereDoc object the parser already holds.
import type { CommandList, HereDoc, Word } from './ast'
import { ShellSyntaxError } from './syntaxError'
import { makeScanContext, scanExpandingText, scanWord, type ScanContext } from './wordScanner'

export type Operator =
  | '&&'
  | '||'
  | ';;'
  | ';'
  | '&'
  | '|'
  | '('
  | ')'
  | '<<-'
  | '<<'
  | '>>'
  | '>|'
  | '>&'
  | '<&'
  | '<>'
  | '>'
  | '<'

// Longest first, so `<<-` wins over `<<` and `<`.
const OPERATORS: readonly Operator[] = [
  '<<-',
  '&&',
  '||',
  ';;',
  '<<',
  '>>',
  '>|',
  '>&',
  '<&',
  '<>',
  ';',
  '&',
  '|',
  '(',
  ')',
  '>',
  '<',
]

interface Span {
  readonly start: number
  readonly end: number
  readonly line: number
}

export type Token =
  | (Span & { readonly kind: 'word'; readonly word: Word })
  | (Span & {
      readonly kind: 'operator'
      readonly op: Operator
      readonly fd: number | null
      readonly heredoc: HereDoc | null
    })
  | (Span & { readonly kind: 'newline' })
  | (Span & { readonly kind: 'eof' })

export interface LexerOptions {
  readonly firstLine?: number
  readonly parseNested: (source: string, firstLine: number) => CommandList
  /** Interactive input: a here-document cut short by end of input asks for more lines. */
  readonly heredocNeedsDelimiter?: boolean
}

export class Lexer {
  readonly ctx: ScanContext
  private pos = 0
  private peeked: Token | null = null
  private readonly pendingHereDocs: HereDoc[] = []

  constructor(
    readonly src: string,
    private readonly options: LexerOptions,
  ) {
    this.ctx = makeScanContext(src, options.firstLine ?? 1, options.parseNested)
  }

  peek(): Token {
    this.peeked ??= this.lex()
    return this.peeked
  }

  next(): Token {
    const token = this.peek()
    this.peeked = null
    return token
  }

  private lex(): Token {
    this.skipBlanksAndComments()
    const { src } = this
    const start = this.pos
    const line = this.ctx.lineAt(start)
    if (start >= src.length) {
      this.readHereDocBodies()
      return { kind: 'eof', start, end: start, line }
    }
    if (src[start] === '\n') {
      this.pos++
      this.readHereDocBodies()
      return { kind: 'newline', start, end: start + 1, line }
    }
    const ioNumber = /^[0-9]+(?=[<>])/.exec(src.slice(start, start + 12))
    const opStart = start + (ioNumber ? ioNumber[0].length : 0)
    const op = OPERATORS.find((candidate) => src.startsWith(candidate, opStart))
    if (op !== undefined) {
      this.pos = opStart + op.length
      const fd = ioNumber ? Number(ioNumber[0]) : null
      const heredoc = op === '<<' || op === '<<-' ? this.readHereDocDelimiter(op === '<<-') : null
      return { kind: 'operator', op, fd, heredoc, start, end: this.pos, line }
    }
    const { word, end } = scanWord(this.ctx, start)
    this.pos = end
    return { kind: 'word', word, start, end, line }
  }

  private skipBlanksAndComments(): void {
    const { src } = this
    for (;;) {
      const ch = src[this.pos]
      if (ch === ' ' || ch === '\t') this.pos++
      else if (ch === '\\' && src[this.pos + 1] === '\n') this.pos += 2
      else if (ch === '#') {
        const newline = src.indexOf('\n', this.pos)
        this.pos = newline < 0 ? src.length : newline
      } else return
    }
  }

  private readHereDocDelimiter(stripTabs: boolean): HereDoc {
    this.skipBlanksAndComments()
    const start = this.pos
    const ch = this.src[start]
    if (start >= this.src.length || ch === '\n' || ';&|()<>'.includes(ch!)) {
      const token =
        start >= this.src.length
          ? { kind: 'eof' as const }
          : ch === '\n'
            ? { kind: 'newline' as const }
            : { kind: 'operator' as const, text: ch! }
      throw new ShellSyntaxError({ kind: 'unexpected', token }, this.ctx.lineAt(start), token.kind === 'eof')
    }
    const { word, end } = scanWord(this.ctx, start)
    this.pos = end
    const doc: HereDoc = {
      delimiter: word.raw.replace(/['"\\]/g, ''),
      quoted: /['"\\]/.test(word.raw),
      stripTabs,
      body: { raw: '', parts: [] },
    }
    this.pendingHereDocs.push(doc)
    return doc
  }

  private readHereDocBodies(): void {
    const { src } = this
    for (const doc of this.pendingHereDocs.splice(0)) {
      const bodyStart = this.pos
      let body = ''
      let terminated = false
      while (this.pos < src.length) {
        const newline = src.indexOf('\n', this.pos)
        const lineEnd = newline < 0 ? src.length : newline
        let text = src.slice(this.pos, lineEnd)
        this.pos = newline < 0 ? src.length : newline + 1
        if (doc.stripTabs) text = text.replace(/^\t+/, '')
        if (text === doc.delimiter) {
          terminated = true
          break
        }
        body += `${text}\n`
      }
      if (!terminated && this.options.heredocNeedsDelimiter) {
        throw new ShellSyntaxError(
          { kind: 'unexpected', token: { kind: 'eof' }, expecting: doc.delimiter },
          this.ctx.lineAt(src.length),
          true,
        )
      }
      doc.body = doc.quoted
        ? { raw: body, parts: body === '' ? [] : [{ type: 'literal', text: body, quoted: true }] }
        : scanExpandingText(makeScanContext(body, this.ctx.lineAt(bodyStart), this.ctx.parseNested))
    }
  }
}
