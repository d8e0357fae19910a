// The strategic merge patch `kubectl apply` sends for an object that exists
// (strategicpatch.CreateThreeWayMergePatch): what changed from the live object to the new
// manifest — additions and changes only — merged with the deletions from the last-applied
// configuration to the manifest (`null`, or `$patch: delete` items in keyed lists). A keyed list
// that changes carries `$setElementOrder/<list>`. Reduced as merge.ts is (keys chosen by field
// name) and without `$retainKeys`, which the API server removes before anything quotes the patch.
// Ordinal applies the merged object itself; the patch is what strict decoding errors quote.
import { deepEqual } from '../sim/api/apiServer'
import { isMap, mergeKeyField, mergeKeyOf } from './merge'

type JsonMap = Record<string, unknown>

/** Lists of scalars merged as sets (patchStrategy merge), kept in the manifest's order. */
const SCALAR_SETS = new Set(['finalizers'])

export function threeWayPatch(lastApplied: unknown, desired: JsonMap, live: unknown): JsonMap {
  const changes = changesOf(isMap(live) ? live : {}, desired)
  return isMap(lastApplied) ? merge(deletionsOf(lastApplied, desired), changes) : changes
}

/** diffMaps with IgnoreDeletions and SetElementOrder: what `desired` adds to or changes in `live`. */
function changesOf(live: JsonMap, desired: JsonMap): JsonMap {
  const patch: JsonMap = {}
  for (const k of Object.keys(desired)) {
    const d = desired[k]
    const l = Object.hasOwn(live, k) ? live[k] : undefined
    if (l === undefined) set(patch, k, d)
    else if (deepEqual(l, d)) continue
    else if (isMap(l) && isMap(d)) setIfAny(patch, k, changesOf(l, d))
    else if (Array.isArray(l) && Array.isArray(d) && (keyedLists(k, l, d) || SCALAR_SETS.has(k))) {
      if (l.length === 0) set(patch, k, d)
      else if (SCALAR_SETS.has(k)) {
        const added = d.filter((v) => !l.includes(v))
        if (added.length) set(patch, k, added)
        set(patch, `$setElementOrder/${k}`, d)
      } else listChanges(patch, k, l as JsonMap[], d as JsonMap[])
    } else set(patch, k, d)
  }
  return patch
}

function keyedLists(field: string, a: unknown[], b: unknown[]): boolean {
  return !!mergeKeyOf(field) && a.every(isMap) && b.every(isMap)
}

function listChanges(patch: JsonMap, k: string, live: JsonMap[], desired: JsonMap[]): void {
  const keyOf = mergeKeyOf(k)!
  const items: JsonMap[] = []
  for (const item of desired) {
    const match = live.find((l) => keyOf(l) === keyOf(item))
    if (!match) items.push(item)
    else {
      const field = mergeKeyField(k, item)!
      const changes = changesOf(match, item)
      if (Object.keys(changes).length) items.push(set(changes, field, item[field]))
    }
  }
  const sameOrder = live.length === desired.length && live.every((l, i) => keyOf(l) === keyOf(desired[i]!))
  if (items.length) set(patch, k, items)
  if ((items.length || !sameOrder) && desired.length)
    set(
      patch,
      `$setElementOrder/${k}`,
      desired.map((item) => {
        const field = mergeKeyField(k, item)!
        return set({}, field, item[field])
      }),
    )
}

/** diffMaps with IgnoreChangesAndAdditions: what the last-applied configuration had and `desired` drops. */
function deletionsOf(last: JsonMap, desired: JsonMap): JsonMap {
  const patch: JsonMap = {}
  for (const k of Object.keys(last)) {
    const l = last[k]
    if (!Object.hasOwn(desired, k)) {
      set(patch, k, null)
      continue
    }
    const d = desired[k]
    if (isMap(l) && isMap(d)) setIfAny(patch, k, deletionsOf(l, d))
    else if (Array.isArray(l) && Array.isArray(d) && keyedLists(k, l, d)) {
      const keyOf = mergeKeyOf(k)!
      const items: JsonMap[] = []
      for (const item of l as JsonMap[]) {
        const field = mergeKeyField(k, item)!
        const match = (d as JsonMap[]).find((x) => keyOf(x) === keyOf(item))
        const gone = match ? deletionsOf(item, match) : { $patch: 'delete' }
        if (Object.keys(gone).length) items.push(set(gone, field, item[field]))
      }
      if (items.length) set(patch, k, items)
    } else if (Array.isArray(l) && Array.isArray(d) && SCALAR_SETS.has(k)) {
      const removed = l.filter((v) => !d.includes(v))
      if (removed.length) set(patch, `$deleteFromPrimitiveList/${k}`, removed)
    }
  }
  return patch
}

/** The deletions patch with the changes patch merged in (maps merge; keyed lists join). */
function merge(deletions: JsonMap, changes: JsonMap): JsonMap {
  const out = { ...deletions }
  for (const k of Object.keys(changes)) {
    const a = Object.hasOwn(out, k) ? out[k] : undefined
    const b = changes[k]
    if (isMap(a) && isMap(b)) set(out, k, merge(a, b))
    else if (Array.isArray(a) && Array.isArray(b) && mergeKeyOf(k)) set(out, k, [...b, ...a])
    else set(out, k, b)
  }
  return out
}

/** Sets an own key (a `__proto__` key stays a key), returning the map. */
function set(map: JsonMap, key: string, value: unknown): JsonMap {
  Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true })
  return map
}

function setIfAny(map: JsonMap, key: string, value: JsonMap): void {
  if (Object.keys(value).length) set(map, key, value)
}
