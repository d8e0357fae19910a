// Port of stateful_set_control.go (updateStatefulSet / processReplica / processCondemned, the
// v1.29–v1.31 shape): one level-triggered pass over a set's replicas. OrderedReady ("monotonic")
// stops at the first thing it must wait for; Parallel keeps going. Scaling comes before updates.
// maxUnavailable counts only with the MaxUnavailableStatefulSet gate on (off in v1.34: see featureGates.ts).
import type { ControllerRevision, Pod, StatefulSet, StatefulSetStatus } from '../../model'
import type { SimContext } from '../../simContext'
import { StatefulPodControl } from './statefulPodControl'
import { applyRevision } from './revisions'
import {
  allowsBurst,
  getEndOrdinal,
  getStartOrdinal,
  invariantsHold,
  isAvailable,
  newStatefulSetPod,
  podFacts,
  type PodFacts,
} from './utils'

const COMPONENT = 'statefulset-controller'
const MAX_BATCH_SIZE = 500

export interface Revisions {
  current: ControllerRevision
  update: ControllerRevision
}

export interface SyncResult {
  status: StatefulSetStatus
  /** Set when the pass must look again after a delay (minReadySeconds). */
  requeueAfterMs?: number
  /** A create or delete failed: the work queue retries with back-off. */
  failed?: boolean
}

export class StatefulSetControl {
  private readonly podControl: StatefulPodControl

  constructor(private readonly ctx: SimContext) {
    this.podControl = new StatefulPodControl(ctx)
  }

