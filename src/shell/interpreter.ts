// Runs parsed scripts. Everything is synchronous: a pipeline runs its stages one after another,
// each reading the previous stage's captured output, which gives the same bytes as concurrent
// stages for programs that do not interact. Guards stop runaway loops and recursion, which a
// real shell would leave running.
import type { AndOrList, CommandList, CommandNode, Pipeline, Script, SimpleCommand, TopLevelCommand } from './ast'
import { builtinsFor, SPECIAL_BUILTINS, type Builtin, type BuiltinContext, type BuiltinIO } from './builtins'
import { InputStream, type Command, type Sink } from './command'
import { formatMessage, traceLine, type ScriptOrigin, type ShellDialect, type ShellMessage } from './dialect'
import { expandPattern, expandWord, expandWords, ExpansionError, expansionMessage, type ExpansionHost } from './expand'
import { baseName, resolvePath, type ShellFileSystem } from './fs'
import { matchesPattern } from './glob'
import { parseScript } from './parser'
import { commandIO } from './programIO'
import { applyRedirects, type Descriptors } from './redirect'
import { ExitSignal, FatalShellError, LoopControl, ReturnSignal, ShellState, type ShellOptions } from './state'

export interface ShellConfig {
  /** Programs by name: `kubectl` for the runner, an image's applets in a container. */
  readonly commands: Readonly<Record<string, Command>>
  readonly fs: ShellFileSystem
  /** The initial environment; every variable in it is exported. */
  readonly env?: Readonly<Record<string, string>>
  readonly cwd?: string
  /** Whose diagnostics and builtin quirks to reproduce; default `ash` (busybox). */
  readonly dialect?: ShellDialect
  /** `$0` and the prefix of every message; default `sh`. */
  readonly name?: string
  /** Positional parameters `$1`... */
  readonly args?: readonly string[]
  readonly origin?: ScriptOrigin
  /** Receive output as it is produced, interleaved as a terminal would show it. */
  readonly stdout?: Sink
  readonly stderr?: Sink
  /** Nesting level of this shell (0 for the outermost). */
  readonly depth?: number
  readonly maxLoopIterations?: number
  /** `$$`. */
  readonly pid?: number
  /** `set` options in effect from the start (`sh -e -c ...`). */
  readonly options?: Partial<ShellOptions>
}

export interface RunResult {
  readonly exitCode: number
  readonly stdout: string
  readonly stderr: string
  /** The shell ended (`exit`, or an error that ends a non-interactive shell). */
  readonly exited: boolean
}

export interface Shell {
  /** Runs `target`; variables, functions and the directory carry over to the next call. */
  run(target: Script | TopLevelCommand, options?: { stdin?: string }): RunResult
  /** Parses and runs `source`; a syntax error prints the shell's message and returns status 2. */
  runSource(source: string, options?: { stdin?: string; firstLine?: number }): RunResult
  readonly cwd: string
  readonly exited: boolean
  readonly lastStatus: number
  variable(name: string): string | undefined
}

const MAX_SHELL_DEPTH = 32
const MAX_FUNCTION_DEPTH = 200

export function createShell(config: ShellConfig): Shell {
  return new Interpreter(config)
}

export function runScript(script: Script, config: ShellConfig, stdin = ''): RunResult {
  return createShell(config).run(script, { stdin })
}

export function runShellSource(source: string, config: ShellConfig, stdin = ''): RunResult {
  return createShell(config).runSource(source, { stdin })
}

class Interpreter implements Shell {
  private readonly state: ShellState
  private readonly dialect: ShellDialect
  private readonly origin: ScriptOrigin
  private readonly builtins: Readonly<Record<string, Builtin>>
  private readonly depth: number
  private readonly maxLoops: number
  private line = 1
  private loopDepth = 0
  private functionDepth = 0
  private substitutionStatus: number | null = null
  exited = false

  constructor(private readonly config: ShellConfig) {
    this.dialect = config.dialect ?? 'ash'
    this.origin = config.origin ?? 'command-string'
    this.builtins = builtinsFor(this.dialect)
    this.depth = config.depth ?? 0
    this.maxLoops = config.maxLoopIterations ?? 10_000
    const cwd = config.cwd ?? '/'
    this.state = new ShellState(config.name ?? 'sh', { vars: Object.entries(config.env ?? {}), cwd, positional: [...(config.args ?? [])] })
    if (this.state.get('PWD') === undefined) this.state.set('PWD', cwd)
    Object.assign(this.state.options, config.options)
  }

  get cwd(): string {
    return this.state.cwd
  }

  get lastStatus(): number {
    return this.state.lastStatus
  }

  variable(name: string): string | undefined {
    return this.state.get(name)
  }

