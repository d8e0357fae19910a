// Commands the shell runs itself because they read or change its own state (cd, exit, set,
// export, read...) or because every shell has them built in (echo, printf, test). Special
// builtins (POSIX 2.14) keep prefix assignments and end a non-interactive shell on a
// redirection error; the interpreter consults SPECIAL_BUILTINS for that.
import type { InputStream, Sink } from './command'
import type { ShellDialect, ShellMessage } from './dialect'
import { echoCommand, printfCommand } from './echoPrintf'
import { resolvePath, STRERROR, type ShellFileSystem } from './fs'
import { ExitSignal, LoopControl, ReturnSignal, type ShellOptions, type ShellState } from './state'
import { evaluateTest, testErrorText } from './testCommand'

export interface BuiltinIO {
  readonly stdin: InputStream
  readonly stdout: Sink
  readonly stderr: Sink
}

export interface BuiltinContext {
  readonly state: ShellState
  readonly dialect: ShellDialect
  readonly fs: ShellFileSystem
  readonly loopDepth: number
  /** Prints `message` with the shell's prefix on this command's stderr. */
  report(message: ShellMessage): void
  /** Parses and runs `source` in this shell (eval, `.`). */
  runSource(source: string, io: BuiltinIO): number
  /** Runs a program or function, as `exec` does before the shell ends. */
  runProgram(argv: string[], io: BuiltinIO): number
}

export type Builtin = (argv: string[], io: BuiltinIO, ctx: BuiltinContext) => number

export const SPECIAL_BUILTINS = new Set([
  ':',
  '.',
  'source',
  'break',
  'continue',
  'eval',
  'exec',
  'exit',
  'export',
  'readonly',
  'return',
  'set',
  'shift',
  'unset',
])

const OPTION_NAMES: Readonly<Record<string, keyof ShellOptions>> = {
  errexit: 'errexit',
  nounset: 'nounset',
  xtrace: 'xtrace',
  pipefail: 'pipefail',
  noglob: 'noglob',
}
const OPTION_LETTERS: Readonly<Record<string, keyof ShellOptions>> = {
  e: 'errexit',
  u: 'nounset',
  x: 'xtrace',
  f: 'noglob',
}

export function builtinsFor(dialect: ShellDialect): Readonly<Record<string, Builtin>> {
  const echo = echoCommand(dialect === 'dash' ? 'dash' : 'options')
  const table: Record<string, Builtin> = {
    ':': () => 0,
    true: () => 0,
    false: () => 1,
    cd,
    pwd: (_argv, io, ctx) => {
      io.stdout(`${ctx.state.cwd}\n`)
      return 0
    },
    exit: (argv, _io, ctx) => {
      const arg = argv[1]
      if (arg !== undefined && !/^\d+$/.test(arg)) {
        ctx.report({
          kind: 'builtin',
          builtin: 'exit',
          text: dialect === 'bash' ? `${arg}: numeric argument required` : `Illegal number: ${arg}`,
        })
        throw new ExitSignal(2)
      }
      throw new ExitSignal(arg === undefined ? ctx.state.lastStatus : Number(arg) & 255)
    },
    export: exportBuiltin,
    readonly: exportBuiltin,
    unset: (argv, _io, ctx) => {
      const functions = argv[1] === '-f'
      for (const name of argv.slice(1).filter((a) => !a.startsWith('-'))) {
        if (functions) ctx.state.functions.delete(name)
        else ctx.state.unset(name)
      }
      return 0
    },
    set: setBuiltin,
    shift: (argv, _io, ctx) => {
      const n = argv[1] === undefined ? 1 : Number(argv[1])
      if (!Number.isInteger(n) || n > ctx.state.positional.length) {
        if (dialect !== 'dash') return 1
        ctx.report({ kind: 'builtin', builtin: 'shift', text: "can't shift that many" })
        throw new ExitSignal(2)
      }
      ctx.state.positional = ctx.state.positional.slice(n)
      return 0
    },
    break: (argv, _io, ctx) => loopControl('break', argv, ctx),
    continue: (argv, _io, ctx) => loopControl('continue', argv, ctx),
    return: (argv, _io, ctx) => {
      throw new ReturnSignal(argv[1] === undefined ? ctx.state.lastStatus : Number(argv[1]) & 255)
    },
    eval: (argv, io, ctx) => ctx.runSource(argv.slice(1).join(' '), io),
    '.': dotBuiltin,
    exec: (argv, io, ctx) => {
      if (argv.length < 2) return 0
      throw new ExitSignal(ctx.runProgram(argv.slice(1), io))
    },
    read: readBuiltin,
    echo: (argv, io, ctx) =>
      echo(argv, { ...io, stdin: '', env: {}, cwd: ctx.state.cwd, fs: ctx.fs, exec: () => null, depth: 0 }),
    printf: (argv, io, ctx) =>
      printfCommand(argv, {
        ...io,
        stdin: '',
        env: {},
        cwd: ctx.state.cwd,
        fs: ctx.fs,
        exec: () => null,
        depth: 0,
      }),
    test: testBuiltin,
    '[': testBuiltin,
  }
  if (dialect !== 'dash') table.source = dotBuiltin
  return table
}