  /**
   * updateStatefulSet: creates, deletes and replaces pods; returns the status to write. `pods`
   * are the set's pods as their records (podFacts), looked up once per sync.
   */
  updateStatefulSet(set: StatefulSet, revisions: Revisions, pods: readonly PodFacts[]): SyncResult {
    const now = this.ctx.queue.now
    const currentSet = applyRevision(set, revisions.current)
    const updateSet = applyRevision(set, revisions.update)
    const start = getStartOrdinal(set)
    const end = getEndOrdinal(set)
    const replicaCount = Math.max(0, end - start + 1)
    const minReadySeconds = set.spec.minReadySeconds ?? 0
    const result: SyncResult = { status: { replicas: 0, availableReplicas: 0 } }

    const replicas: (PodFacts | undefined)[] = new Array(replicaCount).fill(undefined)
    const condemned: PodFacts[] = []
    for (const f of pods) {
      const ordinal = f.ordinal
      if (ordinal >= start && ordinal <= end) replicas[ordinal - start] = f
      else if (ordinal >= 0) condemned.push(f)
    }
    // Missing ordinals get the revision their position calls for (newVersionedStatefulSetPod).
    // Built only when reached: OrderedReady with many replicas would otherwise build them all each sync.
    const replica = (i: number): PodFacts => {
      const existing = replicas[i]
      if (existing) return existing
      const f = podFacts(this.newVersionedPod(set, currentSet, updateSet, revisions, start + i))
      replicas[i] = f
      return f
    }
    condemned.sort((a, b) => a.ordinal - b.ordinal)

    const finish = (): SyncResult => {
      result.status = computeStatus(set, revisions, pods, now)
      // Pods still inside minReadySeconds become available without any event: look again then.
      if (minReadySeconds > 0 && result.status.availableReplicas !== (set.spec.replicas ?? 1)) {
        result.requeueAfterMs = minReadySeconds * 1000
      }
      return result
    }
    // While the set is being deleted the controller only reports status.
    if (set.metadata.deletionTimestamp) return finish()

    let firstUnhealthyPod: PodFacts | undefined
    for (let i = 0; i < replicaCount; i++) {
      if (!replicas[i]?.healthy) {
        firstUnhealthyPod = replica(i)
        break
      }
    }
    // Then the lowest unhealthy condemned pod (condemned is in ascending ordinal order here).
    if (!firstUnhealthyPod) firstUnhealthyPod = condemned.find((f) => !f.healthy)

    const monotonic = !allowsBurst(set)
    const processReplica = (i: number): boolean => {
      const f = replica(i)
      const pod = f.pod
      // Failed or Succeeded pods are deleted; the replacement comes once the old object is gone.
      if (f.phase === 'Failed' || f.phase === 'Succeeded') {
        if (!f.terminating) {
          this.ctx.recorder.record(
            set,
            'Warning',
            'RecreatingFailedPod',
            `StatefulSet ${set.metadata.namespace}/${set.metadata.name} is recreating failed Pod ${pod.metadata.name}`,
            COMPONENT,
          )
          this.podControl.deleteStatefulPod(set, pod)
        }
        return true
      }
      if (!f.uid) {
        // A claim still owned by an earlier pod of this name must be gone first. Kubernetes looks
        // again on a later event or resync; the simulator looks again after a second.
        if (this.podControl.podClaimIsStale(set, pod)) {
          result.requeueAfterMs = 1000
          return true
        }
        const err = this.podControl.createStatefulPod(set, pod)
        if (err) {
          result.failed = true
          return true
        }
        return monotonic
      }
      // A claim still being deleted fails the sync: the work queue retries until it is gone.
      if (f.phase === 'Pending' && this.podControl.createMissingPersistentVolumeClaims(set, pod)) {
        result.failed = true
        return true
      }
      if (f.terminating && monotonic) return true
      if (!f.runningAndReady && monotonic) return true
      if (!isAvailable(f, minReadySeconds, now) && monotonic) {
        result.requeueAfterMs = minReadySeconds * 1000
        return true
      }
      // Enforce the invariants: identity (labels edited by hand) and the claims' retention references.
      if (!invariantsHold(set, f) || !this.podControl.claimsMatchRetentionPolicy(set, pod)) {
        this.podControl.updateStatefulPod(set, pod)
      }
      return false
    }
    if (runForAll(replicaCount, processReplica, monotonic)) return finish()

    // Claims of condemned pods get the pod as owner (whenScaled: Delete) before the pod goes.
    const fixPodClaim = (j: number): boolean => {
      const pod = condemned[j]!.pod
      if (this.podControl.claimsMatchRetentionPolicy(set, pod)) return false
      const err = this.podControl.updatePodClaimForRetentionPolicy(set, pod)
      if (err) result.failed = true
      return !!err
    }
    if (runForAll(condemned.length, fixPodClaim, monotonic)) return finish()

    const processCondemned = (j: number): boolean => {
      const f = condemned[condemned.length - 1 - j]!
      if (f.terminating) return monotonic
      if (!f.runningAndReady && monotonic && f !== firstUnhealthyPod) return true
      if (!isAvailable(f, minReadySeconds, now) && monotonic && f !== firstUnhealthyPod) {
        result.requeueAfterMs = minReadySeconds * 1000
        return true
      }
      this.podControl.deleteStatefulPod(set, f.pod)
      return monotonic
    }
    if (runForAll(condemned.length, processCondemned, monotonic)) return finish()

    if (set.spec.updateStrategy?.type === 'OnDelete') return finish()
    const updateMin = set.spec.updateStrategy?.rollingUpdate?.partition ?? 0
    if (this.ctx.featureGates.MaxUnavailableStatefulSet) {
      this.rollWithMaxUnavailable(set, revisions, replicaCount, replica, updateMin, minReadySeconds)
      return finish()
    }
    // Rolling update: replace the highest-ordinal pod not at updateRevision, one at a time.
    for (let target = replicaCount - 1; target >= updateMin; target--) {
      const f = replica(target)
      if (isOutdated(f, revisions)) {
        this.podControl.deleteStatefulPod(set, f.pod)
        return finish()
      }
      if (!f.healthy) return finish()
    }
    return finish()
  }

  /**
   * updateStatefulSetAfterInvariantEstablished with MaxUnavailableStatefulSet on: count the
   * unavailable pods in range, then delete up to maxUnavailable minus that many outdated pods,
   * highest ordinal first, none below the partition.
   */
  private rollWithMaxUnavailable(
    set: StatefulSet,
    revisions: Revisions,
    replicaCount: number,
    replica: (i: number) => PodFacts,
    updateMin: number,
    minReadySeconds: number,
  ): void {
    const now = this.ctx.queue.now
    const maxUnavailable = getMaxUnavailable(
      set.spec.updateStrategy?.rollingUpdate?.maxUnavailable,
      replicaCount,
    )
    let unavailable = 0
    for (let i = 0; i < replicaCount; i++) {
      const f = replica(i)
      if (!isAvailable(f, minReadySeconds, now) || f.terminating) unavailable++
    }
    let toDelete = maxUnavailable - unavailable
    for (let target = replicaCount - 1; target >= updateMin && toDelete > 0; target--) {
      const f = replica(target)
      if (isOutdated(f, revisions)) {
        this.podControl.deleteStatefulPod(set, f.pod)
        toDelete--
      }
    }
  }

