// Port of pkg/controller/deployment/deployment_controller.go: watches Deployments, their
// ReplicaSets and (for Recreate) their pods, queues the deployment a change concerns, and syncs
// it: claim ReplicaSets (adopt matching orphans, release owned sets that stopped matching), then
// sync status only (being deleted), scale (paused, or a scaling event) or roll out by strategy.
// apps/v1 has no spec.rollbackTo: `kubectl rollout undo` writes the old template, and the template
// match in getNewReplicaSet turns that into a rollback.
import type { Deployment, Pod, ReplicaSet } from '../../model'
import type { WatchEvent } from '../../api/store'
import { objectKey } from '../../api/store'
import { StatusError } from '../../api/errors'
import { isEmptySelector, selectorMatches } from '../../api/labels'
import { Controller } from '../controller'
import { getControllerOf, newControllerRef } from '../replicaset/utils'
import { rolloutRecreate, type PodMap } from './recreate'
import { rolloutRolling } from './rolling'
import { DEPLOYMENT_COMPONENT, DeploymentSync } from './sync'

export class DeploymentController extends Controller {
  readonly name = DEPLOYMENT_COMPONENT
  private readonly dc = new DeploymentSync(this.ctx)

  onWatch(e: WatchEvent): void {
    const obj = e.object
    const ns = obj.metadata.namespace
    if (obj.kind === 'Deployment') {
      // Its own status writes come back too, as in Kubernetes: the sync after a rollout completes
      // is the one that cleans up old sets and schedules the progress-deadline check.
      this.enqueue(objectKey(ns, obj.metadata.name))
    } else if (obj.kind === 'ReplicaSet') {
      this.onReplicaSet(e.type, obj as ReplicaSet, e.oldObject as ReplicaSet | undefined)
    } else if (obj.kind === 'Pod' && e.type === 'DELETED') {
      this.onPodDeleted(obj as Pod)
    }
  }

  /** addReplicaSet, updateReplicaSet, deleteReplicaSet. */
  private onReplicaSet(type: WatchEvent['type'], rs: ReplicaSet, old: ReplicaSet | undefined): void {
    const ns = rs.metadata.namespace
    const ref = getControllerOf(rs)
    const oldRef = old && getControllerOf(old)
    if (oldRef?.kind === 'Deployment' && oldRef.uid !== ref?.uid) this.enqueue(objectKey(ns, oldRef.name))
    if (ref) {
      if (ref.kind === 'Deployment') this.enqueue(objectKey(ns, ref.name))
      return
    }
    if (type === 'DELETED') return
    // An orphan: every deployment that would adopt it, when it is new or its labels or owner changed.
    if (type === 'MODIFIED' && old && old.metadata.labels === rs.metadata.labels && !oldRef) return
    for (const d of this.ctx.store.list<Deployment>('Deployment', ns)) {
      if (selectorMatches(d.spec.selector, rs.metadata.labels)) this.enqueue(objectKey(ns, d.metadata.name))
    }
  }

  /** deletePod: a Recreate deployment waits for its last old pod to go. */
  private onPodDeleted(pod: Pod): void {
    const ns = pod.metadata.namespace
    const rsRef = getControllerOf(pod)
    if (rsRef?.kind !== 'ReplicaSet') return
    const rs = this.ctx.store.get<ReplicaSet>('ReplicaSet', ns, rsRef.name)
    const ref = rs && rs.metadata.uid === rsRef.uid ? getControllerOf(rs) : undefined
    if (ref?.kind !== 'Deployment') return
    const d = this.ctx.store.get<Deployment>('Deployment', ns, ref.name)
    if (!d || d.metadata.uid !== ref.uid || d.spec.strategy?.type !== 'Recreate') return
    const rsList = this.ctx.store
      .list<ReplicaSet>('ReplicaSet', ns)
      .filter((r) => getControllerOf(r)?.uid === d.metadata.uid)
    let pods = 0
    for (const list of this.podMap(d, rsList).values()) pods += list.length
    if (pods === 0) this.enqueue(objectKey(ns, d.metadata.name))
  }

