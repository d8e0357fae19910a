// Port of pkg/controller/replicaset/replica_set.go: watches ReplicaSets and pods, queues the set a
// change concerns, and syncs it — claiming pods (adopting matching orphans, releasing owned pods
// that no longer match), creating or deleting pods to reach spec.replicas, and writing status.
// Simplified: the API server answers synchronously, so no creation/deletion expectations are
// kept (a sync always sees its own writes); creates within a sync run one after another in
// slow-start batches (1, 2, 4, …) that stop at the first batch with a failure.
import type { Pod, ReplicaSet } from '../../model'
import type { WatchEvent } from '../../api/store'
import { objectKey } from '../../api/store'
import { selectorMatches } from '../../api/labels'
import type { SimContext } from '../../simContext'
import { simTimeOf } from '../../runtime/time'
import { Controller } from '../controller'
import { PodControl } from './podControl'
import { getPodsToDelete } from './ranking'
import { calculateStatus, updateReplicaSetStatus } from './status'
import {
  getControllerOf,
  isPodActive,
  newControllerRef,
  podReadyCondition,
  specReplicas,
  statusOnlyChange,
} from './utils'

/** The most pods one sync creates or deletes (replica_set.go BurstReplicas). */
export const BURST_REPLICAS = 500

export class ReplicaSetController extends Controller {
  readonly name = 'replicaset-controller'
  private readonly podControl: PodControl

  constructor(ctx: SimContext) {
    super(ctx)
    this.podControl = new PodControl(ctx)
  }

  onWatch(e: WatchEvent): void {
    const obj = e.object
    if (obj.kind === 'ReplicaSet') {
      // Its own status write changes nothing a sync reads: skip that echo.
      if (e.type === 'MODIFIED' && e.oldObject && statusOnlyChange(e.oldObject, obj)) return
      this.enqueue(objectKey(obj.metadata.namespace, obj.metadata.name))
    } else if (obj.kind === 'Pod') {
      this.onPod(e.type, obj as Pod, e.oldObject as Pod | undefined)
    }
  }

  /** addPod, updatePod, deletePod: the owning set, or (for an orphan) every set that matches it. */
  private onPod(type: WatchEvent['type'], pod: Pod, old: Pod | undefined): void {
    const ns = pod.metadata.namespace
    const ref = getControllerOf(pod)
    const oldRef = old && getControllerOf(old)
    // Pods of other controllers (a StatefulSet's) concern no ReplicaSet: the common case, checked first.
    if (ref && ref.kind !== 'ReplicaSet' && (!oldRef || oldRef.uid === ref.uid)) return
    if (type === 'MODIFIED' && old && !visibleChange(old, pod)) return
    if (oldRef?.kind === 'ReplicaSet' && oldRef.uid !== ref?.uid) this.enqueue(objectKey(ns, oldRef.name))
    if (ref) {
      if (ref.kind === 'ReplicaSet') this.enqueue(objectKey(ns, ref.name))
      return
    }
    if (type === 'DELETED') return
    if (type === 'MODIFIED' && old && old.metadata.labels === pod.metadata.labels && !oldRef) return
    for (const rs of this.ctx.store.list<ReplicaSet>('ReplicaSet', ns)) {
      if (selectorMatches(rs.spec.selector, pod.metadata.labels))
        this.enqueue(objectKey(ns, rs.metadata.name))
    }
  }

  /** `ns/name`, or `ns/name|later` for the look when a ready pod turns available. */
  sync(queued: string): void {
    const key = queued.split('|')[0]!
    const [namespace, name] = key.split('/') as [string, string]
    const rs = this.ctx.store.get<ReplicaSet>('ReplicaSet', namespace, name)
    if (!rs) return
    const active = this.ctx.store.list<Pod>('Pod', namespace).filter(isPodActive)
    const pods = this.claimPods(rs, active)
    const manageErr = rs.metadata.deletionTimestamp ? undefined : this.manageReplicas(pods, rs)
    const latest = this.ctx.store.get<ReplicaSet>('ReplicaSet', namespace, name)
    if (!latest) return
    const now = { ms: this.ctx.queue.now, timestamp: this.ctx.api.now() }
    updateReplicaSetStatus(this.ctx, latest, calculateStatus(latest, pods, manageErr, now))
    // Go requeues minReadySeconds after a pod turns ready; here the sync looks again when the
    // next ready pod turns available (a key of its own, so it does not hold back other syncs).
    const next = nextAvailableAt(pods, latest.spec.minReadySeconds ?? 0, now.ms)
    if (next !== undefined) this.enqueue(`${key}|later`, next - now.ms)
    if (manageErr !== undefined) this.retry(key)
    else this.forget(key)
  }

