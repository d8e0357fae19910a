// Port of pkg/controller/deployment/rolling.go: the RollingUpdate strategy. Each sync first grows
// the new ReplicaSet as far as maxSurge allows, else shrinks the old ones as far as maxUnavailable
// allows (unhealthy old pods first), so that at every step at most replicas + maxSurge pods are
// asked for and at least replicas − maxUnavailable stay available.
import type { Deployment, ReplicaSet } from '../../model'
import { byCreationTimestamp, filterActiveReplicaSets, specReplicas } from '../replicaset/utils'
import { syncRolloutStatus } from './progress'
import type { DeploymentSync } from './sync'
import {
  availableReplicaCount,
  deploymentComplete,
  deploymentReplicas,
  maxUnavailable,
  newRSNewReplicas,
  replicaCount,
} from './util'

export function rolloutRolling(
  dc: DeploymentSync,
  d: Deployment,
  rsList: ReplicaSet[],
  requeue: (afterMs: number) => void,
): void {
  const { newRS, oldRSs } = dc.getAllReplicaSetsAndSyncRevision(d, rsList, true)
  if (!newRS) return
  const allRSs = [...oldRSs, newRS]
  if (reconcileNewReplicaSet(dc, allRSs, newRS, d)) return syncRolloutStatus(dc, allRSs, newRS, d, requeue)
  if (reconcileOldReplicaSets(dc, allRSs, filterActiveReplicaSets(oldRSs), newRS, d))
    return syncRolloutStatus(dc, allRSs, newRS, d, requeue)
  if (deploymentComplete(d, d.status ?? {})) dc.cleanupDeployment(oldRSs, d)
  syncRolloutStatus(dc, allRSs, newRS, d, requeue)
}

/** reconcileNewReplicaSet: scale the new set toward spec.replicas within maxSurge. */
function reconcileNewReplicaSet(
  dc: DeploymentSync,
  allRSs: ReplicaSet[],
  newRS: ReplicaSet,
  d: Deployment,
): boolean {
  const replicas = deploymentReplicas(d)
  if (specReplicas(newRS) === replicas) return false
  if (specReplicas(newRS) > replicas) return dc.scaleReplicaSetAndRecordEvent(newRS, replicas, d).scaled
  return dc.scaleReplicaSetAndRecordEvent(newRS, newRSNewReplicas(d, allRSs, newRS), d).scaled
}

/**
 * reconcileOldReplicaSets: scale down old sets by at most
 * allPods − minAvailable − (new set's unavailable pods), unhealthy replicas first.
 */
function reconcileOldReplicaSets(
  dc: DeploymentSync,
  allRSs: ReplicaSet[],
  oldRSs: ReplicaSet[],
  newRS: ReplicaSet,
  d: Deployment,
): boolean {
  if (replicaCount(oldRSs) === 0) return false
  const allPodsCount = replicaCount(allRSs)
  const minAvailable = deploymentReplicas(d) - maxUnavailable(d)
  const newRSUnavailable = specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0)
  const maxScaledDown = allPodsCount - minAvailable - newRSUnavailable
  if (maxScaledDown <= 0) return false
  const { sets, cleaned } = cleanupUnhealthyReplicas(dc, oldRSs, d, maxScaledDown)
  const scaledDown = scaleDownOldReplicaSetsForRollingUpdate(dc, [...sets, newRS], sets, d)
  return cleaned + scaledDown > 0
}

/** cleanupUnhealthyReplicas: old sets shed their unavailable replicas first (oldest set first). */
function cleanupUnhealthyReplicas(
  dc: DeploymentSync,
  oldRSs: ReplicaSet[],
  d: Deployment,
  maxCleanupCount: number,
): { sets: ReplicaSet[]; cleaned: number } {
  const sets = [...oldRSs].sort(byCreationTimestamp)
  let total = 0
  sets.forEach((rs, i) => {
    if (total >= maxCleanupCount) return
    const replicas = specReplicas(rs)
    const available = rs.status?.availableReplicas ?? 0
    if (replicas === 0 || replicas === available) return
    const count = Math.min(maxCleanupCount - total, replicas - available)
    sets[i] = dc.scaleReplicaSetAndRecordEvent(rs, replicas - count, d).rs
    total += count
  })
  return { sets, cleaned: total }
}

/** scaleDownOldReplicaSetsForRollingUpdate: only the available pods above minAvailable go, oldest set first. */
function scaleDownOldReplicaSetsForRollingUpdate(
  dc: DeploymentSync,
  allRSs: ReplicaSet[],
  oldRSs: ReplicaSet[],
  d: Deployment,
): number {
  const minAvailable = deploymentReplicas(d) - maxUnavailable(d)
  const available = availableReplicaCount(allRSs)
  if (available <= minAvailable) return 0
  const sets = [...oldRSs].sort(byCreationTimestamp)
  const totalToScaleDown = available - minAvailable
  let total = 0
  for (const rs of sets) {
    if (total >= totalToScaleDown) break
    if (specReplicas(rs) === 0) continue
    const count = Math.min(specReplicas(rs), totalToScaleDown - total)
    dc.scaleReplicaSetAndRecordEvent(rs, specReplicas(rs) - count, d)
    total += count
  }
  return total
}
