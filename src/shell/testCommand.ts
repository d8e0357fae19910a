// `test` / `[`: file tests against the shell's filesystem, string and integer comparisons,
// `!`, `-a`, `-o` and parentheses. Errors are returned, not printed: the dash builtin, the
// busybox applet and coreutils' binary word them differently.
import { resolvePath, type ShellFileSystem } from './fs'

export type TestError =
  | { kind: 'missing-bracket' }
  | { kind: 'bad-number'; value: string }
  | { kind: 'unexpected'; token: string }
  | { kind: 'missing-argument'; op: string }

export type TestResult = { ok: true; status: 0 | 1 } | { ok: false; error: TestError }

const UNARY = new Set([
  '-e',
  '-f',
  '-d',
  '-s',
  '-r',
  '-w',
  '-x',
  '-n',
  '-z',
  '-L',
  '-h',
  '-b',
  '-c',
  '-p',
  '-S',
  '-t',
])
const BINARY = new Set(['=', '==', '!=', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '<', '>'])

class TestFailure {
  constructor(readonly error: TestError) {}
}

/** Evaluates `argv` (including argv[0], which is `test` or `[`). */
export function evaluateTest(argv: readonly string[], fs: ShellFileSystem, cwd: string): TestResult {
  let args = argv.slice(1)
  if (argv[0] === '[') {
    if (args[args.length - 1] !== ']') return { ok: false, error: { kind: 'missing-bracket' } }
    args = args.slice(0, -1)
  }
  if (args.length === 0) return { ok: true, status: 1 }
  let pos = 0
  const peek = () => args[pos]

  const integer = (text: string): number => {
    if (!/^\s*[-+]?\d+\s*$/.test(text)) throw new TestFailure({ kind: 'bad-number', value: text })
    return Number(text)
  }

  const fileTest = (op: string, operand: string): boolean => {
    const stat = fs.stat(resolvePath(cwd, operand))
    if (op === '-t') return false
    if (!stat.ok) return false
    const s = stat.value
    switch (op) {
      case '-f':
        return s.type === 'file'
      case '-d':
        return s.type === 'dir'
      case '-s':
        return s.size > 0
      case '-x':
        return (s.mode & 0o111) !== 0
      case '-L':
      case '-h':
      case '-b':
      case '-c':
      case '-p':
      case '-S':
        return false
      default:
        return true
    }
  }

  const primary = (): boolean => {
    const token = args[pos++]
    if (token === undefined) throw new TestFailure({ kind: 'unexpected', token: 'end of expression' })
    if (token === '(' && args.length - pos >= 2) {
      const value = orExpr()
      if (args[pos++] !== ')') throw new TestFailure({ kind: 'unexpected', token: args[pos - 1] ?? ')' })
      return value
    }
    const next = peek()
    if (next !== undefined && BINARY.has(next) && pos + 1 <= args.length - 1) {
      pos++
      const right = args[pos++]!
      return compare(token, next, right)
    }
    if (UNARY.has(token) && next !== undefined) {
      pos++
      if (token === '-n') return next !== ''
      if (token === '-z') return next === ''
      return fileTest(token, next)
    }
    return token !== ''
  }

  const compare = (left: string, op: string, right: string): boolean => {
    switch (op) {
      case '=':
      case '==':
        return left === right
      case '!=':
        return left !== right
      case '<':
        return left < right
      case '>':
        return left > right
    }
    const a = integer(left)
    const b = integer(right)
    switch (op) {
      case '-eq':
        return a === b
      case '-ne':
        return a !== b
      case '-lt':
        return a < b
      case '-le':
        return a <= b
      case '-gt':
        return a > b
      default:
        return a >= b
    }
  }

  const notExpr = (): boolean => {
    if (peek() === '!' && args.length - pos > 1) {
      pos++
      return !notExpr()
    }
    return primary()
  }

  const andExpr = (): boolean => {
    let value = notExpr()
    while (peek() === '-a') {
      pos++
      value = notExpr() && value
    }
    return value
  }

  const orExpr = (): boolean => {
    let value = andExpr()
    while (peek() === '-o') {
      pos++
      value = orExpr() || value
    }
    return value
  }

  try {
    const value = orExpr()
    if (pos < args.length) return { ok: false, error: { kind: 'unexpected', token: args[pos]! } }
    return { ok: true, status: value ? 0 : 1 }
  } catch (failure) {
    if (failure instanceof TestFailure) return { ok: false, error: failure.error }
    throw failure
  }
}

/** How each implementation words a test error (without any program/shell prefix). */
export function testErrorText(style: 'ash' | 'dash' | 'bash' | 'coreutils', error: TestError): string {
  switch (error.kind) {
    case 'missing-bracket':
      return style === 'bash' ? "missing `]'" : style === 'coreutils' ? "missing ']'" : 'missing ]'
    case 'bad-number':
      if (style === 'dash') return `Illegal number: ${error.value}`
      if (style === 'ash') return `${error.value}: bad number`
      return style === 'bash'
        ? `${error.value}: integer expression expected`
        : `invalid integer '${error.value}'`
    case 'unexpected':
      return style === 'coreutils' ? `extra argument '${error.token}'` : `${error.token}: unexpected operator`
    case 'missing-argument':
      return `${error.op}: argument expected`
  }
}
