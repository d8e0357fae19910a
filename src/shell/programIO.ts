// The CommandIO a program gets: its streams, environment and directory, and a way to start
// another program. Standard input is read lazily, so a program that never reads it leaves it
// for the next one (`while read l; do true; done < f` keeps reading lines).
import { InputStream, type CommandIO } from './command'
import type { ShellFileSystem } from './fs'
import type { Descriptors } from './redirect'

export interface ProgramContext {
  readonly env: Readonly<Record<string, string>>
  readonly cwd: string
  readonly fs: ShellFileSystem
  readonly depth: number
}

/** Starts `argv` with these descriptors and environment; null when no such program exists. */
export type ProgramLauncher = (
  argv: readonly string[],
  fds: Descriptors,
  env: Readonly<Record<string, string>>,
) => number | null

export function commandIO(fds: Descriptors, context: ProgramContext, launch: ProgramLauncher): CommandIO {
  let stdin: string | null = null
  return {
    get stdin() {
      stdin ??= fds.stdin.readAll()
      return stdin
    },
    stdout: fds.stdout,
    stderr: fds.stderr,
    env: context.env,
    cwd: context.cwd,
    fs: context.fs,
    depth: context.depth,
    exec: (argv, options = {}) => {
      if (argv.length === 0) return null
      const childFds: Descriptors = {
        ...fds,
        stdin: options.stdin === undefined ? fds.stdin : new InputStream(options.stdin),
      }
      return launch(argv, childFds, options.env ?? context.env)
    },
  }
}
