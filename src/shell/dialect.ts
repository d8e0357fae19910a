// How each shell words its own diagnostics. Checked against busybox 1.35 ash, dash 0.5.12 and
// bash 5.2 (the formats have been stable since busybox 1.28 / dash 0.5.8, the versions in
// busybox:1.28 and Ubuntu 16.04-based nginx-slim).
import type { Errno } from './fs'
import { STRERROR } from './fs'
import type { SyntaxIssue, TokenDescription } from './syntaxError'

export type ShellDialect = 'ash' | 'dash' | 'bash'

/** Where the script came from, which decides whether messages carry a line number. */
export type ScriptOrigin = 'command-string' | 'file' | 'interactive'

export interface MessageContext {
  readonly dialect: ShellDialect
  /** `$0`: `sh`, `/bin/sh`, or the script's path. */
  readonly name: string
  readonly origin: ScriptOrigin
  readonly line: number
}

export type ShellMessage =
  | { kind: 'not-found'; command: string }
  | { kind: 'permission-denied'; command: string }
  | { kind: 'cannot-create'; path: string; errno: Errno }
  | { kind: 'cannot-open'; path: string; errno: Errno }
  | { kind: 'bad-descriptor'; fd: string }
  /** An error a builtin reports under its own name (`cd`, `exit`, `shift`). */
  | { kind: 'builtin'; builtin: string; text: string }
  /** Already worded for the dialect; only the shell prefix is added. */
  | { kind: 'plain'; text: string }
  | { kind: 'syntax'; issue: SyntaxIssue }

/** The full stderr line (with newline) the shell prints for `message`. */
export function formatMessage(ctx: MessageContext, message: ShellMessage): string {
  return `${prefix(ctx, message.kind === 'builtin' ? message.builtin : null)}${body(ctx, message)}\n`
}

function prefix(ctx: MessageContext, builtin: string | null): string {
  const named = builtin === null ? '' : `${builtin}: `
  switch (ctx.dialect) {
    case 'dash':
      return `${ctx.name}: ${ctx.line}: ${named}`
    case 'ash': {
      // busybox counts `sh -c` lines from 0 and script lines from 1.
      const line = ctx.origin === 'command-string' ? ctx.line - 1 : ctx.line
      if (builtin !== null)
        return `${ctx.name}: ${named}${ctx.origin === 'interactive' ? '' : `line ${line}: `}`
      return `${ctx.name}: ${ctx.origin === 'file' ? `line ${ctx.line}: ` : ''}`
    }
    case 'bash':
      return ctx.origin === 'interactive'
        ? `${ctx.name}: ${named}`
        : `${ctx.name}: line ${ctx.line}: ${named}`
  }
}

function body(ctx: MessageContext, message: ShellMessage): string {
  const { dialect } = ctx
  switch (message.kind) {
    case 'not-found':
      if (dialect === 'bash')
        return `${message.command}: ${message.command.includes('/') ? STRERROR.ENOENT : 'command not found'}`
      return `${message.command}: not found`
    case 'permission-denied':
      return `${message.command}: ${STRERROR.EACCES}`
    case 'cannot-create':
      return redirectFailure(dialect, 'create', message.path, message.errno)
    case 'cannot-open':
      return redirectFailure(dialect, 'open', message.path, message.errno)
    case 'bad-descriptor':
      return `${message.fd}: Bad file descriptor`
    case 'builtin':
    case 'plain':
      return message.text
    case 'syntax':
      return syntaxText(dialect, message.issue)
  }
}

function redirectFailure(
  dialect: ShellDialect,
  action: 'create' | 'open',
  path: string,
  errno: Errno,
): string {
  if (dialect === 'bash') return `${path}: ${STRERROR[errno]}`
  const missing = errno === 'ENOENT' || errno === 'ENOTDIR'
  if (dialect === 'dash') {
    const reason = missing
      ? action === 'create'
        ? 'Directory nonexistent'
        : 'No such file'
      : STRERROR[errno]
    return `cannot ${action} ${path}: ${reason}`
  }
  const reason = missing ? (action === 'create' ? 'nonexistent directory' : 'no such file') : STRERROR[errno]
  return `can't ${action} ${path}: ${reason}`
}

function syntaxText(dialect: ShellDialect, issue: SyntaxIssue): string {
  const dash = dialect === 'dash'
  const bash = dialect === 'bash'
  switch (issue.kind) {
    case 'unterminated-quote':
      if (bash) return 'syntax error: unexpected end of file'
      return dash ? 'Syntax error: Unterminated quoted string' : 'syntax error: unterminated quoted string'
    case 'missing-brace':
      if (bash) return 'bad substitution'
      return dash ? "Syntax error: Missing '}'" : "syntax error: missing '}'"
    case 'missing-arithmetic-close':
      if (bash) return 'syntax error: unexpected end of file'
      return dash ? "Syntax error: Missing '))'" : "syntax error: missing '))'"
    case 'unsupported':
      return `${issue.feature} is not supported by this simulator`
    case 'unexpected': {
      const expecting = issue.expecting === undefined ? '' : ` (expecting "${issue.expecting}")`
      if (bash) {
        return issue.token.kind === 'eof'
          ? 'syntax error: unexpected end of file'
          : `syntax error near unexpected token \`${bashToken(issue.token)}'`
      }
      return dash
        ? `Syntax error: ${tokenName(issue.token)} unexpected${expecting}`
        : `syntax error: unexpected ${tokenName(issue.token)}${expecting}`
    }
  }
}

function tokenName(token: TokenDescription): string {
  switch (token.kind) {
    case 'eof':
      return 'end of file'
    case 'newline':
      return 'newline'
    default:
      return `"${token.text}"`
  }
}

function bashToken(token: TokenDescription): string {
  return token.kind === 'newline' ? 'newline' : token.kind === 'eof' ? '' : token.text
}

/** The `set -x` line for `words`: dash prints them raw, busybox and bash quote what needs it. */
export function traceLine(dialect: ShellDialect, ps4: string, words: readonly string[]): string {
  const quote = (w: string) =>
    dialect === 'dash' || /^[A-Za-z0-9_@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'"'"'`)}'`
  return `${ps4}${words.map(quote).join(' ')}\n`
}
