// Port of stateful_set.go: watches StatefulSets and their pods, queues the set a change concerns,
// and syncs it — adopting orphans that match, releasing pods that no longer match, keeping
// ControllerRevisions, running the control loop and writing status.
import type { ControllerRevision, Pod, StatefulSet } from '../../model'
import { Controller } from '../controller'
import type { WatchEvent } from '../../api/store'
import { objectKey } from '../../api/store'
import { selectorMatches } from '../../api/labels'
import type { SimContext } from '../../simContext'
import { StatefulSetControl, type Revisions } from './statefulSetControl'
import { StatefulSetStatusUpdater } from './statusUpdater'
import { equalRevision, newRevision, nextRevision } from './revisions'
import {
  controllerRef,
  controllerVisibleChange,
  isMemberOf,
  newControllerRef,
  podFacts,
  statusOnlyChange,
  type PodFacts,
} from './utils'

type Membership = 'member' | 'released' | 'other'

const memberships = new WeakMap<object, { selector: object; uid: string; result: Membership }>()

/** Whether an owned pod still belongs to the set (controller ref, selector, name), remembered per immutable metadata. */
function ownedMembership(set: StatefulSet, pod: Pod): Membership {
  const cached = memberships.get(pod.metadata)
  if (cached && cached.selector === set.spec.selector && cached.uid === set.metadata.uid) return cached.result
  const result =
    controllerRef(pod)?.uid !== set.metadata.uid
      ? 'other'
      : selectorMatches(set.spec.selector, pod.metadata.labels) && isMemberOf(set, pod)
        ? 'member'
        : 'released'
  if (Object.isFrozen(pod.metadata) && Object.isFrozen(set.spec.selector)) {
    memberships.set(pod.metadata, { selector: set.spec.selector, uid: set.metadata.uid, result })
  }
  return result
}

/** ownedMembership from a pod's record, remembered on it while the set's selector and uid stay. */
function memberOf(set: StatefulSet, f: PodFacts): Membership {
  const memo = f.membership
  if (memo && memo.selector === set.spec.selector && memo.uid === set.metadata.uid) return memo.result
  const result = ownedMembership(set, f.pod)
  if (Object.isFrozen(set.spec.selector))
    f.membership = { selector: set.spec.selector, uid: set.metadata.uid, result }
  return result
}

export class StatefulSetController extends Controller {
  readonly name = 'statefulset-controller'
  private readonly control: StatefulSetControl
  private readonly statusUpdater: StatefulSetStatusUpdater

  constructor(ctx: SimContext) {
    super(ctx)
    this.control = new StatefulSetControl(ctx)
    this.statusUpdater = new StatefulSetStatusUpdater(ctx)
  }

  /** Keys of pods no controller owns (adoption candidates); derived, rebuilt after a restore. */
  private orphans: Set<string> | undefined

  reset(): void {
    this.orphans = undefined
  }

  private orphanPods(): Set<string> {
    if (!this.orphans) {
      this.orphans = new Set()
      for (const pod of this.ctx.store.scan<Pod>('Pod'))
        if (!controllerRef(pod)) this.orphans.add(objectKey(pod.metadata.namespace, pod.metadata.name))
    }
    return this.orphans
  }

  onWatch(e: WatchEvent): void {
    const obj = e.object
    if (obj.kind === 'Pod' && this.orphans) {
      const key = objectKey(obj.metadata.namespace, obj.metadata.name)
      if (e.type !== 'DELETED' && !controllerRef(obj)) this.orphans.add(key)
      else this.orphans.delete(key)
    }
    if (obj.kind === 'PersistentVolumeClaim' && e.type === 'DELETED') {
      // A pending pod whose claim is gone needs a sync to create it again. Kubernetes gets that
      // sync from the pod's next status update; this controller skips updates it cannot see
      // (controllerVisibleChange), so it listens for the claim's deletion instead.
      for (const set of this.ctx.store.scan<StatefulSet>('StatefulSet', obj.metadata.namespace)) {
        const prefixes = (set.spec.volumeClaimTemplates ?? []).map(
          (t) => `${t.metadata.name}-${set.metadata.name}-`,
        )
        if (prefixes.some((p) => obj.metadata.name.startsWith(p)))
          this.enqueue(objectKey(set.metadata.namespace, set.metadata.name))
      }
      return
    }
    if (obj.kind === 'StatefulSet') {
      // Its own status write changes nothing a sync reads: skip that echo.
      if (e.type === 'MODIFIED' && e.oldObject && statusOnlyChange(e.oldObject, obj)) return
      this.enqueue(objectKey(obj.metadata.namespace, obj.metadata.name))
    } else if (obj.kind === 'Pod') {
      // Changes the control loop cannot see (scheduling, ContainerCreating) need no sync.
      if (e.type === 'MODIFIED' && e.oldObject && !controllerVisibleChange(e.oldObject as Pod, obj as Pod))
        return
      const ref = controllerRef(obj)
      const oldRef = e.oldObject && controllerRef(e.oldObject)
      if (ref?.kind === 'StatefulSet') this.enqueue(objectKey(obj.metadata.namespace, ref.name))
      if (oldRef?.kind === 'StatefulSet' && oldRef.uid !== ref?.uid)
        this.enqueue(objectKey(obj.metadata.namespace, oldRef.name))
      // An orphan may be adopted by any set whose selector matches it.
      if (!ref && e.type !== 'DELETED') {
        for (const set of this.ctx.store.list<StatefulSet>('StatefulSet', obj.metadata.namespace)) {
          if (selectorMatches(set.spec.selector, obj.metadata.labels))
            this.enqueue(objectKey(set.metadata.namespace, set.metadata.name))
        }
      }
    }
  }

