// kubectl scale (pkg/cmd/scale): sets spec.replicas through the scale subresource and prints
// `statefulset.apps/web scaled` — even when the count did not change.
import type { KubeObject, StatefulSet } from '../../sim/model'
import { qualifiedSingular } from '../../sim/model/kinds'
import type { CommandOutcome, KubectlEnv } from '../env'
import { KubectlError } from '../env'
import { parseFlags, type FlagSpec } from '../flags'
import { errorText } from '../printErrors'
import { parseResourceArgs } from '../resources'
import { selectObjects } from '../select'

const FLAGS: FlagSpec[] = [
  { name: 'replicas', type: 'int', default: -1 },
  { name: 'current-replicas', type: 'int', default: -1 },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'timeout', type: 'string' },
  { name: 'resource-version', type: 'string' },
]

const SCALABLE = new Set(['StatefulSet', 'Deployment', 'ReplicaSet'])

export function scale(argv: string[], env: KubectlEnv): CommandOutcome {
  const { flags, args, given } = parseFlags(argv, FLAGS)
  const replicas = flags.replicas as number
  if (!given.has('replicas')) throw new KubectlError('required flag(s) "replicas" not set')
  if (replicas < 0)
    throw new KubectlError(
      'The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0',
    )
  const targets = parseResourceArgs(args)
  if (targets.length === 0)
    throw new KubectlError('You must provide one or more resources by argument or filename.')
  const { objects, errors } = selectObjects(env.sim.ctx.api, targets, {
    namespace: (flags.namespace as string | undefined) ?? 'default',
    labelSelector: flags.selector as string | undefined,
  })
  let failed = errors.length > 0
  for (const obj of objects) {
    if (!SCALABLE.has(obj.kind)) {
      env.err(`error: no scaler has been implemented for {"" "${obj.kind}"}\n`)
      failed = true
      continue
    }
    const current = flags['current-replicas'] as number
    const set = obj as StatefulSet
    if (current >= 0 && (set.spec.replicas ?? 1) !== current) {
      env.err(`error: Expected replicas to be ${current}, was ${set.spec.replicas ?? 1}\n`)
      failed = true
      continue
    }
    try {
      env.sim.ctx.api.update<KubeObject>({ ...set, spec: { ...set.spec, replicas } } as StatefulSet)
      const ref = `${qualifiedSingular(env.sim.ctx.api.info(obj.kind))}/${obj.metadata.name}`
      env.out(flags.output === 'name' ? `${ref}\n` : `${ref} scaled\n`)
    } catch (e) {
      env.err(errorText(e) + '\n')
      failed = true
    }
  }
  for (const e of errors) env.err(errorText(e) + '\n')
  return failed ? 1 : 0
}
