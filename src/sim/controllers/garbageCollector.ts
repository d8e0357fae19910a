// Kubernetes' garbage collector (pkg/controller/garbagecollector: attemptToDeleteItem,
// classifyReferences, processDeletingDependentsItem, orphanDependents). Simplified: the
// dependency graph is the store's owner index rather than a graph of its own, owners are
// resolved by kind and name (then checked by uid), and cycles are not detected.
import type { KubeObject, OwnerReference } from '../model'
import type { WatchEvent } from '../api/store'
import type { PropagationPolicy } from '../api/apiServer'
import { StatusError } from '../api/errors'
import { kindInfo } from '../model/kinds'
import { Controller } from './controller'

export const FOREGROUND_FINALIZER = 'foregroundDeletion'
export const ORPHAN_FINALIZER = 'orphan'

interface OwnerStates {
  solid: OwnerReference[]
  dangling: OwnerReference[]
  waitingForDependents: OwnerReference[]
}

export class GarbageCollector extends Controller {
  readonly name = 'garbage-collector'

  onWatch({ type, object, oldObject }: WatchEvent): void {
    if (type === 'DELETED') {
      // Its dependents may now be orphans (background), and its owners may be waiting on it.
      for (const dep of this.ctx.store.dependents(object.metadata.uid)) this.enqueue(itemKey(dep))
      this.enqueueOwners(object)
      return
    }
    if (isDeletingWithGcFinalizer(object)) this.enqueue(itemKey(object))
    const before = oldObject?.metadata.ownerReferences
    const after = object.metadata.ownerReferences
    const refsChanged = before !== after && JSON.stringify(after) !== JSON.stringify(before)
    // Nothing to collect while every owner is alive and not being deleted (the common case of
    // a controller creating a dependent): checked here rather than with a queued sync.
    if (
      object.metadata.ownerReferences?.length &&
      (type === 'ADDED' || refsChanged) &&
      !this.allOwnersSolid(object)
    )
      this.enqueue(itemKey(object))
    if (
      oldObject &&
      (refsChanged || object.metadata.deletionTimestamp !== oldObject.metadata.deletionTimestamp)
    ) {
      this.enqueueOwners(oldObject)
    }
  }

  private allOwnersSolid(object: KubeObject): boolean {
    const { dangling, waitingForDependents } = this.classify(object)
    return dangling.length === 0 && waitingForDependents.length === 0
  }

  sync(key: string): void {
    const item = this.resolve(key)
    if (!item) return
    try {
      const meta = item.metadata
      if (meta.deletionTimestamp) {
        if (meta.finalizers?.includes(ORPHAN_FINALIZER)) this.orphanDependents(item)
        else if (meta.finalizers?.includes(FOREGROUND_FINALIZER)) this.processDeletingDependents(item)
        // Anything else being deleted is already on its way out.
        return
      }
      if (meta.ownerReferences?.length) this.attemptToDelete(item)
    } catch (e) {
      // A conflicting write: the work queue retries it.
      if (!(e instanceof StatusError)) throw e
      this.enqueue(key, 1000)
    }
  }

  /** attemptToDeleteItem: delete an object whose owners are all gone or foreground-deleting. */
  private attemptToDelete(item: KubeObject): void {
    const { solid, dangling, waitingForDependents } = this.classify(item)
    if (solid.length > 0) {
      // Keep the object for its live owners; forget the others.
      const drop = new Set([...dangling, ...waitingForDependents].map((r) => r.uid))
      if (drop.size > 0)
        this.setOwnerReferences(
          item,
          (item.metadata.ownerReferences ?? []).filter((r) => !drop.has(r.uid)),
        )
      return
    }
    const hasDependents = this.ctx.store.dependents(item.metadata.uid).length > 0
    const policy: PropagationPolicy =
      waitingForDependents.length > 0 && hasDependents ? 'Foreground' : 'Background'
    this.delete(item, policy)
  }

