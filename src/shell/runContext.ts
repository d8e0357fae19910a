// What the parts of a running shell share: its configuration, where it is in the script (for
// messages) and how deep in loops. One per shell; subshells share their parent's.
import type { Sink } from './command'
import type { ScriptOrigin, ShellDialect, ShellMessage } from './dialect'
import type { ShellConfig } from './interpreter'

export interface RunContext {
  readonly config: ShellConfig
  readonly dialect: ShellDialect
  readonly origin: ScriptOrigin
  /** Nesting level of this shell (0 for the outermost). */
  readonly depth: number
  readonly maxLoops: number
  /** Line of the command running now, which messages quote. */
  line: number
  loopDepth: number
  /** Prints `message` as this shell words it. */
  report(sink: Sink, message: ShellMessage): void
  /** Runs a script file in a new shell; a callback so that no module imports the interpreter back. */
  runChildShell(config: ShellConfig, source: string, stdin: string): number
}
