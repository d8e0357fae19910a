// What a kubectl command runs against and how it reports. Commands that block in real kubectl
// (watch, wait, rollout status, delete) return a Continuation instead of blocking: the host — the
// headless runner or the browser console — advances simulated time and polls it. "Return plans,
// not effects": the same command works in a script and in an animated page.
import type { Simulation } from '../sim/simulation'

export interface KubectlEnv {
  readonly sim: Simulation
  out(text: string): void
  err(text: string): void
  /** Standard input (for `-f -`), if any. */
  readonly stdin?: string
  /** Reads a file named on the command line (the host resolves relative paths). */
  readFile(path: string): string | undefined
  /** Whether standard input is a terminal (false for scripts, true for the in-page console). */
  readonly terminal?: boolean
}

export const TTY_WARNING = 'Unable to use a TTY - input is not a terminal or the right kind of file\n'

export interface Continuation {
  /** Checked at start and after every simulation step; true when the command has finished. */
  poll(): boolean
  /** Simulated milliseconds after which the command gives up (kubectl's --timeout), if it has one. */
  readonly timeoutMs?: number
  /** Ends the command: after `poll()` returned true, at its timeout, or when the host stops it. Returns the exit code. */
  finish(reason: 'done' | 'timeout' | 'interrupted'): number
}

export type CommandOutcome = number | Continuation

export function isContinuation(o: CommandOutcome): o is Continuation {
  return typeof o !== 'number'
}

/** A usage error (cmdutil.UsageErrorf): `error: <message>` then `See 'kubectl VERB -h' for help and examples`. */
export class UsageError extends Error {}

/** A client-side error, printed as `error: <message>`. */
export class KubectlError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message)
  }
}
