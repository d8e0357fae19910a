// Simple commands: expansion, prefix assignments, redirections, then a special builtin, a
// function, a regular builtin or a program, in POSIX's lookup order. Programs come from the
// command table, or from the filesystem when the name contains a slash.
import type { CommandList, CommandNode, SimpleCommand } from './ast'
import { builtinsFor, SPECIAL_BUILTINS, type Builtin, type BuiltinContext, type BuiltinIO } from './builtins'
import type { Command } from './command'
import { traceLine, type ShellMessage } from './dialect'
import { expandWord, expandWords, ExpansionError, expansionMessage, type ExpansionHost } from './expand'
import { baseName, resolvePath } from './fs'
import { parseScript } from './parser'
import { commandIO } from './programIO'
import { applyRedirects, type Descriptors } from './redirect'
import type { RunContext } from './runContext'
import { FatalShellError, ReturnSignal, type ShellState } from './state'

const MAX_SHELL_DEPTH = 32
const MAX_FUNCTION_DEPTH = 200

/** What a simple command needs from control flow: functions and substitutions run lists. */
export interface ControlFlow {
  execList(list: CommandList, state: ShellState, fds: Descriptors): number
  execCommand(node: CommandNode, state: ShellState, fds: Descriptors): number
  inSubshell(state: ShellState, run: (sub: ShellState) => number): number
}

export class SimpleCommandRunner {
  private readonly builtins: Readonly<Record<string, Builtin>>
  private functionDepth = 0
  private substitutionStatus: number | null = null

  constructor(
    private readonly ctx: RunContext,
    private readonly flow: ControlFlow,
  ) {
    this.builtins = builtinsFor(ctx.dialect)
  }

  run(node: SimpleCommand, state: ShellState, fds: Descriptors): number {
    this.ctx.line = node.line
    this.substitutionStatus = null
    const host = this.host(state, fds)
    const assignments = this.expand(fds, () =>
      node.assignments.map((a) => [a.name, expandWord(a.value, host)] as const),
    )
    const argv = this.expand(fds, () => expandWords(node.words, host))
    const substitutionStatus = this.substitutionStatus
    if (state.options.xtrace)
      fds.stderr(
        traceLine(this.ctx.dialect, state.get('PS4') ?? '+ ', [
          ...assignments.map(([n, v]) => `${n}=${v}`),
          ...argv,
        ]),
      )
    if (argv.length === 0) {
      for (const [name, value] of assignments) state.set(name, value)
      const redirected = this.redirect(node.redirects, state, fds)
      if (!redirected.ok) return this.redirectFailure(fds, redirected.message, false)
      return substitutionStatus ?? 0
    }
    const name = argv[0]!
    const special = SPECIAL_BUILTINS.has(name) && this.builtins[name] !== undefined
    const redirected = this.redirect(node.redirects, state, fds)
    if (!redirected.ok) return this.redirectFailure(fds, redirected.message, special)
    const io = redirected.fds
    if (special) {
      for (const [n, v] of assignments) state.set(n, v)
      return this.callBuiltin(name, argv, io, state)
    }
    const fn = state.functions.get(name)
    if (fn) return this.withAssignments(state, assignments, () => this.callFunction(fn, argv, io, state))
    if (Object.hasOwn(this.builtins, name))
      return this.withAssignments(state, assignments, () => this.callBuiltin(name, argv, io, state))
    return (
      this.runProgram(argv, io, state, state.environment(Object.fromEntries(assignments))) ??
      this.notFound(io, name)
    )
  }

  /** `IFS= read -r line`: prefix assignments hold for one builtin or function call only. */
  private withAssignments(
    state: ShellState,
    assignments: readonly (readonly [string, string])[],
    run: () => number,
  ): number {
    const saved = assignments.map(([name]) => [name, state.get(name)] as const)
    for (const [name, value] of assignments) state.set(name, value)
    try {
      return run()
    } finally {
      for (const [name, value] of saved) {
        if (value === undefined) state.unset(name)
        else state.set(name, value)
      }
    }
  }

  expand<T>(fds: Descriptors, run: () => T): T {
    try {
      return run()
    } catch (error) {
      if (!(error instanceof ExpansionError)) throw error
      this.ctx.report(fds.stderr, { kind: 'plain', text: expansionMessage(this.ctx.dialect, error.failure) })
      throw new FatalShellError(this.ctx.dialect === 'bash' && error.failure.kind !== 'arithmetic' ? 1 : 2)
    }
  }

  redirect(redirects: SimpleCommand['redirects'], state: ShellState, fds: Descriptors) {
    if (redirects.length === 0) return { ok: true as const, fds }
    const host = this.host(state, fds)
    return applyRedirects(redirects, fds, {
      fs: this.ctx.config.fs,
      cwd: state.cwd,
      expand: (word) => this.expand(fds, () => expandWord(word, host)),
    })
  }

  redirectFailure(fds: Descriptors, message: ShellMessage, special: boolean): number {
    this.ctx.report(fds.stderr, message)
    const status = this.ctx.dialect === 'dash' ? 2 : 1
    if (special && this.ctx.origin !== 'interactive') throw new FatalShellError(status)
    return status
  }

