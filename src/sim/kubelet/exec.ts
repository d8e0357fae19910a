// Runs a command inside a simulated container. Placeholder until the container filesystem and
// applets land: every command reports that it cannot run yet.
import type { Container, Pod } from '../model'
import type { SimContext } from '../simContext'

export interface ExecResult {
  stdout: string
  stderr: string
  exitCode: number
}

export function runInContainer(_ctx: SimContext, _pod: Pod, _container: Container, argv: string[], _stdin: string): ExecResult {
  return { stdout: '', stderr: `exec of ${argv[0] ?? ''} is not simulated yet\n`, exitCode: 126 }
}
