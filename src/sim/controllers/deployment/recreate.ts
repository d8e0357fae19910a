// Port of pkg/controller/deployment/recreate.go: the Recreate strategy. Old sets go to 0 first;
// the new set is created and scaled up only once no old pod is left running (terminating pods
// still count), so old and new pods never run side by side.
import type { Deployment, Pod, ReplicaSet } from '../../model'
import { filterActiveReplicaSets } from '../replicaset/utils'
import { syncRolloutStatus } from './progress'
import type { DeploymentSync } from './sync'
import { actualReplicaCount, deploymentComplete, deploymentReplicas } from './util'

/** podMap: each owned set's uid → the pods it controls (terminating ones included). */
export type PodMap = ReadonlyMap<string, readonly Pod[]>

export function rolloutRecreate(
  dc: DeploymentSync,
  d: Deployment,
  rsList: ReplicaSet[],
  podMap: PodMap,
  requeue: (afterMs: number) => void,
): void {
  let { newRS, oldRSs } = dc.getAllReplicaSetsAndSyncRevision(d, rsList, false)
  let allRSs = [...oldRSs, newRS]
  let scaledDown = false
  for (const rs of filterActiveReplicaSets(oldRSs)) {
    dc.scaleReplicaSetAndRecordEvent(rs, 0, d)
    scaledDown = true
  }
  if (scaledDown || oldPodsRunning(newRS, oldRSs, podMap))
    return syncRolloutStatus(dc, allRSs, newRS, d, requeue)
  if (!newRS) {
    ;({ newRS, oldRSs } = dc.getAllReplicaSetsAndSyncRevision(d, rsList, true))
    allRSs = [...oldRSs, newRS]
  }
  if (newRS) dc.scaleReplicaSetAndRecordEvent(newRS, deploymentReplicas(d), d)
  if (deploymentComplete(d, d.status ?? {})) dc.cleanupDeployment(oldRSs, d)
  syncRolloutStatus(dc, allRSs, newRS, d, requeue)
}

/** oldPodsRunning: an old set still reports pods, or an old pod has not finished. */
function oldPodsRunning(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[], podMap: PodMap): boolean {
  if (actualReplicaCount(oldRSs) > 0) return true
  for (const [uid, pods] of podMap) {
    if (newRS && newRS.metadata.uid === uid) continue
    if (pods.some((p) => p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded')) return true
  }
  return false
}
