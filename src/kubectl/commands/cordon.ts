// kubectl cordon / uncordon (pkg/cmd/drain: NewCmdCordon, NewCmdUncordon, Complete and
// RunCordonOrUncordon; pkg/drain/cordon.go CordonHelper): sets or clears spec.unschedulable and
// prints `node/node-1 cordoned`, or `node/node-1 already cordoned` when nothing changes. drain
// shares the node lookup and the cordon step.
import type { Node } from '../../sim/model'
import { notFound } from '../../sim/api/errors'
import { parseLabelSelector } from '../selectors'
import type { CommandOutcome, KubectlEnv } from '../env'
import { KubectlError, UsageError } from '../env'
import { parseFlags, type FlagSpec, type FlagValues } from '../flags'

export type DryRun = 'none' | 'client' | 'server'

const FLAGS: FlagSpec[] = [
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'dry-run', type: 'string', default: 'none' },
]

export function cordon(argv: string[], env: KubectlEnv): CommandOutcome {
  return cordonOrUncordon(argv, env, true)
}

export function uncordon(argv: string[], env: KubectlEnv): CommandOutcome {
  return cordonOrUncordon(argv, env, false)
}

function cordonOrUncordon(argv: string[], env: KubectlEnv, desired: boolean): CommandOutcome {
  const { flags, args, given } = parseFlags(argv, FLAGS)
  const nodes = nodesOf(env, desired ? 'cordon' : 'uncordon', args, flags, given.has('selector'))
  const dryRun = dryRunOf(flags)
  setUnschedulable(env, nodes, desired, dryRun)
  return 0
}

/** GetDryRunStrategy. */
export function dryRunOf(flags: FlagValues): DryRun {
  const value = flags['dry-run'] as string
  if (value === 'none' || value === 'client' || value === 'server') return value
  throw new KubectlError(`Invalid dry-run value (${value}). Must be "none", "server", or "client".`)
}

/** The name printer's suffix for a dry run. */
export function dryRunSuffix(dryRun: DryRun): string {
  return dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : ''
}

/**
 * Complete: the nodes named (or selected with -l), in the order given; a missing node fails the
 * whole command before anything changes.
 */
export function nodesOf(
  env: KubectlEnv,
  use: string,
  args: string[],
  flags: FlagValues,
  selectorGiven: boolean,
): Node[] {
  const selector = flags.selector as string | undefined
  if (args.length === 0 && !selectorGiven) throw new UsageError(`USAGE: ${use} NODE [flags]`)
  if (args.length > 0 && selector)
    throw new UsageError('error: cannot specify both a node name and a --selector option')
  const api = env.sim.ctx.api
  if (args.length === 0) {
    return api.list<Node>('Node').filter(parseLabelSelector(selector ?? ''))
  }
  return args.map((arg) => {
    const name = arg.replace(/^(nodes?|no)\//, '')
    const node = api.tryGet<Node>('Node', undefined, name)
    if (!node) throw notFound('nodes', name)
    return node
  })
}

/** RunCordonOrUncordon: one line per node, `cordoned` / `already cordoned` (or uncordoned). */
export function setUnschedulable(env: KubectlEnv, nodes: Node[], desired: boolean, dryRun: DryRun): void {
  const verb = desired ? 'cordoned' : 'uncordoned'
  for (const node of nodes) {
    const name = node.metadata.name
    const current = env.sim.ctx.api.tryGet<Node>('Node', undefined, name) ?? node
    if (!!current.spec.unschedulable === desired) {
      env.out(`node/${name} already ${verb}${dryRunSuffix(dryRun)}\n`)
      continue
    }
    if (dryRun !== 'client') {
      // The patch {"spec":{"unschedulable":true}}, or null to clear it (the field is omitempty).
      const { unschedulable: _old, ...spec } = current.spec
      const next = desired ? { ...spec, unschedulable: true } : spec
      env.sim.ctx.api.update<Node>({ ...current, spec: next }, { dryRun: dryRun === 'server' })
    }
    env.out(`node/${name} ${verb}${dryRunSuffix(dryRun)}\n`)
  }
}