const cd: Builtin = (argv, io, ctx) => {
  const { state, dialect } = ctx
  const arg = argv[1]
  const target =
    arg === undefined ? (state.get('HOME') ?? '/') : arg === '-' ? (state.get('OLDPWD') ?? state.cwd) : arg
  const path = resolvePath(state.cwd, target)
  const stat = ctx.fs.stat(path)
  const errno = !stat.ok ? stat.errno : stat.value.type !== 'dir' ? 'ENOTDIR' : null
  if (errno !== null) {
    const text =
      dialect === 'dash'
        ? `can't cd to ${target}`
        : dialect === 'bash'
          ? `${target}: ${STRERROR[errno]}`
          : `can't cd to ${target}: ${STRERROR[errno]}`
    ctx.report({ kind: 'builtin', builtin: 'cd', text })
    return dialect === 'bash' ? 1 : 2
  }
  state.set('OLDPWD', state.cwd)
  state.cwd = path
  state.set('PWD', path)
  if (arg === '-') io.stdout(`${path}\n`)
  return 0
}

const exportBuiltin: Builtin = (argv, io, ctx) => {
  const names = argv.slice(1).filter((a) => a !== '-p')
  if (names.length === 0) {
    const lines = ctx.state
      .exportedNames()
      .sort()
      .map((name) => `export ${name}='${(ctx.state.get(name) ?? '').replace(/'/g, `'"'"'`)}'\n`)
    io.stdout(lines.join(''))
    return 0
  }
  for (const item of names) {
    const eq = item.indexOf('=')
    if (eq >= 0) ctx.state.set(item.slice(0, eq), item.slice(eq + 1), true)
    else ctx.state.export(item)
  }
  return 0
}

const setBuiltin: Builtin = (argv, io, ctx) => {
  const { state } = ctx
  const args = argv.slice(1)
  if (args.length === 0) {
    const lines = [...state.vars.keys()].sort().map((name) => `${name}='${state.get(name) ?? ''}'\n`)
    io.stdout(lines.join(''))
    return 0
  }
  let i = 0
  for (; i < args.length; i++) {
    const arg = args[i]!
    if (arg === '--') {
      i++
      state.positional = args.slice(i)
      return 0
    }
    if (!/^[-+]/.test(arg) || arg.length < 2) break
    const on = arg[0] === '-'
    if (arg.slice(1) === 'o') {
      const option = OPTION_NAMES[args[++i] ?? '']
      if (option) state.options[option] = on
      continue
    }
    for (const letter of arg.slice(1)) {
      const option = OPTION_LETTERS[letter]
      if (option) state.options[option] = on
    }
  }
  if (i < args.length) state.positional = args.slice(i)
  return 0
}

function loopControl(kind: 'break' | 'continue', argv: string[], ctx: BuiltinContext): number {
  if (ctx.loopDepth === 0) return 0
  const levels = argv[1] === undefined ? 1 : Math.max(1, Number(argv[1]) || 1)
  throw new LoopControl(kind, Math.min(levels, ctx.loopDepth))
}

const dotBuiltin: Builtin = (argv, io, ctx) => {
  const file = argv[1]
  if (file === undefined) return 0
  const read = ctx.fs.readFile(resolvePath(ctx.state.cwd, file))
  if (!read.ok) {
    ctx.report({
      kind: 'builtin',
      builtin: argv[0]!,
      text:
        ctx.dialect === 'bash'
          ? `${file}: ${STRERROR[read.errno]}`
          : `can't open '${file}': ${STRERROR[read.errno]}`,
    })
    return 1
  }
  return ctx.runSource(read.value, io)
}

const readBuiltin: Builtin = (argv, io, ctx) => {
  const raw = argv.includes('-r')
  const names = argv.slice(1).filter((a) => !a.startsWith('-'))
  let line = io.stdin.readLine()
  const eof = line === null
  line ??= ''
  if (!raw) {
    while (line.endsWith('\\')) {
      const next = io.stdin.readLine()
      if (next === null) break
      line = line.slice(0, -1) + next
    }
    line = line.replace(/\\(.)/g, '$1')
  }
  const ifs = ctx.state.get('IFS') ?? ' \t\n'
  const targets = names.length > 0 ? names : ['REPLY']
  if (ifs === '') {
    targets.forEach((name, index) => ctx.state.set(name, index === 0 ? line : ''))
    return eof ? 1 : 0
  }
  let rest = line.replace(new RegExp(`^[${escapeClass(ifs)}]+`), '')
  targets.forEach((name, index) => {
    if (index === targets.length - 1) {
      ctx.state.set(name, rest.replace(new RegExp(`[${escapeClass(ifs)}]+$`), ''))
      return
    }
    const match = new RegExp(`^([^${escapeClass(ifs)}]*)[${escapeClass(ifs)}]*`).exec(rest)!
    ctx.state.set(name, match[1]!)
    rest = rest.slice(match[0].length)
  })
  return eof ? 1 : 0
}

function escapeClass(chars: string): string {
  return chars.replace(/[\\\]^-]/g, (c) => `\\${c}`)
}

const testBuiltin: Builtin = (argv, _io, ctx) => {
  const result = evaluateTest(argv, ctx.fs, ctx.state.cwd)
  if (result.ok) return result.status
  const text = testErrorText(ctx.dialect, result.error)
  ctx.report(ctx.dialect === 'ash' ? { kind: 'plain', text } : { kind: 'builtin', builtin: argv[0]!, text })
  return 2
}
