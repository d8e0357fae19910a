// getopt as busybox and coreutils use it: bundled short flags (`-rf`), values (`-m 755`,
// `-m755`), GNU long options, `--`, and options after operands (GNU permutes). Errors are
// reported in the shared glibc wording, followed by each flavour's own hint.
import type { CommandIO } from '../command'
import { BUSYBOX_BANNER, BUSYBOX_USAGE } from './busyboxUsage'
import type { Flavour } from './host'

export interface OptionSpec {
  /** Short flags without a value, e.g. `rRf`. */
  readonly flags?: string
  /** Short options that take a value, e.g. `mo`. */
  readonly values?: string
  /** GNU long options (debian only) and the short option each stands for; a `=` suffix takes a value. */
  readonly long?: Readonly<Record<string, string>>
}

export interface ParsedArgs {
  readonly flags: ReadonlySet<string>
  readonly values: ReadonlyMap<string, string>
  readonly operands: readonly string[]
}

export function parseArgs(
  argv: readonly string[],
  spec: OptionSpec,
  flavour: Flavour,
): { ok: true; args: ParsedArgs } | { ok: false; message: string } {
  const app = argv[0] ?? ''
  const flags = new Set<string>()
  const values = new Map<string, string>()
  const operands: string[] = []
  const shortFlags = spec.flags ?? ''
  const shortValues = spec.values ?? ''
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--') {
      operands.push(...argv.slice(i + 1))
      break
    }
    if (arg.startsWith('--') && flavour === 'debian' && spec.long) {
      const [name, inline] = splitLong(arg.slice(2))
      const match = Object.keys(spec.long).find((key) => key.replace(/=$/, '') === name)
      if (match === undefined) return { ok: false, message: `${app}: unrecognized option '${arg}'\n` }
      const short = spec.long[match]!
      if (match.endsWith('=')) {
        const value = inline ?? argv[++i]
        if (value === undefined)
          return { ok: false, message: `${app}: option '--${name}' requires an argument\n` }
        values.set(short, value)
      } else flags.add(short)
      continue
    }
    if (arg.startsWith('--')) return { ok: false, message: `${app}: unrecognized option '${arg}'\n` }
    if (!arg.startsWith('-') || arg === '-') {
      operands.push(arg)
      continue
    }
    for (let j = 1; j < arg.length; j++) {
      const ch = arg[j]!
      if (shortValues.includes(ch)) {
        const value = j + 1 < arg.length ? arg.slice(j + 1) : argv[++i]
        if (value === undefined)
          return { ok: false, message: `${app}: option requires an argument -- '${ch}'\n` }
        values.set(ch, value)
        break
      }
      if (!shortFlags.includes(ch)) return { ok: false, message: `${app}: invalid option -- '${ch}'\n` }
      flags.add(ch)
    }
  }
  return { ok: true, args: { flags, values, operands } }
}

function splitLong(text: string): [string, string | undefined] {
  const eq = text.indexOf('=')
  return eq < 0 ? [text, undefined] : [text.slice(0, eq), text.slice(eq + 1)]
}

/** Prints a usage error the flavour's way and returns the exit status (busybox 1; coreutils 1, ls 2). */
export function usageError(io: CommandIO, flavour: Flavour, app: string, message: string): number {
  io.stderr(message)
  if (flavour === 'busybox') {
    io.stderr(busyboxUsage(app))
    return 1
  }
  io.stderr(`Try '${app} --help' for more information.\n`)
  return app === 'ls' ? 2 : 1
}

/** The banner and usage busybox prints when an applet is misused. */
export function busyboxUsage(app: string): string {
  const usage = BUSYBOX_USAGE[app]
  return `${BUSYBOX_BANNER}\n${usage === undefined ? '' : `\n${usage}\n`}`
}

/** coreutils' "missing operand" error. */
export function missingOperand(io: CommandIO, flavour: Flavour, app: string): number {
  if (flavour === 'busybox') {
    io.stderr(busyboxUsage(app))
    return 1
  }
  return usageError(io, flavour, app, `${app}: missing operand\n`)
}
