// A kubectl command group (`rollout`, `set`): cobra finds the subcommand among the arguments,
// a group run without one prints its help (cmdutil.DefaultSubCommandRun) and fails, an
// unknown one is a usage error, and flag errors name the full command path.
import type { CommandOutcome, KubectlEnv } from '../env'
import { FlagError } from '../flags'
import { errorText } from '../printErrors'

export type Subcommand = (argv: string[], env: KubectlEnv) => CommandOutcome

export interface CommandGroup {
  name: string
  subcommands: Readonly<Record<string, Subcommand>>
  /** The group's `--help` text (templates.MainHelpTemplate). */
  help: string
  /** Where DefaultSubCommandRun writes the help when no subcommand is given. */
  helpStream: 'out' | 'err'
}

/** Global flags that take a value, so `kubectl rollout -n web history …` finds `history`. */
const VALUE_FLAGS = new Set(['-n', '--namespace', '--context', '--kubeconfig', '--request-timeout', '-v'])

export function runGroup(group: CommandGroup, argv: string[], env: KubectlEnv): CommandOutcome {
  let at = -1
  for (let i = 0; i < argv.length && at < 0; i++) {
    const a = argv[i]!
    if (a === '--') break
    if (VALUE_FLAGS.has(a)) i++
    else if (!a.startsWith('-')) at = i
  }
  if (at < 0) {
    if (argv.includes('-h') || argv.includes('--help')) {
      env.out(group.help)
      return 0
    }
    if (group.helpStream === 'out') env.out(group.help)
    else env.err(group.help)
    return 1
  }
  const name = argv[at]!
  const sub = group.subcommands[name]
  if (!sub) {
    env.err(
      `error: unknown command "${argv
        .slice(at)
        .filter((a) => !a.startsWith('-'))
        .join(' ')}"\nSee 'kubectl ${group.name} -h' for help and examples\n`,
    )
    return 1
  }
  try {
    return sub([...argv.slice(0, at), ...argv.slice(at + 1)], env)
  } catch (e) {
    if (e instanceof FlagError) {
      env.err(errorText(e, `${group.name} ${name}`) + '\n')
      return 1
    }
    throw e
  }
}

/** The `Available Commands:` lines: names padded as cobra pads them (at least 11 wide). */
export function availableCommands(shorts: Readonly<Record<string, string>>): string {
  const names = Object.keys(shorts).sort()
  const pad = Math.max(11, ...names.map((n) => n.length))
  return names.map((n) => `  ${n.padEnd(pad)} ${shorts[n]}\n`).join('')
}