  /** newVersionedStatefulSetPod: ordinals below the partition keep the current revision. */
  private newVersionedPod(
    set: StatefulSet,
    currentSet: StatefulSet,
    updateSet: StatefulSet,
    revisions: Revisions,
    ordinal: number,
  ): Pod {
    const strategy = set.spec.updateStrategy
    const start = getStartOrdinal(set)
    const rollingUpdate = strategy?.rollingUpdate
    const useCurrent =
      (strategy?.type === 'RollingUpdate' &&
        !rollingUpdate &&
        ordinal < start + (set.status?.currentReplicas ?? 0)) ||
      (!!rollingUpdate && ordinal < start + (rollingUpdate.partition ?? 0))
    return useCurrent
      ? newStatefulSetPod(set, currentSet, ordinal, revisions.current.metadata.name)
      : newStatefulSetPod(set, updateSet, ordinal, revisions.update.metadata.name)
  }
}

/** A created pod, not terminating, at a revision other than the update revision: the roll replaces it. */
function isOutdated(f: PodFacts, revisions: Revisions): boolean {
  return f.created && f.revision !== revisions.update.metadata.name && !f.terminating
}

/** getStatefulSetMaxUnavailable: an int or a percentage of replicas rounded down, at least 1. */
export function getMaxUnavailable(value: number | string | undefined, replicas: number): number {
  let n = 1
  if (typeof value === 'number') n = value
  else if (typeof value === 'string' && value.endsWith('%'))
    n = Math.floor((Number(value.slice(0, -1)) * replicas) / 100)
  // Validation rejects anything else; a value that still cannot be read counts as 1, not as NaN.
  return Number.isFinite(n) ? Math.max(1, n) : 1
}

/**
 * runForAll: monotonic → in order, stopping at the first fn that asks to; otherwise all, in
 * slow-start batches (1, 2, 4, … capped at 500) as slowStartBatch does. Returns whether to stop.
 */
function runForAll(count: number, fn: (i: number) => boolean, monotonic: boolean): boolean {
  if (monotonic) {
    for (let i = 0; i < count; i++) if (fn(i)) return true
    return false
  }
  let i = 0
  for (let batch = 1; i < count; batch = Math.min(2 * batch, MAX_BATCH_SIZE)) {
    const stop = Math.min(count, i + batch)
    for (; i < stop; i++) fn(i)
  }
  return false
}

/** computeReplicaStatus + the revision fields (stateful_set_control.go). */
export function computeStatus(
  set: StatefulSet,
  revisions: Revisions,
  pods: readonly PodFacts[],
  now: number,
): StatefulSetStatus {
  const minReadySeconds = set.spec.minReadySeconds ?? 0
  const status: StatefulSetStatus = {
    observedGeneration: set.metadata.generation,
    replicas: 0,
    readyReplicas: 0,
    currentReplicas: 0,
    updatedReplicas: 0,
    availableReplicas: 0,
    currentRevision: revisions.current.metadata.name,
    updateRevision: revisions.update.metadata.name,
    collisionCount: set.status?.collisionCount ?? 0,
  }
  for (const f of pods) {
    if (!f.created) continue
    status.replicas++
    if (f.runningAndReady) {
      status.readyReplicas!++
      if (isAvailable(f, minReadySeconds, now)) status.availableReplicas++
    }
    if (!f.terminating) {
      if (f.revision === status.currentRevision) status.currentReplicas!++
      if (f.revision === status.updateRevision) status.updatedReplicas!++
    }
  }
  // These three are `omitempty` in the API: zero means absent.
  for (const field of ['readyReplicas', 'currentReplicas', 'updatedReplicas'] as const) {
    if (status[field] === 0) delete status[field]
  }
  return status
}
