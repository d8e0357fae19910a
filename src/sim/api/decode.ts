// The quantity half of request decoding (resource.Quantity.UnmarshalJSON): a malformed quantity
// fails the whole request with 400 BadRequest before defaulting or validation run (F149).
// Values are left as written: the API server would store the canonical form, but Ordinal keeps
// the user's text and canonicalises when displaying (canonicalQuantity), so a re-apply of the
// same manifest compares equal and edits show what the learner typed.
import { StatusError } from './errors'
import { QuantityError, parseQuantity } from './quantity'
import type { KubeObject } from '../model'
import { decodeTypes } from './decodeTypes'

type Obj = Record<string, unknown>
const asObj = (v: unknown): Obj | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])

/** UnmarshalJSON: null is a zero quantity; strings are trimmed (the JSON decoder's TrimSpace); a bare number is its digits. */
function checkQuantity(raw: unknown): void {
  if (raw === null || raw === undefined) return
  const text =
    typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : JSON.stringify(raw)
  parseQuantity(text)
}

function checkResourceList(list: unknown): void {
  for (const v of Object.values(asObj(list) ?? {})) checkQuantity(v)
}

function checkRequirements(resources: unknown): void {
  checkResourceList(asObj(resources)?.requests)
  checkResourceList(asObj(resources)?.limits)
}

function checkPodSpec(spec: unknown): void {
  const s = asObj(spec)
  for (const c of [...asList(s?.containers), ...asList(s?.initContainers)])
    checkRequirements(asObj(c)?.resources)
  for (const v of asList(s?.volumes)) checkQuantity(asObj(asObj(v)?.emptyDir)?.sizeLimit)
}

function checkObject(obj: KubeObject): void {
  const o = obj as unknown as Obj
  const spec = asObj(o.spec)
  switch (obj.kind) {
    case 'PersistentVolumeClaim':
      checkRequirements(spec?.resources)
      checkResourceList(asObj(o.status)?.capacity)
      break
    case 'PersistentVolume':
      checkResourceList(spec?.capacity)
      break
    case 'Pod':
      checkPodSpec(spec)
      break
    case 'Deployment':
    case 'ReplicaSet':
      checkPodSpec(asObj(spec?.template)?.spec)
      break
    case 'StatefulSet':
      checkPodSpec(asObj(spec?.template)?.spec)
      for (const t of asList(spec?.volumeClaimTemplates)) checkRequirements(asObj(asObj(t)?.spec)?.resources)
      break
    case 'Node':
      checkResourceList(asObj(o.status)?.capacity)
      checkResourceList(asObj(o.status)?.allocatable)
      break
  }
}

/**
 * Throws StatusError('BadRequest', '<Kind> in version "v1" cannot be handled as a <Kind>: <parser
 * error>') if any known quantity field fails to parse; returns normally (changing nothing) otherwise.
 */
export function decodeQuantities(obj: KubeObject): void {
  decodeTypes(obj)
  try {
    checkObject(obj)
  } catch (e) {
    if (!(e instanceof QuantityError)) throw e
    const version = (obj.apiVersion ?? '').split('/').pop() || 'v1'
    const message = `${obj.kind} in version "${version}" cannot be handled as a ${obj.kind}: ${e.message}`
    throw new StatusError('BadRequest', message, { kind: obj.kind })
  }
}
