// Which pods a ReplicaSet deletes first on scale-down: replica_set.go getPodsToDelete and
// getPodsRankedByRelatedPodsOnSameNode, and pkg/controller ActivePodsWithRanks.Less with the
// v1.34 default gates (PodDeletionCost and LogarithmicScaleDown on). Pure.
import type { Pod } from '../../model'
import { simTimeOf } from '../../runtime/time'
import { isPodActive, isPodReady, podReadyCondition } from './utils'

const PHASE_ORDER: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 }
const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost'

interface Ranked {
  pod: Pod
  /** How many related active pods share the pod's node ("doubled up"). */
  rank: number
}

/** helper.GetDeletionCostFromPodAnnotations: an int32, 0 when absent or malformed. */
function deletionCost(pod: Pod): number {
  const v = pod.metadata.annotations?.[DELETION_COST]
  if (v === undefined || !/^[+-]?[0-9]+$/.test(v)) return 0
  const n = Number(v)
  return n >= -2147483648 && n <= 2147483647 ? n : 0
}

/** The ready condition's lastTransitionTime (simulated ms), undefined ("zero") when not ready. */
function readyTime(pod: Pod): number | undefined {
  if (!isPodReady(pod)) return undefined
  const t = podReadyCondition(pod)?.lastTransitionTime
  return t ? simTimeOf(t) : undefined
}

/** afterOrZero: a zero time counts as after every other. */
function afterOrZero(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return a === undefined
  return a > b
}

/** logarithmicRankDiff: floor(log2) of each age in nanoseconds, as Go computes it. */
function logarithmicRankDiff(a: number, b: number, nowMs: number): number {
  const rank = (t: number) => {
    const ns = (nowMs - t) * 1e6
    return ns > 0 ? Math.floor(Math.log2(ns)) : -1
  }
  return rank(a) - rank(b)
}

function maxRestarts(pod: Pod): number {
  return Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0))
}

/** byTimeThenUid: afterOrZero, or by logarithmic age bucket with the uid breaking ties. */
function newerFirst(a: Pod, b: Pod, ta: number | undefined, tb: number | undefined, nowMs: number) {
  if (ta === undefined || tb === undefined) return afterOrZero(ta, tb)
  const diff = logarithmicRankDiff(ta, tb, nowMs)
  if (diff === 0) return a.metadata.uid < b.metadata.uid
  return diff < 0
}

/** ActivePodsWithRanks.Less: true when `i` should be deleted before `j`. */
function less(i: Ranked, j: Ranked, nowMs: number): boolean {
  const a = i.pod
  const b = j.pod
  const na = a.spec.nodeName ?? ''
  const nb = b.spec.nodeName ?? ''
  // 1. Unassigned < assigned.
  if (na !== nb && (na === '' || nb === '')) return na === ''
  // 2. Pending < Unknown < Running.
  const pa = PHASE_ORDER[a.status?.phase ?? ''] ?? 0
  const pb = PHASE_ORDER[b.status?.phase ?? ''] ?? 0
  if (pa !== pb) return pa < pb
  // 3. Not ready < ready.
  if (isPodReady(a) !== isPodReady(b)) return !isPodReady(a)
  // 4. Lower pod-deletion-cost < higher.
  if (deletionCost(a) !== deletionCost(b)) return deletionCost(a) < deletionCost(b)
  // 5. Doubled up < not doubled up.
  if (i.rank !== j.rank) return i.rank > j.rank
  // 6. Been ready for a shorter time < longer.
  if (isPodReady(a) && isPodReady(b)) {
    const ra = readyTime(a)
    const rb = readyTime(b)
    if (ra !== rb) return newerFirst(a, b, ra, rb, nowMs)
  }
  // 7. More container restarts < fewer.
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(a) > maxRestarts(b)
  // 8. Newer < older.
  const ca = a.metadata.creationTimestamp ? simTimeOf(a.metadata.creationTimestamp) : undefined
  const cb = b.metadata.creationTimestamp ? simTimeOf(b.metadata.creationTimestamp) : undefined
  if (ca !== cb) return newerFirst(a, b, ca, cb, nowMs)
  return false
}

/**
 * getPodsToDelete: the `diff` pods to delete first. `related` are the pods of every ReplicaSet
 * with the same controller (its Deployment's other revisions), counted per node.
 */
export function getPodsToDelete(
  pods: readonly Pod[],
  related: readonly Pod[],
  diff: number,
  nowMs: number,
): Pod[] {
  if (diff >= pods.length) return pods.slice(0, diff)
  const onNode = new Map<string, number>()
  for (const p of related) {
    if (!isPodActive(p)) continue
    const node = p.spec.nodeName ?? ''
    onNode.set(node, (onNode.get(node) ?? 0) + 1)
  }
  const ranked = pods.map((pod) => ({ pod, rank: onNode.get(pod.spec.nodeName ?? '') ?? 0 }))
  ranked.sort((i, j) => (less(i, j, nowMs) ? -1 : less(j, i, nowMs) ? 1 : 0))
  return ranked.slice(0, diff).map((r) => r.pod)
}
