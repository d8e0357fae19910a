// Recursive-descent parser for the POSIX shell grammar subset the simulator runs: simple
// commands with assignments and redirections, pipelines, && and ||, for / if / while / until,
// { groups }, ( subshells ) and function definitions. Reserved words are recognised only where
// POSIX recognises them: as the first word of a command.
import type {
  AndOrList,
  CommandList,
  CommandNode,
  Pipeline,
  Redirect,
  Script,
  SimpleCommand,
  TopLevelCommand,
  Word,
} from './ast'
import { Lexer, type Token } from './lexer'
import { ShellSyntaxError, type TokenDescription } from './syntaxError'

export type ParseResult = { ok: true; script: Script } | { ok: false; error: ShellSyntaxError }

export interface ParseOptions {
  /** Line number of the script's first line (for nested scripts and messages). */
  firstLine?: number
  /** Interactive input: an unfinished here-document counts as incomplete rather than ended. */
  interactive?: boolean
}

/** Parses a whole script. Nothing in it has run when a syntax error is returned. */
export function parseScript(source: string, options: ParseOptions = {}): ParseResult {
  try {
    return { ok: true, script: new Parser(source, options).script() }
  } catch (error) {
    if (error instanceof ShellSyntaxError) return { ok: false, error }
    throw error
  }
}

const REDIRECT_OPS = new Set(['>', '>>', '>|', '<', '<>', '>&', '<&', '<<', '<<-'])
const LIST_TERMINATORS = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', '}', 'esac'])

class Parser {
  private readonly lexer: Lexer
  private lastEnd = 0

  constructor(
    private readonly source: string,
    options: ParseOptions,
  ) {
    this.lexer = new Lexer(source, {
      firstLine: options.firstLine ?? 1,
      heredocNeedsDelimiter: options.interactive ?? false,
      parseNested: (text, firstLine) => nestedList(text, firstLine, options),
    })
  }

  script(): Script {
    const commands: TopLevelCommand[] = []
    for (;;) {
      this.skipNewlines()
      const first = this.lexer.peek()
      if (first.kind === 'eof') return { commands }
      const list = this.sequence()
      const after = this.lexer.peek()
      if (after.kind !== 'newline' && after.kind !== 'eof') throw this.unexpected(after)
      commands.push({ source: this.sourceText(first.start, this.lastEnd), line: first.line, list })
    }
  }

  /** Top-level and-or lists separated by `;` up to the end of the line. */
  private sequence(): CommandList {
    const items: AndOrList[] = [this.andOr()]
    for (;;) {
      const token = this.lexer.peek()
      if (token.kind === 'operator' && token.op === '&') throw this.unsupportedBackground(token)
      if (token.kind !== 'operator' || token.op !== ';') return items
      this.consume()
      const next = this.lexer.peek()
      if (next.kind === 'newline' || next.kind === 'eof') return items
      items.push(this.andOr())
    }
  }

  /** The body of a compound command: and-or lists up to one of `terminators` (the last is the one expected). */
  private compoundList(terminators: readonly string[]): CommandList {
    this.skipNewlines()
    const items: AndOrList[] = []
    const expecting = terminators[terminators.length - 1]
    for (;;) {
      const token = this.lexer.peek()
      if (
        this.isReserved(token, terminators) ||
        (token.kind === 'operator' &&
          (token.op === ')' || token.op === ';;') &&
          terminators.includes(token.op))
      )
        break
      if (token.kind === 'eof' || this.isReserved(token, [...LIST_TERMINATORS]))
        throw this.unexpected(token, expecting)
      items.push(this.andOr())
      const separator = this.lexer.peek()
      if (separator.kind === 'operator' && separator.op === '&') throw this.unsupportedBackground(separator)
      if ((separator.kind === 'operator' && separator.op === ';') || separator.kind === 'newline') {
        this.consume()
        this.skipNewlines()
      } else break
    }
    if (items.length === 0) throw this.unexpected(this.lexer.peek())
    return items
  }

  private andOr(): AndOrList {
    const first = this.pipeline()
    const rest: { op: '&&' | '||'; pipeline: Pipeline }[] = []
    for (;;) {
      const token = this.lexer.peek()
      if (token.kind !== 'operator' || (token.op !== '&&' && token.op !== '||')) return { first, rest }
      this.consume()
      this.skipNewlines()
      rest.push({ op: token.op, pipeline: this.pipeline() })
    }
  }

  private pipeline(): Pipeline {
    const start = this.lexer.peek()
    const negated = this.isReserved(start, ['!'])
    if (negated) this.consume()
    const commands = [this.command()]
    for (;;) {
      const token = this.lexer.peek()
      if (token.kind !== 'operator' || token.op !== '|') return { negated, commands, line: start.line }
      this.consume()
      this.skipNewlines()
      commands.push(this.command())
    }
  }

