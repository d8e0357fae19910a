// The wait behind `kubectl delete` (--wait=true): done when every deleted object is gone (or
// replaced by a new object with the same name — a different uid).
import type { KubeObject } from '../../sim/model'
import type { Continuation, KubectlEnv } from '../env'

export function waitUntilGone(
  env: KubectlEnv,
  objects: KubeObject[],
  timeoutMs: number | undefined,
  finish: (code: number) => number,
): Continuation {
  const store = env.sim.ctx.store
  const isGone = (o: KubeObject) =>
    store.get(o.kind, o.metadata.namespace, o.metadata.name)?.metadata.uid !== o.metadata.uid
  const gone = () => objects.every(isGone)
  return {
    poll: gone,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    finish: (reason) => {
      if (reason === 'timeout') {
        const first = objects.find((o) => !isGone(o))
        env.err(
          `error: timed out waiting for the condition on ${first ? first.kind.toLowerCase() + 's/' + first.metadata.name : 'resources'}\n`,
        )
        return finish(1)
      }
      return finish(reason === 'done' ? 0 : 1)
    },
  }
}
