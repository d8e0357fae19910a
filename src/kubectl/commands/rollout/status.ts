// kubectl rollout status (pkg/cmd/rollout/rollout_status.go + polymorphichelpers/rollout_status.go):
// prints the kind's status viewer line for the current object and for every later watch event,
// and finishes when the viewer says done (per-kind viewers: helpers/statusViewer.ts).
import type { KubeObject } from '../../../sim/model'
import type { WatchEvent } from '../../../sim/api/store'
import type { CommandOutcome, KubectlEnv } from '../../env'
import { KubectlError } from '../../env'
import { parseFlags, type FlagSpec } from '../../flags'
import { errorText } from '../../printErrors'
import { parseDuration } from '../../select'
import { statusViewerFor } from './helpers/statusViewer'
import { resolveTargets } from './targets'

const FLAGS: FlagSpec[] = [
  { name: 'watch', short: 'w', type: 'bool', default: true },
  { name: 'timeout', type: 'string', default: '0s' },
  { name: 'revision', type: 'int', default: 0 },
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'selector', short: 'l', type: 'string' },
]

export { statefulSetRolloutStatus } from './helpers/statefulSet'

export function rolloutStatus(argv: string[], env: KubectlEnv): CommandOutcome {
  const { flags, args } = parseFlags(argv, FLAGS)
  if (args.length === 0 && !(flags.filename as string[] | undefined)?.length)
    throw new KubectlError('required resource not specified')
  const { objects, errors } = resolveTargets(env, args, flags, { allowEmptySelector: true })
  if (errors.length) {
    env.err(errorText(errors[0]) + '\n')
    return 1
  }
  if (objects.length !== 1)
    throw new KubectlError(
      `rollout status is only supported on individual resources and resource collections - ${objects.length} resources were found`,
    )
  const target = objects[0]!
  const viewer = statusViewerFor(env.sim.ctx.api.info(target.kind))
  const revision = flags.revision as number
  let done = false
  let failure: string | undefined
  const report = (obj: KubeObject) => {
    try {
      const s = viewer(obj, revision)
      env.out(s.message)
      done = s.done || !flags.watch
    } catch (e) {
      failure = errorText(e)
      done = true
    }
  }
  report(target)
  if (done) {
    if (failure) env.err(failure + '\n')
    return failure ? 1 : 0
  }
  const unwatch = env.sim.ctx.store.watch((e: WatchEvent) => {
    if (done || e.object.metadata.uid !== target.metadata.uid) return
    if (e.type === 'DELETED') {
      failure = 'error: object has been deleted'
      done = true
    } else report(e.object)
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