  private command(): CommandNode {
    const token = this.lexer.peek()
    if (token.kind === 'operator' && token.op === '(') return this.withRedirects(this.subshell())
    if (token.kind === 'word' && isUnquotedLiteral(token.word)) {
      switch (token.word.raw) {
        case 'for':
          return this.withRedirects(this.forLoop())
        case 'case':
          return this.withRedirects(this.caseClause())
        case 'if':
          return this.withRedirects(this.ifClause())
        case 'while':
        case 'until':
          return this.withRedirects(this.whileLoop(token.word.raw === 'until'))
        case '{':
          return this.withRedirects(this.braceGroup())
        default:
          if (LIST_TERMINATORS.has(token.word.raw)) throw this.unexpected(token)
      }
    }
    return this.simpleCommand()
  }

  private simpleCommand(): CommandNode {
    const first = this.lexer.peek()
    const assignments: SimpleCommand['assignments'][number][] = []
    const words: Word[] = []
    const redirects: Redirect[] = []
    for (;;) {
      const token = this.lexer.peek()
      if (token.kind === 'operator' && REDIRECT_OPS.has(token.op)) redirects.push(this.redirect())
      else if (token.kind === 'word') {
        this.consume()
        const assignment = words.length === 0 ? asAssignment(token.word) : null
        if (assignment) assignments.push(assignment)
        else words.push(token.word)
        if (
          words.length === 1 &&
          assignments.length === 0 &&
          redirects.length === 0 &&
          this.isFunctionStart(token.word)
        ) {
          return this.functionDefinition(token.word.raw, first.line)
        }
      } else break
    }
    if (assignments.length + words.length + redirects.length === 0) throw this.unexpected(this.lexer.peek())
    return { kind: 'simple', line: first.line, assignments, words, redirects }
  }

  private isFunctionStart(word: Word): boolean {
    const next = this.lexer.peek()
    return next.kind === 'operator' && next.op === '(' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(word.raw)
  }

  private functionDefinition(name: string, line: number): CommandNode {
    this.consume()
    const close = this.lexer.next()
    if (close.kind !== 'operator' || close.op !== ')') throw this.unexpected(close)
    this.skipNewlines()
    return { kind: 'function', name, body: this.command(), line, redirects: [] }
  }

  private redirect(): Redirect {
    const token = this.consume()
    if (token.kind !== 'operator') throw this.unexpected(token)
    const input = token.op.startsWith('<')
    const fd = token.fd ?? (input && token.op !== '<>' ? 0 : 1)
    if (token.heredoc) return { kind: 'heredoc', fd, doc: token.heredoc }
    const target = this.lexer.next()
    if (target.kind !== 'word') throw this.unexpected(target)
    this.lastEnd = target.end
    return {
      kind: 'file',
      fd,
      op: token.op as Extract<Redirect, { kind: 'file' }>['op'],
      target: target.word,
    }
  }

  private withRedirects(node: CommandNode): CommandNode {
    const redirects: Redirect[] = []
    for (;;) {
      const token = this.lexer.peek()
      if (token.kind !== 'operator' || !REDIRECT_OPS.has(token.op)) break
      redirects.push(this.redirect())
    }
    return redirects.length === 0 ? node : { ...node, redirects }
  }

