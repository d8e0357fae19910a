// Port of stateful_set_status_updater.go plus completeRollingUpdate (stateful_set_utils.go):
// the only writer of a StatefulSet's .status.
import type { StatefulSet, StatefulSetStatus } from '../../model'
import type { SimContext } from '../../simContext'

export class StatefulSetStatusUpdater {
  constructor(private readonly ctx: SimContext) {}

  updateStatefulSetStatus(set: StatefulSet, status: StatefulSetStatus): void {
    const next = completeRollingUpdate(set, status)
    if (JSON.stringify(set.status) === JSON.stringify(next)) return
    this.ctx.api.updateStatus<StatefulSet>({ ...set, status: next })
  }
}

/**
 * When a RollingUpdate has reached every replica, the update revision becomes the current one.
 * updateRevision is left as it is (the upstream comment says otherwise; the code does not clear it).
 */
export function completeRollingUpdate(set: StatefulSet, status: StatefulSetStatus): StatefulSetStatus {
  const replicas = set.spec.replicas ?? 1
  if (
    set.spec.updateStrategy?.type === 'RollingUpdate' &&
    status.updatedReplicas === status.replicas &&
    status.readyReplicas === status.replicas &&
    status.replicas === replicas
  ) {
    return { ...status, currentReplicas: status.updatedReplicas, currentRevision: status.updateRevision }
  }
  return status
}