  private notFound(fds: Descriptors, name: string): number {
    this.ctx.report(fds.stderr, { kind: 'not-found', command: name })
    return 127
  }

  private callBuiltin(name: string, argv: string[], io: Descriptors, state: ShellState): number {
    const ctx: BuiltinContext = {
      state,
      dialect: this.ctx.dialect,
      fs: this.ctx.config.fs,
      loopDepth: this.ctx.loopDepth,
      report: (message) => this.ctx.report(io.stderr, message),
      runSource: (source, sourceIO) => this.evalSource(source, state, sourceIO),
      runProgram: (programArgv, programIO) =>
        this.runProgram(programArgv, programIO, state, state.environment()) ??
        this.notFound(programIO, programArgv[0]!),
    }
    return this.builtins[name]!(argv, io, ctx)
  }

  private callFunction(body: CommandNode, argv: string[], io: Descriptors, state: ShellState): number {
    if (this.functionDepth >= MAX_FUNCTION_DEPTH) {
      this.ctx.report(io.stderr, {
        kind: 'plain',
        text: `${argv[0]}: functions nested too deeply (simulator limit)`,
      })
      throw new FatalShellError(2)
    }
    const saved = state.positional
    state.positional = argv.slice(1)
    this.functionDepth++
    try {
      return this.flow.execCommand(body, state, io)
    } catch (signal) {
      if (signal instanceof ReturnSignal) return signal.status
      throw signal
    } finally {
      this.functionDepth--
      state.positional = saved
    }
  }

  private evalSource(source: string, state: ShellState, io: BuiltinIO): number {
    const parsed = parseScript(source, { firstLine: this.ctx.line })
    if (!parsed.ok) {
      this.ctx.report(io.stderr, { kind: 'syntax', issue: parsed.error.issue })
      return 2
    }
    let status = 0
    for (const command of parsed.script.commands) status = this.flow.execList(command.list, state, io)
    return status
  }

  /** Runs a program from the command table, or a file when the name has a slash; null if there is none. */
  private runProgram(
    argv: readonly string[],
    io: Descriptors,
    state: ShellState,
    env: Readonly<Record<string, string>>,
  ): number | null {
    const name = argv[0]!
    if (!name.includes('/')) {
      const command = Object.hasOwn(this.ctx.config.commands, name)
        ? this.ctx.config.commands[name]
        : undefined
      return command ? this.invoke(command, argv, io, state, env) : null
    }
    const path = resolvePath(state.cwd, name)
    const stat = this.ctx.config.fs.stat(path)
    if (!stat.ok) return null
    if (stat.value.type === 'dir' || (stat.value.mode & 0o111) === 0) {
      this.ctx.report(io.stderr, { kind: 'permission-denied', command: name })
      return 126
    }
    const content = this.ctx.config.fs.readFile(path)
    const script = content.ok && content.value.startsWith('#!')
    const applet = this.ctx.config.commands[baseName(path)]
    if (applet && !script) return this.invoke(applet, argv, io, state, env)
    return this.runScriptFile(argv, content.ok ? content.value : '', io, state, env)
  }

  private runScriptFile(
    argv: readonly string[],
    source: string,
    io: Descriptors,
    state: ShellState,
    env: Readonly<Record<string, string>>,
  ): number {
    if (this.ctx.depth >= MAX_SHELL_DEPTH) {
      this.ctx.report(io.stderr, {
        kind: 'plain',
        text: `${argv[0]}: shells nested too deeply (simulator limit)`,
      })
      return 126
    }
    const config = {
      ...this.ctx.config,
      env,
      cwd: state.cwd,
      name: argv[0]!,
      args: argv.slice(1),
      origin: 'file' as const,
      stdout: io.stdout,
      stderr: io.stderr,
      depth: this.ctx.depth + 1,
    }
    return this.ctx.runChildShell(config, source, io.stdin.readAll())
  }

  private invoke(
    command: Command,
    argv: readonly string[],
    fds: Descriptors,
    state: ShellState,
    env: Readonly<Record<string, string>>,
  ): number {
    const io = commandIO(
      fds,
      { env, cwd: state.cwd, fs: this.ctx.config.fs, depth: this.ctx.depth },
      (childArgv, childFds, childEnv) => this.runProgram(childArgv, childFds, state, childEnv),
    )
    return command([...argv], io)
  }

  host(state: ShellState, fds: Descriptors): ExpansionHost {
    return {
      get: (name) => state.parameter(name, this.ctx.config.pid ?? 1),
      set: (name, value) => state.set(name, value),
      positional: () => state.positional,
      commandSubstitution: (list) => {
        let out = ''
        const captured: Descriptors = {
          stdin: fds.stdin,
          stdout: (text) => (out += text),
          stderr: fds.stderr,
        }
        this.substitutionStatus = this.flow.inSubshell(state, (sub) =>
          this.flow.execList(list, sub, captured),
        )
        state.lastStatus = this.substitutionStatus
        return out
      },
      nounset: state.options.nounset,
      noglob: state.options.noglob,
      fs: this.ctx.config.fs,
      cwd: state.cwd,
      dialect: this.ctx.dialect,
    }
  }
}
