// kubectl rollout status (pkg/cmd/rollout + polymorphichelpers/rollout_status.go): prints the
// StatefulSet status viewer's line for the current object and for every later watch event, and
// finishes when the viewer says done. (history/undo/restart come with the engine-depth issue.)
import type { StatefulSet } from '../../sim/model'
import type { WatchEvent } from '../../sim/api/store'
import type { CommandOutcome, KubectlEnv } from '../env'
import { KubectlError } from '../env'
import { parseFlags, type FlagSpec } from '../flags'
import { errorText } from '../printErrors'
import { parseResourceArgs } from '../resources'
import { parseDuration, selectObjects } from '../select'

const STATUS_FLAGS: FlagSpec[] = [
  { name: 'watch', short: 'w', type: 'bool', default: true },
  { name: 'timeout', type: 'string', default: '0s' },
  { name: 'revision', type: 'int', default: 0 },
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'selector', short: 'l', type: 'string' },
]

export function rollout(argv: string[], env: KubectlEnv): CommandOutcome {
  const [sub, ...rest] = argv
  if (sub === 'status') return rolloutStatus(rest, env)
  if (sub === undefined)
    throw new KubectlError(
      'Manage the rollout of one or many resources.\n\nValid resource types include:\n\n  *  deployments\n  *  daemonsets\n  *  statefulsets',
    )
  throw new KubectlError(`unknown command "${sub}" for "kubectl rollout"`)
}

/** StatefulSetStatusViewer.Status: the line to print and whether the rollout is done. */
export function statefulSetRolloutStatus(sts: StatefulSet): { message: string; done: boolean } {
  if (sts.spec.updateStrategy?.type !== 'RollingUpdate') {
    throw new KubectlError('rollout status is only available for RollingUpdate strategy type')
  }
  const status = sts.status
  const replicas = sts.spec.replicas ?? 1
  if (!status?.observedGeneration || (sts.metadata.generation ?? 0) > status.observedGeneration) {
    return { message: 'Waiting for statefulset spec update to be observed...\n', done: false }
  }
  const ready = status.readyReplicas ?? 0
  if (ready < replicas)
    return { message: `Waiting for ${replicas - ready} pods to be ready...\n`, done: false }
  const updated = status.updatedReplicas ?? 0
  const rollingUpdate = sts.spec.updateStrategy.rollingUpdate
  if (rollingUpdate) {
    const partition = rollingUpdate.partition
    if (partition !== undefined && updated < replicas - partition) {
      return {
        message: `Waiting for partitioned roll out to finish: ${updated} out of ${replicas - partition} new pods have been updated...\n`,
        done: false,
      }
    }
    return {
      message: `partitioned roll out complete: ${updated} new pods have been updated...\n`,
      done: true,
    }
  }
  if (status.updateRevision !== status.currentRevision) {
    return {
      message: `waiting for statefulset rolling update to complete ${updated} pods at revision ${status.updateRevision}...\n`,
      done: false,
    }
  }
  return {
    message: `statefulset rolling update complete ${status.currentReplicas ?? 0} pods at revision ${status.currentRevision}...\n`,
    done: true,
  }
}

function rolloutStatus(argv: string[], env: KubectlEnv): CommandOutcome {
  const { flags, args } = parseFlags(argv, STATUS_FLAGS)
  const targets = parseResourceArgs(args)
  if (targets.length === 0) throw new KubectlError('required resource not specified')
  const { objects, errors } = selectObjects(env.sim.ctx.api, targets, {
    namespace: (flags.namespace as string | undefined) ?? 'default',
  })
  if (errors.length) {
    env.err(errorText(errors[0]) + '\n')
    return 1
  }
  const target = objects[0]!
  if (target.kind !== 'StatefulSet')
    throw new KubectlError(`no status viewer has been implemented for ${target.kind}`)
  let done = false
  let failure: string | undefined
  const report = (sts: StatefulSet) => {
    try {
      const s = statefulSetRolloutStatus(sts)
      env.out(s.message)
      done = s.done || !flags.watch
    } catch (e) {
      failure = errorText(e)
      done = true
    }
  }
  report(target as StatefulSet)
  if (done) {
    if (failure) env.err(failure + '\n')
    return failure ? 1 : 0
  }
  const unwatch = env.sim.ctx.store.watch((e: WatchEvent) => {
    if (done || e.object.metadata.uid !== target.metadata.uid) return
    if (e.type === 'DELETED') {
      failure = 'error: object has been deleted'
      done = true
    } else report(e.object as StatefulSet)
  })
  const timeout = parseDuration(flags.timeout as string)
  return {
    poll: () => done,
    ...(timeout > 0 ? { timeoutMs: timeout } : {}),
    finish: (reason) => {
      unwatch()
      if (reason === 'timeout') failure = 'error: timed out waiting for the condition'
      if (failure) env.err(failure + '\n')
      return failure || reason === 'interrupted' ? 1 : 0
    },
  }
}