  private forLoop(): CommandNode {
    const line = this.consume().line
    const name = this.lexer.next()
    if (name.kind !== 'word' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name.word.raw)) throw this.unexpected(name)
    this.skipNewlines()
    let items: Word[] | null = null
    if (this.isReserved(this.lexer.peek(), ['in'])) {
      this.consume()
      items = []
      for (let token = this.lexer.peek(); token.kind === 'word'; token = this.lexer.peek()) {
        this.consume()
        items.push(token.word)
      }
      this.endOfHeader()
    } else if (this.lexer.peek().kind === 'operator') this.endOfHeader()
    this.skipNewlines()
    const body = this.doGroup()
    return { kind: 'for', variable: name.word.raw, items, body, line, redirects: [] }
  }

  private caseClause(): CommandNode {
    const line = this.consume().line
    const subject = this.lexer.next()
    if (subject.kind !== 'word') throw this.unexpected(subject)
    this.skipNewlines()
    this.expectReserved('in')
    this.skipNewlines()
    const items: { patterns: Word[]; body: CommandList }[] = []
    while (!this.isReserved(this.lexer.peek(), ['esac'])) {
      if (this.isOperator(this.lexer.peek(), '(')) this.consume()
      const patterns: Word[] = []
      for (;;) {
        const pattern = this.consume()
        if (pattern.kind !== 'word') throw this.unexpected(pattern, 'esac')
        patterns.push(pattern.word)
        if (!this.isOperator(this.lexer.peek(), '|')) break
        this.consume()
      }
      const close = this.consume()
      if (!this.isOperator(close, ')')) throw this.unexpected(close, ')')
      this.skipNewlines()
      const next = this.lexer.peek()
      const empty = this.isOperator(next, ';;') || this.isReserved(next, ['esac'])
      items.push({ patterns, body: empty ? [] : this.compoundList(['esac', ';;']) })
      const after = this.lexer.peek()
      if (this.isOperator(after, ';;')) this.consume()
      else if (!this.isReserved(after, ['esac'])) throw this.unexpected(after, ';;')
      this.skipNewlines()
    }
    this.consume()
    return { kind: 'case', subject: subject.word, items, line, redirects: [] }
  }

  private isOperator(token: Token, op: string): boolean {
    return token.kind === 'operator' && token.op === op
  }

  private endOfHeader(): void {
    const token = this.lexer.next()
    if (!(token.kind === 'newline' || (token.kind === 'operator' && token.op === ';')))
      throw this.unexpected(token)
    this.lastEnd = token.end
  }

  private doGroup(): CommandList {
    this.expectReserved('do')
    const body = this.compoundList(['done'])
    this.expectReserved('done')
    return body
  }

  private ifClause(): CommandNode {
    const line = this.consume().line
    const branches: { condition: CommandList; body: CommandList }[] = []
    let otherwise: CommandList | null = null
    for (;;) {
      const condition = this.compoundList(['then'])
      this.expectReserved('then')
      branches.push({ condition, body: this.compoundList(['elif', 'else', 'fi']) })
      const token = this.lexer.peek()
      if (this.isReserved(token, ['elif'])) {
        this.consume()
        continue
      }
      if (this.isReserved(token, ['else'])) {
        this.consume()
        otherwise = this.compoundList(['fi'])
      }
      this.expectReserved('fi')
      return { kind: 'if', branches, otherwise, line, redirects: [] }
    }
  }

  private whileLoop(until: boolean): CommandNode {
    const line = this.consume().line
    const condition = this.compoundList(['do'])
    return { kind: 'while', until, condition, body: this.doGroup(), line, redirects: [] }
  }

  private braceGroup(): CommandNode {
    const line = this.consume().line
    const body = this.compoundList(['}'])
    this.expectReserved('}')
    return { kind: 'group', body, line, redirects: [] }
  }

  private subshell(): CommandNode {
    const line = this.consume().line
    const body = this.compoundList([')'])
    const close = this.lexer.next()
    if (close.kind !== 'operator' || close.op !== ')') throw this.unexpected(close, ')')
    this.lastEnd = close.end
    return { kind: 'subshell', body, line, redirects: [] }
  }

  private expectReserved(word: string): void {
    const token = this.lexer.peek()
    if (!this.isReserved(token, [word])) throw this.unexpected(token, word)
    this.consume()
  }

  private isReserved(token: Token, words: readonly string[]): boolean {
    return token.kind === 'word' && isUnquotedLiteral(token.word) && words.includes(token.word.raw)
  }

  private consume(): Token {
    const token = this.lexer.next()
    if (token.kind !== 'newline' && token.kind !== 'eof') this.lastEnd = token.end
    return token
  }

  private skipNewlines(): void {
    while (this.lexer.peek().kind === 'newline') this.lexer.next()
  }

  /** From the first token to the end of the line holding the last one, as written. */
  private sourceText(start: number, lastEnd: number): string {
    const newline = this.source.indexOf('\n', lastEnd)
    return this.source.slice(start, newline < 0 ? this.source.length : newline).trimEnd()
  }

  private unexpected(token: Token, expecting?: string): ShellSyntaxError {
    const description: TokenDescription =
      token.kind === 'word'
        ? { kind: 'word', text: token.word.raw }
        : token.kind === 'operator'
          ? { kind: 'operator', text: token.op }
          : { kind: token.kind }
    const issue =
      expecting === undefined
        ? { kind: 'unexpected' as const, token: description }
        : { kind: 'unexpected' as const, token: description, expecting }
    return new ShellSyntaxError(issue, token.line, token.kind === 'eof')
  }

  private unsupportedBackground(token: Token): ShellSyntaxError {
    return new ShellSyntaxError(
      { kind: 'unsupported', feature: 'running a command in the background (&)' },
      token.line,
      false,
    )
  }
}

function nestedList(text: string, firstLine: number, options: ParseOptions): CommandList {
  const parsed = new Parser(text, { ...options, firstLine }).script()
  return parsed.commands.flatMap((command) => command.list)
}

function isUnquotedLiteral(word: Word): boolean {
  return word.parts.length === 1 && word.parts[0]!.type === 'literal' && !word.parts[0]!.quoted
}

function asAssignment(word: Word): SimpleCommand['assignments'][number] | null {
  const first = word.parts[0]
  if (first?.type !== 'literal' || first.quoted) return null
  const match = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.text)
  if (!match) return null
  const rest = first.text.slice(match[0].length)
  const parts = rest === '' ? word.parts.slice(1) : [{ ...first, text: rest }, ...word.parts.slice(1)]
  return { name: match[1]!, value: { raw: word.raw.slice(match[0].length), parts } }
}
