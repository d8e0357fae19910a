// Strategic merge (k8s.io/apimachinery strategicpatch), reduced to the list merge keys of the
// kinds Ordinal serves: `kubectl patch` (default type) and the three-way merge behind
// `kubectl apply` (last-applied configuration, the new manifest, the live object).
// Simplification: merge keys are chosen by field name, not by the full Go type path.

type Json = unknown
type JsonMap = Record<string, Json>

const MERGE_KEYS: Record<string, (item: JsonMap) => string | undefined> = {
  containers: (i) => str(i.name),
  initContainers: (i) => str(i.name),
  volumes: (i) => str(i.name),
  volumeMounts: (i) => str(i.mountPath),
  env: (i) => str(i.name),
  imagePullSecrets: (i) => str(i.name),
  ownerReferences: (i) => str(i.uid),
  conditions: (i) => str(i.type),
  // Container ports merge on containerPort; Service ports on port.
  ports: (i) =>
    i.containerPort !== undefined
      ? `c${String(i.containerPort)}`
      : i.port !== undefined
        ? `s${String(i.port)}/${str(i.protocol) ?? 'TCP'}`
        : undefined,
}

/** The field that holds an item's merge key in the list `field` (`name`, `mountPath`, …), if it is a keyed list. */
export function mergeKeyField(field: string, item: JsonMap): string | undefined {
  if (!mergeKeyOf(field)) return undefined
  if (field === 'ports') return item.containerPort !== undefined ? 'containerPort' : 'port'
  return { volumeMounts: 'mountPath', ownerReferences: 'uid', conditions: 'type' }[field] ?? 'name'
}

/** The identity of an item in the keyed list `field`, or undefined when the list is not merged by key. */
export function mergeKeyOf(field: string): ((item: JsonMap) => string | undefined) | undefined {
  // hasOwn: a list under a key named `constructor` is not keyed by Object.
  return Object.hasOwn(MERGE_KEYS, field) ? MERGE_KEYS[field] : undefined
}

function str(v: Json): string | undefined {
  return typeof v === 'string' ? v : undefined
}

export function isMap(v: Json): v is JsonMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** kubectl apply's result: `live` changed as `desired` says, forgetting what `lastApplied` had and `desired` dropped. */
export function threeWayMerge(live: Json, lastApplied: Json, desired: Json, field = ''): Json {
  if (desired === null) return undefined
  if (isMap(desired) && isMap(live)) {
    const out: JsonMap = { ...live }
    for (const [k, v] of Object.entries(desired)) {
      const merged = threeWayMerge(live[k], isMap(lastApplied) ? lastApplied[k] : undefined, v, k)
      if (merged === undefined) delete out[k]
      else out[k] = merged
    }
    if (isMap(lastApplied)) for (const k of Object.keys(lastApplied)) if (!(k in desired)) delete out[k]
    return out
  }
  const keyOf = mergeKeyOf(field)
  if (keyOf && Array.isArray(desired) && Array.isArray(live) && desired.every(isMap) && live.every(isMap)) {
    const lastKeys = new Set(Array.isArray(lastApplied) ? lastApplied.filter(isMap).map(keyOf) : [])
    const liveByKey = new Map(live.map((i) => [keyOf(i), i]))
    const lastByKey = new Map(
      (Array.isArray(lastApplied) ? lastApplied.filter(isMap) : []).map((i) => [keyOf(i), i]),
    )
    const desiredKeys = new Set(desired.map(keyOf))
    const merged = desired.map((item) =>
      threeWayMerge(liveByKey.get(keyOf(item)), lastByKey.get(keyOf(item)), item),
    )
    const keptFromLive = live.filter((i) => !desiredKeys.has(keyOf(i)) && !lastKeys.has(keyOf(i)))
    return [...merged, ...keptFromLive]
  }
  return desired
}

