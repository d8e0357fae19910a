// Port of pkg/controller/deployment/progress.go: the rollout's status with the Progressing
// condition (NewReplicaSetAvailable, ReplicaSetUpdated, ProgressDeadlineExceeded), ReplicaFailure
// promoted from the sets, and the requeue that notices a stuck rollout at its deadline.
import type { Deployment, DeploymentCondition, ReplicaSet } from '../../model'
import { deepEqual } from '../../api/apiServer'
import { simTimeOf } from '../../runtime/time'
import type { DeploymentSync } from './sync'
import { calculateStatus } from './status'
import {
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  getCondition,
  hasProgressDeadline,
  NEW_RS_AVAILABLE,
  newCondition,
  removeCondition,
  REPLICA_SET_UPDATED,
  setCondition,
  TIMED_OUT,
} from './util'

/**
 * syncRolloutStatus: writes the rollout's status. `requeue` schedules the deployment's next sync
 * after a delay in ms (0 means soon, rate-limited).
 */
export function syncRolloutStatus(
  dc: DeploymentSync,
  allRSs: (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
  d: Deployment,
  requeue: (afterMs: number) => void,
): void {
  const now = dc.now()
  const status = calculateStatus(allRSs, newRS, d, now)
  if (!hasProgressDeadline(d)) removeCondition(status, 'Progressing')
  const currentCond = getCondition(d.status, 'Progressing')
  const isCompleteDeployment =
    (status.replicas ?? 0) === (status.updatedReplicas ?? 0) && currentCond?.reason === NEW_RS_AVAILABLE
  const subject = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`
  if (hasProgressDeadline(d) && !isCompleteDeployment) {
    if (deploymentComplete(d, status)) {
      const msg = `${subject} has successfully progressed.`
      setCondition(status, newCondition('Progressing', 'True', NEW_RS_AVAILABLE, msg, now))
    } else if (deploymentProgressing(d, status)) {
      // Progress refreshes lastUpdateTime even with the same reason (hence remove, then set).
      const cond = newCondition('Progressing', 'True', REPLICA_SET_UPDATED, `${subject} is progressing.`, now)
      if (currentCond) {
        if (currentCond.status === 'True') cond.lastTransitionTime = currentCond.lastTransitionTime
        removeCondition(status, 'Progressing')
      }
      setCondition(status, cond)
    } else if (deploymentTimedOut(d, status, dc.ctx.queue.now)) {
      const msg = `${subject} has timed out progressing.`
      setCondition(status, newCondition('Progressing', 'False', TIMED_OUT, msg, now))
    }
  }
  const failure = replicaFailures(allRSs, newRS)
  if (failure) setCondition(status, failure)
  else removeCondition(status, 'ReplicaFailure')

  // Nothing new: requeue if the rollout may be stuck (a write comes back as another sync).
  if (deepEqual(d.status ?? {}, status)) return requeueStuckDeployment(dc, d, status, requeue)
  d.status = status
  dc.writeStatus(d)
}

/** getReplicaFailures: the new set's ReplicaFailure condition, else an old set's. */
function replicaFailures(
  allRSs: (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
): DeploymentCondition | undefined {
  for (const rs of [newRS, ...allRSs]) {
    const c = rs?.status?.conditions?.find((x) => x.type === 'ReplicaFailure')
    if (c)
      return {
        type: 'ReplicaFailure',
        status: c.status,
        lastUpdateTime: c.lastTransitionTime,
        lastTransitionTime: c.lastTransitionTime,
        reason: c.reason,
        message: c.message,
      }
  }
  return undefined
}

/** requeueStuckDeployment: look again when the Progressing condition would pass its deadline. */
function requeueStuckDeployment(
  dc: DeploymentSync,
  d: Deployment,
  status: Deployment['status'] & object,
  requeue: (afterMs: number) => void,
): void {
  const currentCond = getCondition(d.status, 'Progressing')
  if (!hasProgressDeadline(d) || !currentCond?.lastUpdateTime) return
  if (deploymentComplete(d, status) || currentCond.reason === TIMED_OUT) return
  const deadline = simTimeOf(currentCond.lastUpdateTime) + (d.spec.progressDeadlineSeconds ?? 0) * 1000
  const after = deadline - dc.ctx.queue.now
  // Add a second to avoid milliseconds skew, as Go does.
  requeue(after < 1000 ? 0 : after + 1000)
}