  run(target: Script | TopLevelCommand, options: { stdin?: string } = {}): RunResult {
    return this.capture(options.stdin ?? '', (fds) => {
      const commands = 'commands' in target ? target.commands : [target]
      for (const command of commands) {
        if (this.exited) break
        this.runTopLevel(command.list, command.line, fds)
      }
    })
  }

  runSource(source: string, options: { stdin?: string; firstLine?: number } = {}): RunResult {
    const parsed = parseScript(source, { interactive: this.origin === 'interactive', firstLine: options.firstLine ?? 1 })
    if (parsed.ok) return this.run(parsed.script, options)
    return this.capture('', (fds) => {
      this.line = parsed.error.line
      this.report(fds.stderr, { kind: 'syntax', issue: parsed.error.issue })
      this.state.lastStatus = 2
      if (this.origin !== 'interactive') this.exited = true
    })
  }

  private capture(stdin: string, body: (fds: Descriptors) => void): RunResult {
    let stdout = ''
    let stderr = ''
    const fds: Descriptors = {
      stdin: new InputStream(stdin),
      stdout: (text) => {
        stdout += text
        this.config.stdout?.(text)
      },
      stderr: (text) => {
        stderr += text
        this.config.stderr?.(text)
      },
    }
    if (!this.exited) body(fds)
    return { exitCode: this.state.lastStatus, stdout, stderr, exited: this.exited }
  }

  private runTopLevel(list: CommandList, line: number, fds: Descriptors): void {
    this.line = line
    try {
      this.state.lastStatus = this.execList(list, this.state, fds)
    } catch (signal) {
      if (signal instanceof ExitSignal || signal instanceof ReturnSignal) {
        this.state.lastStatus = signal.status
        this.exited = this.origin !== 'interactive' || signal instanceof ExitSignal
      } else if (signal instanceof FatalShellError) {
        this.state.lastStatus = signal.status
        if (this.origin !== 'interactive') this.exited = true
      } else throw signal
    }
  }

  private execList(list: CommandList, state: ShellState, fds: Descriptors): number {
    let status = 0
    for (const item of list) {
      const result = this.execAndOr(item, state, fds)
      status = result.status
      state.lastStatus = status
      if (status !== 0 && state.options.errexit && !result.exempt && state.conditionDepth === 0) throw new ExitSignal(status)
    }
    return status
  }

  /** `exempt`: the status came from a place where `set -e` does not apply. */
  private execAndOr(item: AndOrList, state: ShellState, fds: Descriptors): { status: number; exempt: boolean } {
    let status = this.asCondition(state, item.rest.length > 0, () => this.execPipeline(item.first, state, fds))
    let exempt = item.rest.length > 0 || item.first.negated
    item.rest.forEach(({ op, pipeline }, i) => {
      if ((op === '&&') !== (status === 0)) return
      const last = i === item.rest.length - 1
      state.lastStatus = status
      status = this.asCondition(state, !last, () => this.execPipeline(pipeline, state, fds))
      exempt = !last || pipeline.negated
    })
    return { status, exempt }
  }

  private asCondition(state: ShellState, condition: boolean, run: () => number): number {
    if (!condition) return run()
    state.conditionDepth++
    try {
      return run()
    } finally {
      state.conditionDepth--
    }
  }

  private execPipeline(pipeline: Pipeline, state: ShellState, fds: Descriptors): number {
    this.line = pipeline.line
    let status: number
    if (pipeline.commands.length === 1) status = this.execCommand(pipeline.commands[0]!, state, fds)
    else {
      let input = fds.stdin
      const statuses = pipeline.commands.map((command, i) => {
        const last = i === pipeline.commands.length - 1
        let captured = ''
        const stage: Descriptors = { stdin: input, stdout: last ? fds.stdout : (text) => (captured += text), stderr: fds.stderr }
        const stageStatus = this.inSubshell(state, (sub) => this.execCommand(command, sub, stage))
        input = new InputStream(captured)
        return stageStatus
      })
      status = state.options.pipefail ? ([...statuses].reverse().find((s) => s !== 0) ?? 0) : statuses[statuses.length - 1]!
    }
    return pipeline.negated ? Number(status === 0) : status
  }

  private inSubshell(state: ShellState, run: (sub: ShellState) => number): number {
    const sub = state.clone()
    try {
      return run(sub)
    } catch (signal) {
      if (signal instanceof ExitSignal || signal instanceof FatalShellError || signal instanceof ReturnSignal) return signal.status
      if (signal instanceof LoopControl) return 0
      throw signal
    }
  }

