// The contract between the shell and the programs it runs: the runner plugs in `kubectl`,
// `sleep` and `timeout`; containers plug in their image's applets. Programs are synchronous and
// return their exit status.
import type { ShellFileSystem } from './fs'

export type Sink = (text: string) => void

export interface CommandIO {
  /**
   * Everything the program would read from standard input. Reading it consumes the shell's
   * input, as a real read does: in `while read l; do cat; done < f`, `cat` takes the rest.
   */
  readonly stdin: string
  readonly stdout: Sink
  readonly stderr: Sink
  /** The program's environment: the shell's exported variables plus any `VAR=value` prefixes. */
  readonly env: Readonly<Record<string, string>>
  /** Absolute working directory. */
  readonly cwd: string
  readonly fs: ShellFileSystem
  /**
   * Runs another program from the same command table (not a shell builtin), as `timeout` or
   * `env` do. Returns its exit status, or null when no such program exists.
   */
  exec(
    argv: readonly string[],
    options?: { stdin?: string; env?: Readonly<Record<string, string>> },
  ): number | null
  /** How many shells deep this program runs; `sh` refuses to nest without bound. */
  readonly depth: number
}

export type Command = (argv: string[], io: CommandIO) => number

/** Reads standard input piecewise, so `read` in a loop consumes one line per iteration. */
export class InputStream {
  private offset = 0

  constructor(private readonly text: string) {}

  /** The next line without its newline; null at end of input. */
  readLine(): string | null {
    if (this.offset >= this.text.length) return null
    const newline = this.text.indexOf('\n', this.offset)
    const end = newline < 0 ? this.text.length : newline
    const line = this.text.slice(this.offset, end)
    this.offset = newline < 0 ? this.text.length : newline + 1
    return line
  }

  /** The rest of the input; a program that reads its stdin consumes all of it. */
  readAll(): string {
    const rest = this.text.slice(this.offset)
    this.offset = this.text.length
    return rest
  }
}
