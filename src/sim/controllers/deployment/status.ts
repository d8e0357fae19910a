// The status half of pkg/controller/deployment/sync.go (calculateStatus): counts summed over the
// ReplicaSets and the Available condition. Pure.
import type { Deployment, DeploymentStatus, ReplicaSet } from '../../model'
import {
  actualReplicaCount,
  availableReplicaCount,
  deploymentReplicas,
  maxUnavailable,
  MINIMUM_REPLICAS_AVAILABLE,
  MINIMUM_REPLICAS_UNAVAILABLE,
  newCondition,
  readyReplicaCount,
  replicaCount,
  setCondition,
} from './util'

/**
 * calculateStatus: counts summed over the sets (zero counts omitted, as Go's omitempty does) and
 * the Available condition: at least replicas − maxUnavailable available.
 */
export function calculateStatus(
  allRSs: readonly (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
  d: Deployment,
  now: string,
): DeploymentStatus {
  const available = availableReplicaCount(allRSs)
  const unavailable = Math.max(0, replicaCount(allRSs) - available)
  const counts: Record<string, number | undefined> = {
    observedGeneration: d.metadata.generation ?? 1,
    replicas: actualReplicaCount(allRSs),
    updatedReplicas: actualReplicaCount([newRS]),
    readyReplicas: readyReplicaCount(allRSs),
    availableReplicas: available,
    unavailableReplicas: unavailable,
  }
  const status: DeploymentStatus = {}
  for (const [k, v] of Object.entries(counts)) if (v) (status as Record<string, number>)[k] = v
  if (d.status?.conditions?.length) status.conditions = [...d.status.conditions]
  if (d.status?.collisionCount) status.collisionCount = d.status.collisionCount
  if (available >= deploymentReplicas(d) - maxUnavailable(d)) {
    const msg = 'Deployment has minimum availability.'
    setCondition(status, newCondition('Available', 'True', MINIMUM_REPLICAS_AVAILABLE, msg, now))
  } else {
    const msg = 'Deployment does not have minimum availability.'
    setCondition(status, newCondition('Available', 'False', MINIMUM_REPLICAS_UNAVAILABLE, msg, now))
  }
  return status
}
