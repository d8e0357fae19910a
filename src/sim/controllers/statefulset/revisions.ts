// ControllerRevisions for a StatefulSet: kubernetes/kubernetes pkg/controller/history
// (HashControllerRevision, ControllerRevisionName, FindEqualRevisions) and the revision parts of
// stateful_set_utils.go (getPatch, newRevision, ApplyRevision). A revision records only
// spec.template, so only template changes make new revisions.
import type { ControllerRevision, StatefulSet } from '../../model'
import { newControllerRef } from './utils'
import { deepFreeze } from '../../api/store'

export const HASH_LABEL = 'controller.kubernetes.io/hash'

/** FNV-1 32-bit, as Go's hash/fnv New32 (multiply, then xor). */
export function fnv1_32(text: string): number {
  let hash = 0x811c9dc5
  for (const byte of utf8(text)) {
    hash = Math.imul(hash, 0x01000193) >>> 0
    hash = (hash ^ byte) >>> 0
  }
  return hash
}

/** apimachinery's rand.SafeEncodeString: maps each byte into an alphabet without vowels or 0/1/3. */
export function safeEncodeString(s: string): string {
  const alphanums = 'bcdfghjklmnpqrstvwxz2456789'
  let out = ''
  for (let i = 0; i < s.length; i++) out += alphanums[s.charCodeAt(i) % alphanums.length]
  return out
}

const dataByTemplate = new WeakMap<object, string>()

/** getPatch: the part of the set a revision records — the template, replaced wholesale. */
export function revisionData(set: StatefulSet): string {
  const template = set.spec.template
  const cached = dataByTemplate.get(template)
  if (cached !== undefined) return cached
  const data = JSON.stringify({ spec: { template: { ...template, $patch: 'replace' } } })
  if (Object.isFrozen(template)) dataByTemplate.set(template, data)
  return data
}

/** Hashes already computed: every sync of a set hashes its (unchanged) template again. */
const hashes = new Map<string, string>()

export function hashRevisionData(data: string, collisionCount: number): string {
  // The controller always passes its collision count, so "0" is hashed too.
  const text = data + String(collisionCount)
  let hash = hashes.get(text)
  if (hash === undefined) {
    if (hashes.size >= 256) hashes.clear()
    hash = safeEncodeString(String(fnv1_32(text)))
    hashes.set(text, hash)
  }
  return hash
}

/** newRevision: an unsaved ControllerRevision for the set's current template. */
export function newRevision(set: StatefulSet, revision: number, collisionCount: number): ControllerRevision {
  const data = revisionData(set)
  const parsed = parsedData(set, data)
  const hash = hashRevisionData(data, collisionCount)
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: `${set.metadata.name.slice(0, 223)}-${hash}`,
      namespace: set.metadata.namespace,
      labels: { ...(set.spec.template.metadata?.labels ?? {}), [HASH_LABEL]: hash },
      ...(set.metadata.annotations ? { annotations: { ...set.metadata.annotations } } : {}),
      ownerReferences: [newControllerRef(set)],
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
    },
    data: parsed,
    revision,
  }
}

const parsedByTemplate = new WeakMap<object, object>()
/** Revision data → its JSON text. */
const dataText = new WeakMap<object, string>()

/**
 * The revision data as an object, parsed once per (immutable) template: every sync builds the
 * set's revision to compare it with the stored ones. Shared between those revisions, so frozen
 * at once; its JSON text is remembered, so comparing it does not serialise it again.
 */
function parsedData(set: StatefulSet, data: string): object {
  const template = set.spec.template
  let parsed = parsedByTemplate.get(template)
  if (!parsed) {
    parsed = deepFreeze(JSON.parse(data) as object)
    dataText.set(parsed, data)
    if (Object.isFrozen(template)) parsedByTemplate.set(template, parsed)
  }
  return parsed
}

function revisionText(r: ControllerRevision): string {
  const key = r.data as object
  let text = dataText.get(key)
  if (text === undefined) {
    text = JSON.stringify(r.data)
    if (Object.isFrozen(key)) dataText.set(key, text)
  }
  return text
}

export function equalRevision(a: ControllerRevision, b: ControllerRevision): boolean {
  return revisionText(a) === revisionText(b)
}

export function nextRevision(revisions: ControllerRevision[]): number {
  return revisions.reduce((max, r) => Math.max(max, r.revision), 0) + 1
}

/** ApplyRevision: the set as it was at `revision` (its template restored). */
export function applyRevision(set: StatefulSet, revision: ControllerRevision): StatefulSet {
  const data = revision.data as { spec: { template: Record<string, unknown> } }
  const { $patch: _ignored, ...template } = data.spec.template
  return { ...set, spec: { ...set.spec, template: template as unknown as StatefulSet['spec']['template'] } }
}

/** UTF-8 bytes of a string (the engine has no TextEncoder: it runs without DOM or Node types). */
function utf8(text: string): number[] {
  const bytes: number[] = []
  for (const ch of text) {
    const cp = ch.codePointAt(0)!
    if (cp < 0x80) bytes.push(cp)
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 63))
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63))
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63))
  }
  return bytes
}