  /** `ns/name`, or `ns/name|progress` for the progress-deadline check (its own key, so it holds back no other sync). */
  sync(queued: string): void {
    const key = queued.split('|')[0]!
    const [namespace, name] = key.split('/') as [string, string]
    const live = this.ctx.store.get<Deployment>('Deployment', namespace, name)
    if (!live) return
    const d = JSON.parse(JSON.stringify(live)) as Deployment
    try {
      this.syncDeployment(d, key)
      this.forget(key)
    } catch (e) {
      // A conflicting or rejected write: the work queue retries with back-off.
      if (!(e instanceof StatusError)) throw e
      this.retry(key)
    }
  }

  private syncDeployment(d: Deployment, key: string): void {
    if (isEmptySelector(d.spec.selector)) {
      const msg = 'This deployment is selecting all pods. A non-empty selector is required.'
      this.dc.event(d, 'Warning', 'SelectingAll', msg)
      const generation = d.metadata.generation ?? 1
      if ((d.status?.observedGeneration ?? 0) < generation) {
        d.status = { ...d.status, observedGeneration: generation }
        this.dc.writeStatus(d)
      }
      return
    }
    const rsList = this.getReplicaSetsForDeployment(d)
    const podMap = this.podMap(d, rsList)
    if (d.metadata.deletionTimestamp) return this.dc.syncStatusOnly(d, rsList)
    this.dc.checkPausedConditions(d)
    if (d.spec.paused || this.dc.isScalingEvent(d, rsList)) return this.dc.sync(d, rsList)
    const requeue = (afterMs: number) =>
      afterMs > 0 ? this.enqueue(`${key}|progress`, afterMs) : this.retry(`${key}|progress`)
    if (d.spec.strategy?.type === 'Recreate') rolloutRecreate(this.dc, d, rsList, podMap, requeue)
    else rolloutRolling(this.dc, d, rsList, requeue)
  }

  /**
   * getReplicaSetsForDeployment (ClaimReplicaSets): owned sets that still match, plus adopted
   * orphans; owned sets that stopped matching are released. Sorted by name, as a list returns them.
   */
  private getReplicaSetsForDeployment(d: Deployment): ReplicaSet[] {
    const claimed: ReplicaSet[] = []
    const deleting = !!d.metadata.deletionTimestamp
    for (const rs of this.ctx.store.list<ReplicaSet>('ReplicaSet', d.metadata.namespace)) {
      const ref = getControllerOf(rs)
      const matches = selectorMatches(d.spec.selector, rs.metadata.labels)
      if (ref) {
        if (ref.uid !== d.metadata.uid) continue
        if (matches) claimed.push(rs)
        else if (!deleting)
          this.setOwners(
            rs,
            (rs.metadata.ownerReferences ?? []).filter((r) => r.uid !== ref.uid),
          )
      } else if (!deleting && matches && !rs.metadata.deletionTimestamp) {
        claimed.push(this.setOwners(rs, [...(rs.metadata.ownerReferences ?? []), newControllerRef(d)]))
      }
    }
    return claimed
  }

  private setOwners(
    rs: ReplicaSet,
    refs: NonNullable<ReplicaSet['metadata']['ownerReferences']>,
  ): ReplicaSet {
    const metadata = { ...rs.metadata, ownerReferences: refs }
    if (refs.length === 0) delete (metadata as { ownerReferences?: unknown }).ownerReferences
    return this.ctx.api.update<ReplicaSet>({ ...rs, metadata })
  }

  /** getPodMapForDeployment: pods matching the deployment, grouped by the owned set controlling them. */
  private podMap(d: Deployment, rsList: readonly ReplicaSet[]): PodMap {
    const map = new Map<string, Pod[]>(rsList.map((rs) => [rs.metadata.uid, []]))
    for (const pod of this.ctx.store.list<Pod>('Pod', d.metadata.namespace)) {
      if (!selectorMatches(d.spec.selector, pod.metadata.labels)) continue
      const ref = getControllerOf(pod)
      if (ref) map.get(ref.uid)?.push(pod)
    }
    return map
  }
}
