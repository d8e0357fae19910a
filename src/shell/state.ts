// What a running shell remembers between commands: variables (and which are exported),
// functions, the working directory, positional parameters, `set` options and `$?`. Subshells,
// pipeline stages and command substitutions work on a clone, so their changes do not leak.
import type { CommandNode } from './ast'

export interface ShellOptions {
  errexit: boolean
  nounset: boolean
  xtrace: boolean
  pipefail: boolean
  noglob: boolean
}

interface Variable {
  value: string
  exported: boolean
}

export class ShellState {
  readonly vars: Map<string, Variable>
  readonly functions: Map<string, CommandNode>
  cwd: string
  positional: string[]
  lastStatus = 0
  /** Inside an `if`/`while` condition or a non-final `&&`/`||` operand, where `set -e` does not apply. */
  conditionDepth = 0
  readonly options: ShellOptions

  constructor(
    readonly name: string,
    init: { vars: Iterable<readonly [string, string]>; cwd: string; positional: string[] },
    copyFrom?: ShellState,
  ) {
    this.vars = new Map(
      copyFrom
        ? [...copyFrom.vars].map(([k, v]) => [k, { ...v }])
        : [...init.vars].map(([k, v]) => [k, { value: v, exported: true }]),
    )
    this.functions = new Map(copyFrom?.functions ?? [])
    this.cwd = init.cwd
    this.positional = [...init.positional]
    this.options = copyFrom
      ? { ...copyFrom.options }
      : { errexit: false, nounset: false, xtrace: false, pipefail: false, noglob: false }
    if (copyFrom) {
      this.lastStatus = copyFrom.lastStatus
      this.conditionDepth = copyFrom.conditionDepth
    }
  }

  clone(): ShellState {
    return new ShellState(this.name, { vars: [], cwd: this.cwd, positional: this.positional }, this)
  }

  get(name: string): string | undefined {
    return this.vars.get(name)?.value
  }

  set(name: string, value: string, exported?: boolean): void {
    const existing = this.vars.get(name)
    this.vars.set(name, { value, exported: exported ?? existing?.exported ?? false })
  }

  export(name: string): void {
    const existing = this.vars.get(name)
    if (existing) existing.exported = true
    else this.vars.set(name, { value: '', exported: true })
  }

  /** Exported names, including those marked before being given a value. */
  exportedNames(): string[] {
    return [...this.vars].filter(([, v]) => v.exported).map(([k]) => k)
  }

  unset(name: string): void {
    this.vars.delete(name)
  }

  /** The environment a program started now would get, in the order variables were defined. */
  environment(overrides: Readonly<Record<string, string>> = {}): Record<string, string> {
    const env: Record<string, string> = {}
    for (const [name, variable] of this.vars) if (variable.exported) env[name] = variable.value
    return { ...env, ...overrides }
  }

  /** A variable, or a special (`?`, `#`, `$`, `-`, `0`, `*`, `@`) or positional parameter. */
  parameter(name: string, pid: number): string | undefined {
    switch (name) {
      case '?':
        return String(this.lastStatus)
      case '#':
        return String(this.positional.length)
      case '$':
        return String(pid)
      case '-':
        return this.optionFlags()
      case '0':
        return this.name
      case '*':
      case '@':
        return this.positional.join((this.get('IFS') ?? ' ').slice(0, 1))
      case '!':
        return undefined
    }
    if (/^[0-9]+$/.test(name)) return this.positional[Number(name) - 1]
    return this.get(name)
  }

  /** `$-`: the single-letter options in effect. */
  optionFlags(): string {
    const o = this.options
    return `${o.errexit ? 'e' : ''}${o.noglob ? 'f' : ''}${o.nounset ? 'u' : ''}${o.xtrace ? 'x' : ''}`
  }
}

/** `exit`, or an error that ends a non-interactive shell. */
export class ExitSignal {
  constructor(readonly status: number) {}
}

/** An error already reported: a non-interactive shell exits, an interactive one drops the command. */
export class FatalShellError {
  constructor(readonly status: number) {}
}

export class LoopControl {
  constructor(
    readonly kind: 'break' | 'continue',
    public levels: number,
  ) {}
}

export class ReturnSignal {
  constructor(readonly status: number) {}
}
