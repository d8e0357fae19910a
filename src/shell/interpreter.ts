// The shell as its users see it: configure one, then run scripts or source text in it. State
// (variables, functions, directory, `$?`) persists between runs, as in a terminal session.
// Guards stop runaway loops and recursion, which a real shell would leave running.
import type { CommandList, Script, TopLevelCommand } from './ast'
import { InputStream, type Command, type Sink } from './command'
import { formatMessage, type ScriptOrigin, type ShellDialect } from './dialect'
import { Executor } from './executor'
import type { ShellFileSystem } from './fs'
import { parseScript } from './parser'
import type { Descriptors } from './redirect'
import type { RunContext } from './runContext'
import { ExitSignal, FatalShellError, ReturnSignal, ShellState, type ShellOptions } from './state'

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
  private readonly ctx: RunContext
  private readonly executor: Executor
  exited = false

  constructor(private readonly config: ShellConfig) {
    const cwd = config.cwd ?? '/'
    this.state = new ShellState(config.name ?? 'sh', {
      vars: Object.entries(config.env ?? {}),
      cwd,
      positional: [...(config.args ?? [])],
    })
    if (this.state.get('PWD') === undefined) this.state.set('PWD', cwd)
    Object.assign(this.state.options, config.options)
    const dialect = config.dialect ?? 'ash'
    const origin = config.origin ?? 'command-string'
    const name = this.state.name
    this.ctx = {
      config,
      dialect,
      origin,
      depth: config.depth ?? 0,
      maxLoops: config.maxLoopIterations ?? 10_000,
      line: 1,
      loopDepth: 0,
      report(sink, message) {
        sink(formatMessage({ dialect, name, origin, line: this.line }, message))
      },
      runChildShell: (childConfig, source, stdin) =>
        new Interpreter(childConfig).runSource(source, { stdin }).exitCode,
    }
    this.executor = new Executor(this.ctx)
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
    const parsed = parseScript(source, {
      interactive: this.ctx.origin === 'interactive',
      firstLine: options.firstLine ?? 1,
    })
    if (parsed.ok) return this.run(parsed.script, options)
    return this.capture('', (fds) => {
      this.ctx.line = parsed.error.line
      this.ctx.report(fds.stderr, { kind: 'syntax', issue: parsed.error.issue })
      this.state.lastStatus = 2
      if (this.ctx.origin !== 'interactive') this.exited = true
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
    this.ctx.line = line
    try {
      this.state.lastStatus = this.executor.execList(list, this.state, fds)
    } catch (signal) {
      const interactive = this.ctx.origin === 'interactive'
      if (signal instanceof ExitSignal || signal instanceof ReturnSignal) {
        this.state.lastStatus = signal.status
        this.exited = !interactive || signal instanceof ExitSignal
      } else if (signal instanceof FatalShellError) {
        this.state.lastStatus = signal.status
        if (!interactive) this.exited = true
      } else throw signal
    }
  }
}
