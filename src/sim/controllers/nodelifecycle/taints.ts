// Taints and tolerations (k8s.io/api/core/v1 toleration.go and taint.go, pkg/apis/core/v1/helper
// GetMatchingTolerations and FindMatchingUntoleratedTaint, pkg/util/taints): the well-known taint
// keys the node lifecycle controller manages and the matching rules the scheduler and the taint
// eviction controller share.
import type { Taint, Toleration } from '../../model'

export const TAINT_NODE_NOT_READY = 'node.kubernetes.io/not-ready'
export const TAINT_NODE_UNREACHABLE = 'node.kubernetes.io/unreachable'
export const TAINT_NODE_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable'
export const TAINT_NODE_MEMORY_PRESSURE = 'node.kubernetes.io/memory-pressure'
export const TAINT_NODE_DISK_PRESSURE = 'node.kubernetes.io/disk-pressure'
export const TAINT_NODE_PID_PRESSURE = 'node.kubernetes.io/pid-pressure'

export const UNREACHABLE_TAINT: Taint = { key: TAINT_NODE_UNREACHABLE, effect: 'NoExecute' }
export const NOT_READY_TAINT: Taint = { key: TAINT_NODE_NOT_READY, effect: 'NoExecute' }

/** Toleration.ToleratesTaint: empty effect or key match any; operator Equal (or empty) compares values. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false
  if (t.key && t.key !== taint.key) return false
  switch (t.operator ?? '') {
    case '':
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '')
    case 'Exists':
      return true
    default:
      return false
  }
}

export function tolerationsTolerateTaint(
  tolerations: readonly Toleration[] | undefined,
  taint: Taint,
): boolean {
  return (tolerations ?? []).some((t) => toleratesTaint(t, taint))
}

/** Taint.MatchTaint: same key and effect (the value does not matter). */
export function matchTaint(a: Taint, b: Taint): boolean {
  return a.key === b.key && a.effect === b.effect
}

export function taintExists(taints: readonly Taint[] | undefined, taint: Taint): boolean {
  return (taints ?? []).some((t) => matchTaint(t, taint))
}

/** Taints the scheduler filters on (DoNotScheduleTaintsFilterFunc): NoSchedule and NoExecute. */
export function doNotSchedule(taint: Taint): boolean {
  return taint.effect === 'NoSchedule' || taint.effect === 'NoExecute'
}

/** The first taint passing `filter` that no toleration tolerates, if any. */
export function findMatchingUntoleratedTaint(
  taints: readonly Taint[] | undefined,
  tolerations: readonly Toleration[] | undefined,
  filter: (t: Taint) => boolean,
): Taint | undefined {
  return (taints ?? []).find((t) => filter(t) && !tolerationsTolerateTaint(tolerations, t))
}

/**
 * GetMatchingTolerations: whether every taint is tolerated, and for each taint the first
 * toleration that does.
 */
export function getMatchingTolerations(
  taints: readonly Taint[],
  tolerations: readonly Toleration[] | undefined,
): { allTolerated: boolean; used: Toleration[] } {
  const used: Toleration[] = []
  for (const taint of taints) {
    const t = (tolerations ?? []).find((x) => toleratesTaint(x, taint))
    if (!t) return { allTolerated: false, used: [] }
    used.push(t)
  }
  return { allTolerated: true, used }
}

/** getMinTolerationTime in ms: 0 for none or any non-positive, -1 for forever. */
export function minTolerationMs(tolerations: readonly Toleration[]): number {
  if (tolerations.length === 0) return 0
  let min = Infinity
  for (const t of tolerations) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue
    if (t.tolerationSeconds <= 0) return 0
    min = Math.min(min, t.tolerationSeconds)
  }
  return min === Infinity ? -1 : min * 1000
}

/** Taint.ToString: `key=value:Effect`, or `key:Effect` without a value. */
export function taintString(t: Taint): string {
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`
}