  /** ClaimPods: owned pods that still match, plus adopted orphans; owned pods that stopped matching are released. */
  private claimPods(rs: ReplicaSet, active: readonly Pod[]): Pod[] {
    const claimed: Pod[] = []
    const deleting = !!rs.metadata.deletionTimestamp
    for (const pod of active) {
      const ref = getControllerOf(pod)
      const matches = selectorMatches(rs.spec.selector, pod.metadata.labels)
      if (ref) {
        if (ref.uid !== rs.metadata.uid) continue
        if (matches) claimed.push(pod)
        else if (!deleting) this.release(rs, pod)
      } else if (!deleting && matches) {
        claimed.push(this.adopt(rs, pod))
      }
    }
    return claimed
  }

  private adopt(rs: ReplicaSet, pod: Pod): Pod {
    const refs = [...(pod.metadata.ownerReferences ?? []), newControllerRef(rs)]
    return this.ctx.api.update<Pod>({ ...pod, metadata: { ...pod.metadata, ownerReferences: refs } })
  }

  private release(rs: ReplicaSet, pod: Pod): void {
    const refs = (pod.metadata.ownerReferences ?? []).filter((r) => r.uid !== rs.metadata.uid)
    const metadata = { ...pod.metadata, ownerReferences: refs.length ? refs : undefined }
    if (!metadata.ownerReferences) delete metadata.ownerReferences
    this.ctx.api.update<Pod>({ ...pod, metadata })
  }

  /** manageReplicas: creates or deletes pods (at most BURST_REPLICAS); returns the first error. */
  private manageReplicas(pods: readonly Pod[], rs: ReplicaSet): string | undefined {
    const diff = pods.length - specReplicas(rs)
    if (diff < 0) {
      const ref = newControllerRef(rs)
      let remaining = Math.min(-diff, BURST_REPLICAS)
      for (let batch = Math.min(remaining, 1); batch > 0; batch = Math.min(2 * batch, remaining)) {
        let firstError: string | undefined
        for (let i = 0; i < batch; i++) firstError ??= this.podControl.createPod(rs, ref)
        if (firstError !== undefined) return firstError
        remaining -= batch
      }
      return undefined
    }
    if (diff > 0) {
      const related = this.indirectlyRelatedPods(rs)
      const victims = getPodsToDelete(pods, related, Math.min(diff, BURST_REPLICAS), this.ctx.queue.now)
      let firstError: string | undefined
      for (const pod of victims) firstError ??= this.podControl.deletePod(rs, pod)
      return firstError
    }
    return undefined
  }

  /** getIndirectlyRelatedPods: pods matching any ReplicaSet with the same controller as `rs`. */
  private indirectlyRelatedPods(rs: ReplicaSet): Pod[] {
    const owner = getControllerOf(rs)
    if (!owner) return []
    const ns = rs.metadata.namespace
    const siblings = this.ctx.store
      .list<ReplicaSet>('ReplicaSet', ns)
      .filter((r) => getControllerOf(r)?.uid === owner.uid)
    const seen = new Set<string>()
    const related: Pod[] = []
    for (const pod of this.ctx.store.list<Pod>('Pod', ns)) {
      if (seen.has(pod.metadata.uid)) continue
      if (siblings.some((r) => selectorMatches(r.spec.selector, pod.metadata.labels))) {
        seen.add(pod.metadata.uid)
        related.push(pod)
      }
    }
    return related
  }
}

/** When the first ready-but-not-yet-available pod turns available (simulated ms), if any. */
function nextAvailableAt(pods: readonly Pod[], minReadySeconds: number, nowMs: number): number | undefined {
  if (minReadySeconds <= 0) return undefined
  let next: number | undefined
  for (const pod of pods) {
    const since = podReadyCondition(pod)
    if (since?.status !== 'True' || !since.lastTransitionTime) continue
    // isPodAvailable wants the deadline strictly passed: 1 ms after it.
    const at = simTimeOf(since.lastTransitionTime) + minReadySeconds * 1000 + 1
    if (at > nowMs && (next === undefined || at < next)) next = at
  }
  return next
}

/** Pod changes a ReplicaSet sync can observe: labels, owners, phase, readiness, deletion. */
function visibleChange(before: Pod, after: Pod): boolean {
  const ready = (p: Pod) => p.status?.conditions?.find((c) => c.type === 'Ready')
  return (
    before.metadata.labels !== after.metadata.labels ||
    before.metadata.ownerReferences !== after.metadata.ownerReferences ||
    before.metadata.deletionTimestamp !== after.metadata.deletionTimestamp ||
    before.status?.phase !== after.status?.phase ||
    ready(before)?.status !== ready(after)?.status ||
    ready(before)?.lastTransitionTime !== ready(after)?.lastTransitionTime
  )
}