  sync(key: string): void {
    const [namespace, name] = key.split('/') as [string, string]
    const set = this.ctx.store.get<StatefulSet>('StatefulSet', namespace, name)
    if (!set) return
    const revisions = this.syncRevisions(set)
    const pods = this.claimPods(set)
    const result = this.control.updateStatefulSet(set, revisions, pods)
    const latest = this.ctx.store.get<StatefulSet>('StatefulSet', namespace, name)
    if (latest) this.statusUpdater.updateStatefulSetStatus(latest, result.status)
    this.truncateHistory(set, revisions, pods)
    if (result.failed) this.retry(key)
    else this.forget(key)
    if (result.requeueAfterMs !== undefined) this.enqueue(key, result.requeueAfterMs)
  }

  /** 1 ms per 100 pods: a big set's sync takes time, and changes meanwhile fold into the next one. */
  override syncCost(key: string): number {
    const [namespace, name] = key.split('/') as [string, string]
    const set = this.ctx.store.get<StatefulSet>('StatefulSet', namespace, name)
    return set ? Math.floor(this.ctx.store.dependentCount(set.metadata.uid, 'Pod') / 100) : 0
  }

  /**
   * getPodsForStatefulSet: owned pods that still match, plus adopted orphans; releases the rest.
   * Returns the pods' records (podFacts), which the rest of the sync reads.
   */
  private claimPods(set: StatefulSet): PodFacts[] {
    const claimed: PodFacts[] = []
    const deleting = !!set.metadata.deletionTimestamp
    for (const pod of this.ctx.store.dependents<Pod>(set.metadata.uid, 'Pod')) {
      const f = podFacts(pod)
      const membership = memberOf(set, f)
      if (membership === 'member') claimed.push(f)
      else if (membership === 'released' && !deleting) this.release(set, pod)
    }
    if (!deleting) {
      for (const key of [...this.orphanPods()]) {
        const [ns, name] = key.split('/') as [string, string]
        const pod = ns === set.metadata.namespace ? this.ctx.store.get<Pod>('Pod', ns, name) : undefined
        if (!pod || controllerRef(pod) || pod.metadata.deletionTimestamp) continue
        if (selectorMatches(set.spec.selector, pod.metadata.labels) && isMemberOf(set, pod)) {
          claimed.push(podFacts(this.adopt(set, pod)))
        }
      }
    }
    return claimed
  }

  private adopt(set: StatefulSet, pod: Pod): Pod {
    const refs = [...(pod.metadata.ownerReferences ?? []), newControllerRef(set)]
    return this.ctx.api.update<Pod>({ ...pod, metadata: { ...pod.metadata, ownerReferences: refs } })
  }

  private release(set: StatefulSet, pod: Pod): void {
    const refs = (pod.metadata.ownerReferences ?? []).filter((r) => r.uid !== set.metadata.uid)
    this.ctx.api.update<Pod>({
      ...pod,
      metadata: { ...pod.metadata, ownerReferences: refs.length ? refs : undefined },
    })
  }

  /** getStatefulSetRevisions: the update revision for the current template (rollback-aware) and the current one. */
  private syncRevisions(set: StatefulSet): Revisions {
    const revisions = this.ownedRevisions(set)
    const collisionCount = set.status?.collisionCount ?? 0
    let update = newRevision(set, nextRevision(revisions), collisionCount)
    const equal = revisions.filter((r) => equalRevision(r, update))
    const latest = revisions[revisions.length - 1]
    if (equal.length > 0 && latest && equalRevision(latest, update)) {
      update = latest
    } else if (equal.length > 0) {
      // A template equal to an older revision is a rollback: that revision is renumbered.
      const prior = equal[equal.length - 1]!
      update = this.ctx.api.update<ControllerRevision>({ ...prior, revision: update.revision })
    } else if (!set.metadata.deletionTimestamp) {
      const existing = this.ctx.store.get<ControllerRevision>(
        'ControllerRevision',
        set.metadata.namespace,
        update.metadata.name,
      )
      update = existing ?? this.ctx.api.create<ControllerRevision>(update)
    }
    const current = revisions.find((r) => r.metadata.name === set.status?.currentRevision) ?? update
    return { current, update }
  }

  private ownedRevisions(set: StatefulSet): ControllerRevision[] {
    return this.ctx.store
      .dependents<ControllerRevision>(set.metadata.uid, 'ControllerRevision')
      .sort((a, b) => a.revision - b.revision)
  }

  /** truncateHistory: non-live revisions beyond revisionHistoryLimit go, oldest first. */
  private truncateHistory(set: StatefulSet, revisions: Revisions, pods: readonly PodFacts[]): void {
    const limit = set.spec.revisionHistoryLimit ?? 10
    // Nothing to truncate while the whole history fits (spares a walk over every pod).
    if (this.ctx.store.dependentCount(set.metadata.uid, 'ControllerRevision') <= limit) return
    const live = new Set([revisions.current.metadata.name, revisions.update.metadata.name])
    for (const f of pods) {
      if (f.revision) live.add(f.revision)
    }
    const history = this.ownedRevisions(set).filter((r) => !live.has(r.metadata.name))
    for (const r of history.slice(0, Math.max(0, history.length - limit))) {
      this.ctx.api.delete('ControllerRevision', r.metadata.namespace, r.metadata.name)
    }
  }
}