  private execCommand(node: CommandNode, state: ShellState, fds: Descriptors): number {
    if (node.kind === 'simple') return this.execSimple(node, state, fds)
    if (node.kind === 'function') {
      state.functions.set(node.name, node.body)
      return 0
    }
    const redirected = this.redirect(node.redirects, state, fds)
    if (!redirected.ok) return this.redirectFailure(fds, redirected.message, false)
    const io = redirected.fds
    switch (node.kind) {
      case 'group':
        return this.execList(node.body, state, io)
      case 'subshell':
        return this.inSubshell(state, (sub) => this.execList(node.body, sub, io))
      case 'if': {
        for (const branch of node.branches) {
          if (this.asCondition(state, true, () => this.execList(branch.condition, state, io)) === 0) return this.execList(branch.body, state, io)
        }
        return node.otherwise ? this.execList(node.otherwise, state, io) : 0
      }
      case 'for': {
        const items = node.items ? this.expand(io, () => expandWords(node.items!, this.host(state, io))) : [...state.positional]
        return this.loop(state, io, node.body, (iteration) => {
          if (iteration >= items.length) return false
          state.set(node.variable, items[iteration]!)
          return true
        })
      }
      case 'case': {
        const host = this.host(state, io)
        const subject = this.expand(io, () => expandWord(node.subject, host))
        const item = node.items.find((candidate) => candidate.patterns.some((p) => matchesPattern(this.expand(io, () => expandPattern(p, host)), subject)))
        return item ? this.execList(item.body, state, io) : 0
      }
      case 'while':
        return this.loop(state, io, node.body, () => {
          const status = this.asCondition(state, true, () => this.execList(node.condition, state, io))
          return node.until ? status !== 0 : status === 0
        })
    }
  }

  /** Runs `body` while `proceed(iteration)` says so, honouring break/continue and the loop guard. */
  private loop(state: ShellState, fds: Descriptors, body: CommandList, proceed: (iteration: number) => boolean): number {
    let status = 0
    this.loopDepth++
    try {
      for (let iteration = 0; proceed(iteration); iteration++) {
        if (iteration >= this.maxLoops) {
          this.report(fds.stderr, { kind: 'plain', text: `loop stopped after ${this.maxLoops} iterations (simulator limit)` })
          throw new FatalShellError(1)
        }
        try {
          status = this.execList(body, state, fds)
        } catch (signal) {
          if (!(signal instanceof LoopControl)) throw signal
          if (signal.levels > 1) {
            signal.levels--
            throw signal
          }
          if (signal.kind === 'break') break
        }
      }
    } finally {
      this.loopDepth--
    }
    return status
  }

  private execSimple(node: SimpleCommand, state: ShellState, fds: Descriptors): number {
    this.line = node.line
    this.substitutionStatus = null
    const host = this.host(state, fds)
    const assignments = this.expand(fds, () => node.assignments.map((a) => [a.name, expandWord(a.value, host)] as const))
    const argv = this.expand(fds, () => expandWords(node.words, host))
    const substitutionStatus = this.substitutionStatus
    if (state.options.xtrace) fds.stderr(traceLine(this.dialect, state.get('PS4') ?? '+ ', [...assignments.map(([n, v]) => `${n}=${v}`), ...argv]))
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
    if (Object.hasOwn(this.builtins, name)) return this.withAssignments(state, assignments, () => this.callBuiltin(name, argv, io, state))
    return this.runProgram(argv, io, state, state.environment(Object.fromEntries(assignments))) ?? this.notFound(io, name)
  }

