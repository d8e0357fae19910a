// The pods/eviction subresource (pkg/registry/core/pod/storage/eviction.go) — `kubectl drain`
// evicts through it. The simulator has no PodDisruptionBudgets, so an eviction is never refused
// with 429 TooManyRequests: it marks the pod with the DisruptionTarget condition
// (EvictionByEvictionAPI) and deletes it with the eviction's delete options.
import type { Condition, Pod } from '../model'
import type { ApiServer, DeleteOptions } from './apiServer'

export interface EvictionOptions {
  /** DeleteOptions.gracePeriodSeconds; the pod's own terminationGracePeriodSeconds when unset. */
  gracePeriodSeconds?: number
  dryRun?: boolean
}

/** Evicts the pod; throws NotFound when it does not exist. Returns the pod as it now is. */
export function evictPod(api: ApiServer, namespace: string, name: string, opts: EvictionOptions = {}): Pod {
  const pod = api.get<Pod>('Pod', namespace, name)
  if (opts.dryRun) return pod
  const marked = api.updateStatus<Pod>({
    ...pod,
    status: {
      ...pod.status,
      conditions: withDisruptionTarget(
        pod.status.conditions,
        api.now(),
        'EvictionByEvictionAPI',
        'Eviction API: evicting',
      ),
    },
  })
  const options: DeleteOptions =
    opts.gracePeriodSeconds !== undefined ? { gracePeriodSeconds: opts.gracePeriodSeconds } : {}
  return api.delete<Pod>('Pod', marked.metadata.namespace, marked.metadata.name, options)
}

/**
 * UpdatePodCondition with DisruptionTarget=True (why the pod is about to go): the transition time
 * moves only on a change of status.
 */
export function withDisruptionTarget(
  conditions: Condition[] | undefined,
  now: string,
  reason: string,
  message: string,
): Condition[] {
  const next: Condition = {
    type: 'DisruptionTarget',
    status: 'True',
    lastProbeTime: null,
    lastTransitionTime: now,
    reason,
    message,
  }
  const list = [...(conditions ?? [])]
  const i = list.findIndex((c) => c.type === 'DisruptionTarget')
  if (i < 0) return [...list, next]
  const old = list[i]!
  list[i] = old.status === 'True' ? { ...next, lastTransitionTime: old.lastTransitionTime } : next
  return list
}
