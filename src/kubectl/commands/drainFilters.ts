// Which pods `kubectl drain` removes (staging/src/k8s.io/kubectl/pkg/drain/filters.go and
// GetPodsForDeletion): every pod bound to the node passes the filters in order — skip pods long
// deleted, DaemonSet pods, mirror pods, pods with emptyDir data, pods no controller owns — until
// one says not to delete it. Errors and warnings are grouped by message (in first-seen order
// here; Go's map order is random).
import type { Pod } from '../../sim/model'
import type { ApiServer } from '../../sim/api/apiServer'
import { simTimeOf } from '../../sim/runtime/time'
import { parseLabelSelector } from '../selectors'

const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)'
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods'
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)'
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage'
const UNMANAGED_FATAL = 'cannot delete Pods that declare no controller (use --force to override)'
const UNMANAGED_WARNING = 'deleting Pods that declare no controller'

export interface DrainFilterOptions {
  force: boolean
  ignoreDaemonSets: boolean
  deleteEmptyDirData: boolean
  skipWaitForDeleteTimeoutSeconds: number
  podSelector?: string
}

type Status = { delete: boolean; reason: 'Okay' | 'Skip' | 'Warning' | 'Error'; message?: string }

const OKAY: Status = { delete: true, reason: 'Okay' }

export interface PodDeleteList {
  /** The pods to evict or delete. */
  pods: Pod[]
  /** `message: ns/a, ns/b` per warning, joined by `; ` (empty when none). */
  warnings: string
  /** One error text per error message. */
  errors: string[]
}

/** GetPodsForDeletion for the node `nodeName` at simulated time `nowMs`. */
export function podsForDeletion(
  api: ApiServer,
  nodeName: string,
  opts: DrainFilterOptions,
  nowMs: number,
): PodDeleteList {
  const selected = parseLabelSelector(opts.podSelector ?? '')
  const pods = api.list<Pod>('Pod').filter((p) => p.spec.nodeName === nodeName && selected(p))
  const filters = [
    (p: Pod) => skipDeleted(p, opts, nowMs),
    (p: Pod) => daemonSetFilter(api, p, opts),
    mirrorPodFilter,
    (p: Pod) => localStorageFilter(p, opts),
    (p: Pod) => unreplicatedFilter(p, opts),
  ]
  const warnings = new Map<string, string[]>()
  const errors = new Map<string, string[]>()
  const toDelete: Pod[] = []
  for (const pod of pods) {
    let status = OKAY
    for (const filter of filters) {
      status = filter(pod)
      if (!status.delete) break
    }
    const ref = `${pod.metadata.namespace}/${pod.metadata.name}`
    const group = status.reason === 'Warning' ? warnings : status.reason === 'Error' ? errors : undefined
    if (group) group.set(status.message ?? '', [...(group.get(status.message ?? '') ?? []), ref])
    if (status.delete) toDelete.push(pod)
  }
  return {
    pods: toDelete,
    warnings: [...warnings].map(([m, refs]) => `${m}: ${refs.join(', ')}`).join('; '),
    errors: [...errors].map(([m, refs]) => {
      const msg = m || 'unexpected error'
      const text = msg.toLowerCase().startsWith('cannot delete') ? msg : `cannot delete ${msg}`
      return `${text}: ${refs.join(', ')}`
    }),
  }
}

/** shouldSkipPod: the pod was deleted more than N seconds ago (only when N > 0). */
export function deletedLongAgo(pod: Pod, seconds: number, nowMs: number): boolean {
  const at = pod.metadata.deletionTimestamp
  return seconds > 0 && !!at && Math.floor((nowMs - simTimeOf(at)) / 1000) > seconds
}

function skipDeleted(pod: Pod, opts: DrainFilterOptions, nowMs: number): Status {
  return deletedLongAgo(pod, opts.skipWaitForDeleteTimeoutSeconds, nowMs)
    ? { delete: false, reason: 'Skip' }
    : OKAY
}

function controllerOf(pod: Pod) {
  return pod.metadata.ownerReferences?.find((r) => r.controller)
}

function finished(pod: Pod): boolean {
  return pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed'
}

function daemonSetFilter(api: ApiServer, pod: Pod, opts: DrainFilterOptions): Status {
  const ref = controllerOf(pod)
  if (ref?.kind !== 'DaemonSet' || finished(pod)) return OKAY
  // Ordinal serves no DaemonSets, so the owner is never found.
  if (!api.store.get('DaemonSet', pod.metadata.namespace, ref.name)) {
    const message = `daemonsets.apps "${ref.name}" not found`
    return opts.force
      ? { delete: true, reason: 'Warning', message }
      : { delete: false, reason: 'Error', message }
  }
  return opts.ignoreDaemonSets
    ? { delete: false, reason: 'Warning', message: DAEMONSET_WARNING }
    : { delete: false, reason: 'Error', message: DAEMONSET_FATAL }
}

function mirrorPodFilter(pod: Pod): Status {
  return pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined
    ? { delete: false, reason: 'Skip' }
    : OKAY
}

function localStorageFilter(pod: Pod, opts: DrainFilterOptions): Status {
  if (!(pod.spec.volumes ?? []).some((v) => v.emptyDir) || finished(pod)) return OKAY
  return opts.deleteEmptyDirData
    ? { delete: true, reason: 'Warning', message: LOCAL_STORAGE_WARNING }
    : { delete: false, reason: 'Error', message: LOCAL_STORAGE_FATAL }
}

function unreplicatedFilter(pod: Pod, opts: DrainFilterOptions): Status {
  if (finished(pod) || controllerOf(pod)) return OKAY
  return opts.force
    ? { delete: true, reason: 'Warning', message: UNMANAGED_WARNING }
    : { delete: false, reason: 'Error', message: UNMANAGED_FATAL }
}