  /** `IFS= read -r line`: prefix assignments hold for one builtin or function call only. */
  private withAssignments(state: ShellState, assignments: readonly (readonly [string, string])[], run: () => number): number {
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

  private expand<T>(fds: Descriptors, run: () => T): T {
    try {
      return run()
    } catch (error) {
      if (!(error instanceof ExpansionError)) throw error
      this.report(fds.stderr, { kind: 'plain', text: expansionMessage(this.dialect, error.failure) })
      throw new FatalShellError(this.dialect === 'bash' && error.failure.kind !== 'arithmetic' ? 1 : 2)
    }
  }

  private redirect(redirects: SimpleCommand['redirects'], state: ShellState, fds: Descriptors) {
    if (redirects.length === 0) return { ok: true as const, fds }
    const host = this.host(state, fds)
    return applyRedirects(redirects, fds, { fs: this.config.fs, cwd: state.cwd, expand: (word) => this.expand(fds, () => expandWord(word, host)) })
  }

  private redirectFailure(fds: Descriptors, message: ShellMessage, special: boolean): number {
    this.report(fds.stderr, message)
    const status = this.dialect === 'dash' ? 2 : 1
    if (special && this.origin !== 'interactive') throw new FatalShellError(status)
    return status
  }

  private notFound(fds: Descriptors, name: string): number {
    this.report(fds.stderr, { kind: 'not-found', command: name })
    return 127
  }

  private callBuiltin(name: string, argv: string[], io: Descriptors, state: ShellState): number {
    const ctx: BuiltinContext = {
      state,
      dialect: this.dialect,
      fs: this.config.fs,
      loopDepth: this.loopDepth,
      report: (message) => this.report(io.stderr, message),
      runSource: (source, sourceIO) => this.evalSource(source, state, sourceIO),
      runProgram: (programArgv, programIO) => this.runProgram(programArgv, programIO, state, state.environment()) ?? this.notFound(programIO, programArgv[0]!),
    }
    return this.builtins[name]!(argv, io, ctx)
  }

  private callFunction(body: CommandNode, argv: string[], io: Descriptors, state: ShellState): number {
    if (this.functionDepth >= MAX_FUNCTION_DEPTH) {
      this.report(io.stderr, { kind: 'plain', text: `${argv[0]}: functions nested too deeply (simulator limit)` })
      throw new FatalShellError(2)
    }
    const saved = state.positional
    state.positional = argv.slice(1)
    this.functionDepth++
    try {
      return this.execCommand(body, state, io)
    } catch (signal) {
      if (signal instanceof ReturnSignal) return signal.status
      throw signal
    } finally {
      this.functionDepth--
      state.positional = saved
    }
  }

  private evalSource(source: string, state: ShellState, io: BuiltinIO): number {
    const parsed = parseScript(source, { firstLine: this.line })
    if (!parsed.ok) {
      this.report(io.stderr, { kind: 'syntax', issue: parsed.error.issue })
      return 2
    }
    let status = 0
    for (const command of parsed.script.commands) status = this.execList(command.list, state, io)
    return status
  }

  /** Runs a program from the command table, or a file when the name has a slash; null if there is none. */
  private runProgram(argv: readonly string[], io: Descriptors, state: ShellState, env: Readonly<Record<string, string>>): number | null {
    const name = argv[0]!
    if (!name.includes('/')) {
      const command = Object.hasOwn(this.config.commands, name) ? this.config.commands[name] : undefined
      return command ? this.invoke(command, argv, io, state, env) : null
    }
    const path = resolvePath(state.cwd, name)
    const stat = this.config.fs.stat(path)
    if (!stat.ok) return null
    if (stat.value.type === 'dir' || (stat.value.mode & 0o111) === 0) {
      this.report(io.stderr, { kind: 'permission-denied', command: name })
      return 126
    }
    const content = this.config.fs.readFile(path)
    const script = content.ok && content.value.startsWith('#!')
    const applet = this.config.commands[baseName(path)]
    if (applet && !script) return this.invoke(applet, argv, io, state, env)
    return this.runScriptFile(argv, content.ok ? content.value : '', io, state, env)
  }

  private runScriptFile(argv: readonly string[], source: string, io: Descriptors, state: ShellState, env: Readonly<Record<string, string>>): number {
    if (this.depth >= MAX_SHELL_DEPTH) {
      this.report(io.stderr, { kind: 'plain', text: `${argv[0]}: shells nested too deeply (simulator limit)` })
      return 126
    }
    const child = new Interpreter({ ...this.config, env, cwd: state.cwd, name: argv[0]!, args: argv.slice(1), origin: 'file', stdout: io.stdout, stderr: io.stderr, depth: this.depth + 1 })
    return child.runSource(source, { stdin: io.stdin.readAll() }).exitCode
  }

  private invoke(command: Command, argv: readonly string[], fds: Descriptors, state: ShellState, env: Readonly<Record<string, string>>): number {
    const io = commandIO(fds, { env, cwd: state.cwd, fs: this.config.fs, depth: this.depth }, (childArgv, childFds, childEnv) => this.runProgram(childArgv, childFds, state, childEnv))
    return command([...argv], io)
  }

  private host(state: ShellState, fds: Descriptors): ExpansionHost {
    return {
      get: (name) => state.parameter(name, this.config.pid ?? 1),
      set: (name, value) => state.set(name, value),
      positional: () => state.positional,
      commandSubstitution: (list) => {
        let out = ''
        const captured: Descriptors = { stdin: fds.stdin, stdout: (text) => (out += text), stderr: fds.stderr }
        this.substitutionStatus = this.inSubshell(state, (sub) => this.execList(list, sub, captured))
        state.lastStatus = this.substitutionStatus
        return out
      },
      nounset: state.options.nounset,
      noglob: state.options.noglob,
      fs: this.config.fs,
      cwd: state.cwd,
      dialect: this.dialect,
    }
  }

  private report(sink: Sink, message: ShellMessage): void {
    sink(formatMessage({ dialect: this.dialect, name: this.state.name, origin: this.origin, line: this.line }, message))
  }
}

