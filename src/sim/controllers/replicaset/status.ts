// Port of replica_set_utils.go (calculateStatus, updateReplicaSetStatus, the ReplicaFailure
// condition helpers): the only writer of a ReplicaSet's .status. Counts are of the active pods the
// sync started from; terminating pods are not counted (the DeploymentReplicaSetTerminatingReplicas
// gate is off in v1.34).
import type { Pod, ReplicaSet, ReplicaSetCondition, ReplicaSetStatus } from '../../model'
import type { SimContext } from '../../simContext'
import { mapSelectorMatches } from '../../api/labels'
import { isPodAvailable, isPodReady, specReplicas } from './utils'

/** calculateStatus: replicas, fullyLabeled, ready and available counts, and ReplicaFailure. */
export function calculateStatus(
  rs: ReplicaSet,
  activePods: readonly Pod[],
  manageReplicasErr: string | undefined,
  now: { ms: number; timestamp: string },
): ReplicaSetStatus {
  const templateLabels = rs.spec.template.metadata?.labels ?? {}
  const minReady = rs.spec.minReadySeconds ?? 0
  let fullyLabeled = 0
  let ready = 0
  let available = 0
  for (const pod of activePods) {
    if (mapSelectorMatches(templateLabels, pod.metadata.labels)) fullyLabeled++
    if (isPodReady(pod)) {
      ready++
      if (isPodAvailable(pod, minReady, now.ms)) available++
    }
  }
  let conditions = rs.status?.conditions ?? []
  const failure = conditions.find((c) => c.type === 'ReplicaFailure')
  if (manageReplicasErr !== undefined && !failure) {
    const diff = activePods.length - specReplicas(rs)
    const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : ''
    const cond: ReplicaSetCondition = {
      type: 'ReplicaFailure',
      status: 'True',
      lastTransitionTime: now.timestamp,
      reason,
      message: manageReplicasErr,
    }
    conditions = [...conditions, cond]
  } else if (manageReplicasErr === undefined && failure) {
    conditions = conditions.filter((c) => c.type !== 'ReplicaFailure')
  }
  return {
    replicas: activePods.length,
    fullyLabeledReplicas: fullyLabeled,
    readyReplicas: ready,
    availableReplicas: available,
    ...(rs.status?.observedGeneration !== undefined
      ? { observedGeneration: rs.status.observedGeneration }
      : {}),
    ...(conditions.length ? { conditions } : {}),
  }
}

/**
 * updateReplicaSetStatus: writes `status` with observedGeneration = generation, unless nothing
 * changed. Returns the set as stored.
 */
export function updateReplicaSetStatus(
  ctx: SimContext,
  rs: ReplicaSet,
  status: ReplicaSetStatus,
): ReplicaSet {
  const next: ReplicaSetStatus = { ...status, observedGeneration: rs.metadata.generation ?? 1 }
  const s = rs.status
  if (
    s &&
    s.replicas === next.replicas &&
    s.fullyLabeledReplicas === next.fullyLabeledReplicas &&
    s.readyReplicas === next.readyReplicas &&
    s.availableReplicas === next.availableReplicas &&
    s.observedGeneration === next.observedGeneration &&
    JSON.stringify(s.conditions) === JSON.stringify(next.conditions)
  )
    return rs
  return ctx.api.updateStatus<ReplicaSet>({ ...rs, status: next })
}