/** Applies a strategic merge patch (`kubectl patch` default): maps merge, null deletes, keyed lists merge by key. */
export function strategicMergePatch(target: Json, patch: Json, field = ''): Json {
  if (patch === null) return undefined
  if (isMap(patch)) {
    if (patch.$patch === 'replace') {
      const { $patch: _r, ...rest } = patch
      return rest
    }
    if (patch.$patch === 'delete') return undefined
    const out: JsonMap = isMap(target) ? { ...target } : {}
    for (const [k, v] of Object.entries(patch)) {
      const merged = strategicMergePatch(out[k], v, k)
      if (merged === undefined) delete out[k]
      else out[k] = merged
    }
    return out
  }
  const keyOf = mergeKeyOf(field)
  if (keyOf && Array.isArray(patch) && Array.isArray(target) && patch.every(isMap) && target.every(isMap)) {
    const out = [...target] as JsonMap[]
    for (const item of patch) {
      const i = out.findIndex((t) => keyOf(t) === keyOf(item))
      if (item.$patch === 'delete') {
        if (i >= 0) out.splice(i, 1)
      } else if (i >= 0) out[i] = strategicMergePatch(out[i], item) as JsonMap
      else out.push(item)
    }
    return out
  }
  return patch
}

/** RFC 7386 JSON merge patch (`--type=merge`): maps merge, null deletes, everything else replaces. */
export function jsonMergePatch(target: Json, patch: Json): Json {
  if (!isMap(patch)) return patch
  const out: JsonMap = isMap(target) ? { ...target } : {}
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k]
    else out[k] = jsonMergePatch(out[k], v)
  }
  return out
}

export interface JsonPatchOp {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test'
  path: string
  value?: Json
  from?: string
}

/** RFC 6902 JSON patch (`--type=json`). Throws with the apimachinery-style message on a bad path. */
export function jsonPatch(target: Json, ops: JsonPatchOp[]): Json {
  let doc = clone(target)
  for (const op of ops) {
    const parts = op.path
      .split('/')
      .slice(1)
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    if (op.op === 'test') {
      if (JSON.stringify(getPath(doc, parts)) !== JSON.stringify(op.value))
        throw new Error(`testing value ${op.path} failed: test failed`)
      continue
    }
    if (op.op === 'move' || op.op === 'copy') {
      const fromParts = (op.from ?? '').split('/').slice(1)
      const value = clone(getPath(doc, fromParts))
      if (op.op === 'move') doc = setPath(doc, fromParts, undefined, 'remove', op.from ?? '')
      doc = setPath(doc, parts, value, 'add', op.path)
      continue
    }
    doc = setPath(doc, parts, op.value, op.op, op.path)
  }
  return doc
}

function getPath(doc: Json, parts: string[]): Json {
  let cur = doc
  for (const p of parts) cur = Array.isArray(cur) ? cur[Number(p)] : isMap(cur) ? cur[p] : undefined
  return cur
}

function setPath(doc: Json, parts: string[], value: Json, op: string, path: string): Json {
  if (parts.length === 0) return value
  const [head, ...tail] = parts as [string, ...string[]]
  if (Array.isArray(doc)) {
    const arr = [...doc]
    const index = head === '-' ? arr.length : Number(head)
    if (tail.length === 0) {
      if (op === 'add') arr.splice(index, 0, value)
      else if (op === 'remove') {
        if (index >= arr.length)
          throw new Error(`remove operation does not apply: doc is missing path: "${path}": missing value`)
        arr.splice(index, 1)
      } else arr[index] = value
      return arr
    }
    arr[index] = setPath(arr[index], tail, value, op, path)
    return arr
  }
  if (!isMap(doc))
    throw new Error(`${op} operation does not apply: doc is missing path: "${path}": missing value`)
  const out: JsonMap = { ...doc }
  if (tail.length === 0) {
    if (op === 'remove' || op === 'replace') {
      if (!(head in out))
        throw new Error(`${op} operation does not apply: doc is missing path: "${path}": missing value`)
    }
    if (op === 'remove') delete out[head]
    else out[head] = value
    return out
  }
  if (!(head in out))
    throw new Error(`${op} operation does not apply: doc is missing path: "${path}": missing value`)
  out[head] = setPath(out[head], tail, value, op, path)
  return out
}

function clone(v: Json): Json {
  return v === undefined ? v : JSON.parse(JSON.stringify(v))
}
