// The object store behind the simulated API server: every object by kind and key, a global
// resourceVersion, an owner index for the garbage collector and controllers, and watch.
// Objects are deep-frozen when written and never mutated afterwards, so snapshots and
// checkpoints share them safely (structural sharing).
import type { KubeObject } from '../model'

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED'

export interface WatchEvent {
  readonly type: WatchEventType
  readonly object: KubeObject
  readonly oldObject?: KubeObject
}

export type WatchListener = (event: WatchEvent) => void

export interface StoreState {
  readonly rv: number
  readonly kinds: ReadonlyMap<string, ReadonlyMap<string, KubeObject>>
}

export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name
}

export function keyOf(obj: KubeObject): string {
  return objectKey(obj.metadata.namespace, obj.metadata.name)
}

/**
 * Freezes `value` and everything reachable from it. The walk stops at frozen objects: the engine
 * freezes only here, so their parts are frozen already, and an update freezes only its new parts.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) freezeTree(value)
  return value
}

function freezeTree(obj: object): void {
  Object.freeze(obj)
  if (Array.isArray(obj)) {
    for (const v of obj as unknown[])
      if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) freezeTree(v)
    return
  }
  // for-in rather than Object.values: no array per object. Stored objects are plain data, with
  // no inherited enumerable properties.
  const record = obj as Record<string, unknown>
  for (const key in record) {
    const v = record[key]
    if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) freezeTree(v)
  }
}

const NO_OBJECTS: ReadonlyMap<string, KubeObject> = new Map()

function* inNamespace<T extends KubeObject>(objects: Iterable<T>, namespace: string): IterableIterator<T> {
  for (const obj of objects) if (obj.metadata.namespace === namespace) yield obj
}

export class ObjectStore {
  private rv = 0
  private kinds = new Map<string, Map<string, KubeObject>>()
  /** owner uid → kind → dependents, so a controller lists its pods without touching its revisions. */
  private byOwner = new Map<string, Map<string, Set<KubeObject>>>()
  private listeners: WatchListener[] = []
  /**
   * Each kind's keys in list order, sorted on first list and then kept up to date as objects come
   * and go (a binary search, not a sort): the page lists every kind each frame, thousands of Events
   * come and go while the clock plays, and sorting every list each time was a tenth of a frame.
   */
  private order = new Map<string, string[]>()
  /** Writes (puts and removes) per kind, ever: lets a writer tell whether anyone else wrote. */
  private writes = new Map<string, number>()
  /** Restores, ever: an index kept up to date from watch events must be rebuilt after one. */
  private restores = 0

  snapshot(): StoreState {
    const kinds = new Map<string, ReadonlyMap<string, KubeObject>>()
    for (const [kind, objects] of this.kinds) kinds.set(kind, new Map(objects))
    return { rv: this.rv, kinds }
  }

  restore(s: StoreState): void {
    this.restores++
    this.rv = s.rv
    this.kinds = new Map()
    this.byOwner = new Map()
    this.order = new Map()
    for (const [kind, objects] of s.kinds) {
      this.kinds.set(kind, new Map(objects))
      for (const obj of objects.values()) this.indexOwners(obj)
    }
  }

  /** The next resourceVersion; every write consumes one, as etcd revisions do. */
  nextResourceVersion(): string {
    return String(++this.rv)
  }

  get resourceVersion(): string {
    return String(this.rv)
  }

  watch(listener: WatchListener): () => void {
    this.listeners.push(listener)
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener)
    }
  }

  get<T extends KubeObject>(kind: string, namespace: string | undefined, name: string): T | undefined {
    return this.kinds.get(kind)?.get(objectKey(namespace, name)) as T | undefined
  }

  /** Objects of a kind (in one namespace, or all), in storage-key order: lexicographic by name. */
  list<T extends KubeObject>(kind: string, namespace?: string): T[] {
    const objects = this.kinds.get(kind)
    if (!objects) return []
    let keys = this.order.get(kind)
    // Storage keys are `namespace/name` (or `name`): code-unit order, as etcd's byte order.
    if (!keys) this.order.set(kind, (keys = [...objects.keys()].sort()))
    const out: T[] = []
    for (const key of keys) {
      const obj = objects.get(key)!
      if (namespace === undefined || obj.metadata.namespace === namespace) out.push(obj as T)
    }
    return out
  }

  /** Objects of a kind in no particular order (cheaper than `list` when order does not matter). */
  scan<T extends KubeObject>(kind: string, namespace?: string): IterableIterator<T> {
    const objects = (this.kinds.get(kind) ?? NO_OBJECTS).values() as IterableIterator<T>
    return namespace === undefined ? objects : inNamespace(objects, namespace)
  }

  /** Objects that name `uid` in their ownerReferences (of one kind, or of any). */
  dependents<T extends KubeObject = KubeObject>(uid: string, kind?: string): T[] {
    const byKind = this.byOwner.get(uid)
    if (!byKind) return []
    if (kind !== undefined) return [...(byKind.get(kind) ?? [])] as T[]
    return [...byKind.values()].flatMap((set) => [...set]) as T[]
  }

  dependentCount(uid: string, kind: string): number {
    return this.byOwner.get(uid)?.get(kind)?.size ?? 0
  }

  /** How many times the store was restored (never goes back). */
  get restoreCount(): number {
    return this.restores
  }

  /** How many times objects of `kind` were written or removed (never goes back, even on restore). */
  writeCount(kind: string): number {
    return this.writes.get(kind) ?? 0
  }

  count(kind: string): number {
    return this.kinds.get(kind)?.size ?? 0
  }

  /** Writes `obj` (ADDED or MODIFIED) and notifies watchers. The caller has set resourceVersion. */
  put(obj: KubeObject): void {
    deepFreeze(obj)
    this.writes.set(obj.kind, this.writeCount(obj.kind) + 1)
    let objects = this.kinds.get(obj.kind)
    if (!objects) this.kinds.set(obj.kind, (objects = new Map()))
    const key = keyOf(obj)
    const old = objects.get(key)
    objects.set(key, obj)
    const keys = old ? undefined : this.order.get(obj.kind)
    keys?.splice(sortedIndex(keys, key), 0, key)
    if (old) this.unindexOwners(old)
    this.indexOwners(obj)
    this.emit(old ? { type: 'MODIFIED', object: obj, oldObject: old } : { type: 'ADDED', object: obj })
  }

  /** Removes an object for good and notifies watchers with its final state. */
  remove(obj: KubeObject): void {
    const objects = this.kinds.get(obj.kind)
    const key = keyOf(obj)
    const old = objects?.get(key)
    if (!objects || !old) return
    objects.delete(key)
    this.writes.set(obj.kind, this.writeCount(obj.kind) + 1)
    const keys = this.order.get(obj.kind)
    keys?.splice(sortedIndex(keys, key), 1)
    // A delete is a write: it consumes a revision, as in etcd (so "did anything change" can compare resourceVersions).
    this.rv++
    this.unindexOwners(old)
    this.emit({ type: 'DELETED', object: old })
  }

  private emit(event: WatchEvent): void {
    for (const l of this.listeners) l(event)
  }

  private indexOwners(obj: KubeObject): void {
    for (const ref of obj.metadata.ownerReferences ?? []) {
      let byKind = this.byOwner.get(ref.uid)
      if (!byKind) this.byOwner.set(ref.uid, (byKind = new Map()))
      let set = byKind.get(obj.kind)
      if (!set) byKind.set(obj.kind, (set = new Set()))
      set.add(obj)
    }
  }

  private unindexOwners(obj: KubeObject): void {
    for (const ref of obj.metadata.ownerReferences ?? []) {
      const byKind = this.byOwner.get(ref.uid)
      const set = byKind?.get(obj.kind)
      if (!byKind || !set) continue
      set.delete(obj)
      if (set.size === 0) byKind.delete(obj.kind)
      if (byKind.size === 0) this.byOwner.delete(ref.uid)
    }
  }
}

/** Where `key` is, or would go, in the sorted `keys`. */
function sortedIndex(keys: readonly string[], key: string): number {
  let lo = 0
  let hi = keys.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (keys[mid]! < key) lo = mid + 1
    else hi = mid
  }
  return lo
}
