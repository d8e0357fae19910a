// The PV controller's indexes (its informers' PodPVCIndex and the role of persistentvolume/index.go):
// which pods mount a claim, and which volumes a claim could bind. Both are derived from the store:
// built on first use, kept up to date from watch events, rebuilt after a restore. Lookups return
// objects in list order (by name), so results are what a pass over the whole list would give.
import type { PersistentVolume, PersistentVolumeClaim, Pod } from '../../model'
import { objectKey, type ObjectStore, type WatchEvent } from '../../api/store'
import { claimClass, volumeClass } from './volumeMatching'

/** Names filed under keys, each object under as many keys as it needs (re-filed, never edited). */
class NameIndex {
  private readonly byKey = new Map<string, Set<string>>()
  /** Object id (its store key) → its name and the keys it is filed under. */
  private readonly filed = new Map<string, { name: string; keys: readonly string[] }>()

  names(key: string): ReadonlySet<string> {
    return this.byKey.get(key) ?? NO_NAMES
  }

  /** Files object `id`, called `name`, under `keys` instead of where it was. */
  file(id: string, name: string, keys: readonly string[]): void {
    for (const key of this.filed.get(id)?.keys ?? []) {
      const names = this.byKey.get(key)
      names?.delete(name)
      if (names?.size === 0) this.byKey.delete(key)
    }
    if (keys.length === 0) return void this.filed.delete(id)
    this.filed.set(id, { name, keys })
    for (const key of keys) {
      let names = this.byKey.get(key)
      if (!names) this.byKey.set(key, (names = new Set()))
      names.add(name)
    }
  }
}

const NO_NAMES: ReadonlySet<string> = new Set()

/** Code-unit order, as the store lists objects. */
function byName(a: { metadata: { name: string } }, b: { metadata: { name: string } }): number {
  const x = a.metadata.name
  const y = b.metadata.name
  return x < y ? -1 : x > y ? 1 : 0
}

/** Something kept up to date from watch events, valid until the store is restored. */
abstract class DerivedIndex {
  private readonly restoreCount: number

  constructor(protected readonly store: ObjectStore) {
    this.restoreCount = store.restoreCount
  }

  /** False once the store has been restored (its contents replaced without watch events). */
  get current(): boolean {
    return this.restoreCount === this.store.restoreCount
  }
}

/**
 * The pods that mount each claim (namespace/claim → pod names): finding a claim's waiting pods
 * was a pass over every pod per claim sync.
 */
export class ClaimUsers extends DerivedIndex {
  private readonly index = new NameIndex()

  constructor(store: ObjectStore) {
    super(store)
    for (const pod of store.scan<Pod>('Pod')) this.file(pod.metadata.namespace, pod.metadata.name)
  }

  /** The pods that mount `claim`, by name (the order `list` gives). */
  podsUsing(claim: PersistentVolumeClaim): Pod[] {
    const ns = claim.metadata.namespace
    const pods: Pod[] = []
    for (const name of this.index.names(objectKey(ns, claim.metadata.name))) {
      const pod = this.store.get<Pod>('Pod', ns, name)
      if (pod) pods.push(pod)
    }
    return pods.sort(byName)
  }

  /** Follows a Pod watch event (from the store as it is now: nested writes may deliver events out of order). */
  update({ type, object, oldObject }: WatchEvent): void {
    const old = oldObject as Pod | undefined
    if (type === 'MODIFIED' && old?.spec.volumes === (object as Pod).spec.volumes) return
    this.file(object.metadata.namespace, object.metadata.name)
  }

  private file(ns: string | undefined, name: string): void {
    const pod = this.store.get<Pod>('Pod', ns, name)
    const keys = pod ? claimNames(pod).map((claimName) => objectKey(ns, claimName)) : []
    this.index.file(objectKey(ns, name), name, keys)
  }
}

function claimNames(pod: Pod): string[] {
  const names: string[] = []
  for (const v of pod.spec.volumes ?? []) {
    const claimName = v.persistentVolumeClaim?.claimName
    if (claimName !== undefined) names.push(claimName)
  }
  return names
}

/**
 * Volumes by the claim their claimRef names (namespace/name) and, for those without a claimRef,
 * by class. A claim can bind only volumes of the first kind naming it or of the second kind of
 * its class, so matching need not look at the others (findMatchingVolume skips them).
 */
export class VolumeIndex extends DerivedIndex {
  private readonly index = new NameIndex()

  constructor(store: ObjectStore) {
    super(store)
    for (const pv of store.scan<PersistentVolume>('PersistentVolume')) this.file(pv.metadata.name)
  }

  /** What findMatchingVolume may choose from for `claim`, by name: it decides the same on these as on `list`. */
  candidates(claim: PersistentVolumeClaim): PersistentVolume[] {
    return this.volumes([
      ...this.index.names(claimRefKey(claim.metadata.namespace, claim.metadata.name)),
      ...this.index.names(CLASS + claimClass(claim)),
    ])
  }

  /** The volumes whose claimRef names `claim` (whatever its uid), by name. */
  namingClaim(claim: PersistentVolumeClaim): PersistentVolume[] {
    const { namespace, name } = claim.metadata
    // The key alone could confuse a claimRef without namespace whose name holds a slash.
    return this.volumes(this.index.names(claimRefKey(namespace, name))).filter(
      (pv) => pv.spec.claimRef?.namespace === namespace && pv.spec.claimRef?.name === name,
    )
  }

  /** Follows a PersistentVolume watch event (from the store as it is now). */
  update({ object }: WatchEvent): void {
    this.file(object.metadata.name)
  }

  private file(name: string): void {
    const pv = this.store.get<PersistentVolume>('PersistentVolume', undefined, name)
    this.index.file(name, name, pv ? [keyOf(pv)] : [])
  }

  private volumes(names: Iterable<string>): PersistentVolume[] {
    const volumes: PersistentVolume[] = []
    for (const name of names) {
      const pv = this.store.get<PersistentVolume>('PersistentVolume', undefined, name)
      if (pv) volumes.push(pv)
    }
    return volumes.sort(byName)
  }
}

const CLAIM = 'claim:'
const CLASS = 'class:'

function claimRefKey(namespace: string | undefined, name: string): string {
  return CLAIM + objectKey(namespace, name)
}

/** A volume with a claimRef is filed under the claim it names; one without, under its class. */
function keyOf(pv: PersistentVolume): string {
  const ref = pv.spec.claimRef
  return ref ? claimRefKey(ref.namespace, ref.name ?? '') : CLASS + volumeClass(pv)
}
