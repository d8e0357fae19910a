// A session: one simulated cluster, a shell that runs session scripts, and the programs the
// scripts may call — `kubectl`, `sleep N` (advance simulated time) and `timeout N CMD` (stop a
// command after N simulated seconds, exit 124, as coreutils' timeout does). Commands that block in
// real kubectl advance simulated time until they finish. Pure: the host supplies the filesystem.
import { Simulation, type SimulationOptions } from '../sim/simulation'
import { runKubectl } from '../kubectl/kubectl'
import { isContinuation, type Continuation } from '../kubectl/env'
import { createShell, type Shell } from '../shell/interpreter'
import { parseScript } from '../shell/parser'
import type { Command, Sink } from '../shell/command'
import { resolvePath, type ShellFileSystem } from '../shell/fs'
import { dockerCommand } from './docker'

/**
 * Simulated time each kubectl invocation takes before it reaches the API server (process
 * start-up and a round trip). Without it a script's next command would run in the very
 * millisecond the previous one returned, before any controller could react — unlike any shell.
 */
export const COMMAND_LATENCY_MS = 50

/** How long a blocking command may run (simulated) when nothing else stops it. */
export const DEFAULT_WAIT_LIMIT_MS = 60 * 60 * 1000

export interface SessionOptions {
  seed?: number
  simulation?: SimulationOptions
  fs: ShellFileSystem
  cwd: string
  /** Where the transcript goes (stdout and stderr interleaved, as a terminal shows them). */
  write: Sink
  waitLimitMs?: number
}

export class Session {
  readonly sim: Simulation
  private readonly shell: Shell
  /** Deadlines of enclosing `timeout` commands (simulated ms). */
  private readonly deadlines: number[] = []
  private readonly waitLimitMs: number

  constructor(private readonly options: SessionOptions) {
    this.sim = new Simulation({ ...options.simulation, seed: options.seed ?? options.simulation?.seed ?? 1 })
    this.waitLimitMs = options.waitLimitMs ?? DEFAULT_WAIT_LIMIT_MS
    this.shell = createShell({
      commands: {
        kubectl: this.kubectl,
        sleep: this.sleep,
        timeout: this.timeout,
        docker: dockerCommand(this.sim),
      },
      fs: options.fs,
      cwd: options.cwd,
      dialect: 'bash',
      name: 'bash',
      stdout: options.write,
      stderr: options.write,
    })
  }

  /**
   * Runs a whole script: echoes `$ <command as written>` before each top-level command (blank
   * lines and comments are not echoed), then its output. Returns the last command's status.
   */
  runScript(source: string): number {
    const parsed = parseScript(source)
    if (!parsed.ok) {
      this.options.write(`bash: ${parsed.error.message}\n`)
      return 2
    }
    let status = 0
    for (const command of parsed.script.commands) {
      this.options.write(`$ ${command.source}\n`)
      status = this.shell.run(command).exitCode
      if (this.shell.exited) break
    }
    return status
  }

  private readonly kubectl: Command = (argv, io) => {
    this.sim.advance(COMMAND_LATENCY_MS)
    const outcome = runKubectl(argv.slice(1), {
      sim: this.sim,
      out: io.stdout,
      err: io.stderr,
      stdin: io.stdin,
      readFile: (path) => {
        const r = io.fs.readFile(resolvePath(io.cwd, path))
        return r.ok ? r.value : undefined
      },
    })
    return isContinuation(outcome) ? this.drive(outcome, io.stderr) : outcome
  }

  private readonly sleep: Command = (argv, io) => {
    const seconds = parseSeconds(argv[1])
    if (seconds === undefined) {
      io.stderr(`sleep: invalid time interval '${argv[1] ?? ''}'\n`)
      return 1
    }
    const target = this.sim.now + seconds * 1000
    const deadline = this.deadline()
    if (deadline !== undefined && deadline < target) {
      this.sim.advanceTo(deadline)
      return 124
    }
    this.sim.advanceTo(target)
    return 0
  }

  private readonly timeout: Command = (argv, io) => {
    const seconds = parseSeconds(argv[1])
    if (seconds === undefined || argv.length < 3) {
      io.stderr(
        `timeout: invalid time interval '${argv[1] ?? ''}'\nTry 'timeout --help' for more information.\n`,
      )
      return 125
    }
    const deadline = this.sim.now + seconds * 1000
    this.deadlines.push(deadline)
    try {
      const status = io.exec(argv.slice(2))
      if (status === null) {
        io.stderr(`timeout: failed to run command '${argv[2]}': No such file or directory\n`)
        return 127
      }
      return this.sim.now >= deadline && status !== 0 ? 124 : status
    } finally {
      this.deadlines.pop()
    }
  }

  private deadline(): number | undefined {
    return this.deadlines.length ? Math.min(...this.deadlines) : undefined
  }

  /** Advances simulated time until the command finishes, its own timeout, an enclosing `timeout`, or the wait limit. */
  private drive(cont: Continuation, stderr: Sink): number {
    const enclosing = this.deadline()
    const own = cont.timeoutMs !== undefined ? this.sim.now + cont.timeoutMs : undefined
    const limit = this.sim.now + this.waitLimitMs
    const deadline = Math.min(enclosing ?? Infinity, own ?? Infinity, limit)
    const done = this.sim.advanceUntil(() => cont.poll(), deadline - this.sim.now)
    if (done) return cont.finish('done')
    if (own !== undefined && deadline === own) return cont.finish('timeout')
    if (enclosing !== undefined && deadline === enclosing) {
      cont.finish('interrupted')
      return 124
    }
    stderr(
      `ordinal: stopped waiting after ${this.waitLimitMs / 60000} minutes of simulated time (wrap the command in \`timeout N\`)\n`,
    )
    return cont.finish('interrupted')
  }
}

/** `10`, `2.5`, `1s`, `2m`, `1h` — the intervals sleep and timeout accept. */
function parseSeconds(text: string | undefined): number | undefined {
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(text ?? '')
  if (!m) return undefined
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd']
  return Number(m[1]) * unit
}
