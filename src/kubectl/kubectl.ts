// The kubectl entry point: routes a verb to its command and prints failures as kubectl does.
// argv is what follows `kubectl` (already split by a shell).
import type { CommandOutcome, KubectlEnv } from './env'
import { errorText } from './printErrors'
import { apply } from './commands/apply'
import { deleteCommand } from './commands/delete'
import { scale } from './commands/scale'
import { patch } from './commands/patch'
import { rollout } from './commands/rollout'
import { set } from './commands/set'
import { wait } from './commands/wait'
import { get } from './commands/get'
import { describe } from './commands/describe'
import { exec } from './commands/exec'
import { run } from './commands/run'
import { logs } from './commands/logs'
import { cordon, uncordon } from './commands/cordon'
import { drain } from './commands/drain'
import { label } from './commands/label'
import { annotate } from './commands/annotate'

type Command = (argv: string[], env: KubectlEnv) => CommandOutcome

const COMMANDS: Record<string, Command> = {
  apply: (argv, env) => apply(argv, env, 'apply'),
  create: (argv, env) => apply(argv, env, 'create'),
  get,
  describe,
  delete: deleteCommand,
  scale,
  patch,
  rollout,
  set,
  wait,
  exec,
  run,
  logs,
  cordon,
  uncordon,
  drain,
  label,
  annotate,
}

export const KUBECTL_VERBS = Object.keys(COMMANDS)

/** Global flags that take a value, so `kubectl -n kube-system get pods` finds the verb `get`. */
const VALUE_FLAGS = new Set([
  '-n',
  '--namespace',
  '--context',
  '--kubeconfig',
  '--request-timeout',
  '-v',
  '--cluster',
  '--user',
  '-s',
  '--server',
])

function verbIndex(argv: string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (VALUE_FLAGS.has(a)) i++
    else if (!a.startsWith('-')) return i
  }
  return -1
}

export function runKubectl(argv: string[], env: KubectlEnv): CommandOutcome {
  const at = verbIndex(argv)
  const verb = at >= 0 ? argv[at] : undefined
  if (verb === undefined) {
    env.out(
      'kubectl controls the Kubernetes cluster manager.\n\nCommands Ordinal simulates: ' +
        KUBECTL_VERBS.join(', ') +
        '\n',
    )
    return 0
  }
  const command = COMMANDS[verb]
  if (!command) {
    env.err(`error: unknown command "${verb}" for "kubectl"${suggestion(verb)}\n`)
    return 1
  }
  // Flags may come before the verb (`kubectl -n web get pods`).
  const rest = [...argv.slice(0, at), ...argv.slice(at + 1)]
  try {
    return command(rest, env)
  } catch (e) {
    env.err(errorText(e, verb) + '\n')
    return 1
  }
}

/** Cobra's "Did you mean this?" for a verb within two edits of a known one. */
function suggestion(verb: string): string {
  const close = KUBECTL_VERBS.filter((v) => levenshtein(v, verb) <= 2 || v.startsWith(verb))
  return close.length ? `\n\nDid you mean this?\n${close.map((c) => `\t${c}`).join('\n')}` : ''
}

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)])
  for (let j = 1; j <= b.length; j++) d[0]![j] = j
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(
        d[i - 1]![j]! + 1,
        d[i]![j - 1]! + 1,
        d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      )
    }
  }
  return d[a.length]![b.length]!
}