  /** Owners present and live (solid), gone or replaced (dangling), or deleting in the foreground. */
  private classify(item: KubeObject): OwnerStates {
    const states: OwnerStates = { solid: [], dangling: [], waitingForDependents: [] }
    for (const ref of item.metadata.ownerReferences ?? []) {
      const info = kindInfo(ref.kind)
      if (!info) {
        states.solid.push(ref) // unknown kinds cannot be checked: never collect on a guess
        continue
      }
      const owner = this.ctx.store.get(
        ref.kind,
        info.namespaced ? item.metadata.namespace : undefined,
        ref.name,
      )
      if (!owner || owner.metadata.uid !== ref.uid) states.dangling.push(ref)
      else if (
        owner.metadata.deletionTimestamp &&
        owner.metadata.finalizers?.includes(FOREGROUND_FINALIZER)
      ) {
        states.waitingForDependents.push(ref)
      } else states.solid.push(ref)
    }
    return states
  }

  /**
   * processDeletingDependentsItem: every dependent is collected (attemptToDelete), but the owner
   * waits only for those whose reference sets blockOwnerDeletion.
   */
  private processDeletingDependents(owner: KubeObject): void {
    const uid = owner.metadata.uid
    const dependents = this.ctx.store.dependents(uid)
    for (const dep of dependents) {
      if (!dep.metadata.deletionTimestamp) this.attemptToDelete(dep)
    }
    const blocking = this.ctx.store
      .dependents(uid)
      .filter((d) => d.metadata.ownerReferences?.some((r) => r.uid === uid && r.blockOwnerDeletion))
    if (blocking.length === 0) this.removeFinalizer(owner, FOREGROUND_FINALIZER)
  }

  /** orphanDependents: drop the owner from every dependent, then let the owner go. */
  private orphanDependents(owner: KubeObject): void {
    const uid = owner.metadata.uid
    for (const dep of this.ctx.store.dependents(uid)) {
      this.setOwnerReferences(
        dep,
        (dep.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid),
      )
    }
    this.removeFinalizer(owner, ORPHAN_FINALIZER)
  }

  private delete(item: KubeObject, policy: PropagationPolicy): void {
    const current = this.ctx.store.get(item.kind, item.metadata.namespace, item.metadata.name)
    if (!current || current.metadata.uid !== item.metadata.uid) return
    this.ctx.api.delete(item.kind, item.metadata.namespace, item.metadata.name, { propagationPolicy: policy })
  }

  private setOwnerReferences(item: KubeObject, refs: OwnerReference[]): void {
    const latest = this.ctx.store.get(item.kind, item.metadata.namespace, item.metadata.name) ?? item
    const metadata = { ...latest.metadata, ownerReferences: refs.length ? refs : undefined }
    if (!metadata.ownerReferences) delete metadata.ownerReferences
    this.ctx.api.update({ ...latest, metadata })
  }

  private removeFinalizer(item: KubeObject, finalizer: string): void {
    const latest = this.ctx.store.get(item.kind, item.metadata.namespace, item.metadata.name)
    if (!latest || latest.metadata.uid !== item.metadata.uid) return
    const finalizers = (latest.metadata.finalizers ?? []).filter((f) => f !== finalizer)
    this.ctx.api.update({ ...latest, metadata: { ...latest.metadata, finalizers } })
  }

  private enqueueOwners(obj: KubeObject): void {
    for (const ref of obj.metadata.ownerReferences ?? []) {
      const info = kindInfo(ref.kind)
      if (!info) continue
      this.enqueue(
        [ref.kind, info.namespaced ? (obj.metadata.namespace ?? '') : '', ref.name, ref.uid].join('|'),
      )
    }
  }

  /** The object a key names, if it still exists with that uid. */
  private resolve(key: string): KubeObject | undefined {
    const [kind = '', ns = '', name = '', uid = ''] = key.split('|')
    const obj = this.ctx.store.get(kind, ns || undefined, name)
    return obj && obj.metadata.uid === uid ? obj : undefined
  }
}

function itemKey(obj: KubeObject): string {
  return [obj.kind, obj.metadata.namespace ?? '', obj.metadata.name, obj.metadata.uid].join('|')
}

function isDeletingWithGcFinalizer(obj: KubeObject): boolean {
  const f = obj.metadata.finalizers ?? []
  return (
    !!obj.metadata.deletionTimestamp && (f.includes(FOREGROUND_FINALIZER) || f.includes(ORPHAN_FINALIZER))
  )
}
