// What the simulated API server would answer to `kubectl apply` of one object, computed with the
// engine's own admission steps (src/sim/api/apiServer.ts) but without touching a cluster: decode
// (types, quantities, then unknown fields, strictly as kubectl asks by default), defaulting, the
// ClusterIP that admission fills in, validation on create — or, when the object already exists,
// the three-way merge kubectl sends and validation on update — and the namespace check. Each
// failure carries kubectl's text and the field it is about.
import type { KubeObject, Service } from '../sim/model'
import type { KindInfo } from '../sim/model/kinds'
import { StatusError, invalid, type FieldError } from '../sim/api/errors'
import { applyDefaults, prepareServiceForUpdate } from '../sim/api/defaults'
import { decodeQuantities } from '../sim/api/decode'
import { strictDecodingFailure } from '../sim/api/fieldValidation'
import { unknownFields, type FieldPath } from '../sim/api/unknownFields'
import { parseQuantity } from '../sim/api/quantity'
import { validateCreate, validateUpdate } from '../sim/api/validation'
import { threeWayMerge } from '../kubectl/merge'
import { errorText } from '../kubectl/printErrors'
import { threeWayPatch } from '../kubectl/applyPatch'
import { LAST_APPLIED, withLastApplied } from '../kubectl/commands/apply'
import type { ClusterIndex } from './cluster'

export interface ServerFailure {
  /** kubectl's text for this failure, exactly as `kubectl apply` prints it. */
  message: string
  /** The API field path it is about ('' for the whole object). */
  path: string
}

export interface ServerOutcome {
  /** `created` for a new object, `configured` for an existing one. */
  action: 'created' | 'configured'
  failures: ServerFailure[]
}

export function checkOnServer(
  item: { object: KubeObject; info: KindInfo },
  cluster: ClusterIndex,
  source: string,
): ServerOutcome {
  const { object, info } = item
  const live = cluster.liveObject(info.kind, object.metadata.namespace, object.metadata.name)
  const context = { action: live ? 'applying patch' : 'creating', source }
  const action = live ? 'configured' : 'created'
  try {
    const sent = live ? merged(live, object) : object
    try {
      decodeQuantities(sent)
    } catch (e) {
      const message = errorText(e, 'apply', context)
      return { action, failures: [{ message, path: badTypePath(sent, message) ?? badQuantityPath(sent) }] }
    }
    // The patch is worked out only for the message, when there is one to give.
    const strict = unknownFields(sent).length
      ? strictDecodingFailure(sent, {
          fieldValidation: 'Strict',
          ...(live ? { patch: { body: patchFor(live, object), live } } : {}),
        })
      : undefined
    if (strict) {
      // One message, marked at each unknown key.
      const message = errorText(strict.error, 'apply', context)
      return { action, failures: strict.fields.map((f) => ({ message, path: locationPath(f) })) }
    }
    if (live) {
      let next = applyDefaults(sent)
      if (next.kind === 'Service') next = prepareServiceForUpdate(live as Service, next as Service)
      const causes = validateUpdate(live, next)
      const at = (c: FieldError) => (isSpecForbidden(c) ? changedSpecField(live, next, c.detail!) : c.field)
      if (causes.length) return { action, failures: causes.map((c) => invalidCause(info, object, c, at(c))) }
    } else {
      const causes = validateCreate(withClusterIP(applyDefaults(sent)))
      if (causes.length) return { action, failures: causes.map((c) => invalidCause(info, object, c)) }
    }
    if (!live && info.namespaced && !cluster.namespaces.has(object.metadata.namespace ?? '')) {
      const e = new StatusError('NotFound', `namespaces "${object.metadata.namespace}" not found`)
      return { action, failures: [{ message: errorText(e, 'apply', context), path: 'metadata.namespace' }] }
    }
    return { action, failures: [] }
  } catch (e) {
    // The engine threw on a shape it does not expect: kubectl would print the same error.
    return { action, failures: [{ message: errorText(e, 'apply', context), path: '' }] }
  }
}

/** One cause as kubectl prints an Invalid error with that single cause. */
function invalidCause(
  info: KindInfo,
  object: KubeObject,
  cause: FieldError,
  path = cause.field,
): ServerFailure {
  const e = invalid(info.kind, info.group, object.metadata.name, [cause])
  return { message: errorText(e, 'apply'), path }
}

/** `spec: Forbidden: updates to statefulset spec for fields other than 'replicas', … are forbidden`. */
const isSpecForbidden = (c: FieldError) =>
  c.field === 'spec' && c.type === 'Forbidden' && (c.detail ?? '').includes('fields other than')

/** The first spec field that changed among those the message does not allow (`spec` if none). */
function changedSpecField(live: KubeObject, next: KubeObject, detail: string): string {
  const allowed = new Set([...detail.matchAll(/'([A-Za-z]+)'/g)].map((m) => m[1]!))
  const specOf = (o: KubeObject) =>
    Object.fromEntries(Object.entries((o as { spec?: object }).spec ?? {}).filter(([k]) => !allowed.has(k)))
  return firstDifference(specOf(live), specOf(next), 'spec') ?? 'spec'
}

function firstDifference(a: unknown, b: unknown, path: string): string | undefined {
  if (JSON.stringify(a) === JSON.stringify(b)) return undefined
  const isMap = (v: unknown): v is Record<string, unknown> =>
    !!v && typeof v === 'object' && !Array.isArray(v)
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const found = firstDifference(a[i], b[i], `${path}[${i}]`)
      if (found) return found
    }
  }
  if (isMap(a) && isMap(b)) {
    for (const k of new Set([...Object.keys(b), ...Object.keys(a)])) {
      const found = firstDifference(a[k], b[k], `${path}.${k}`)
      if (found) return found
    }
  }
  return path
}

/** What `kubectl apply` sends for an existing object: live + (last applied → desired). */
function merged(live: KubeObject, desired: KubeObject): KubeObject {
  return threeWayMerge(live, lastApplied(live), desired) as KubeObject
}

/** The strategic merge patch kubectl sends for `desired` (its error quotes it). */
function patchFor(live: KubeObject, desired: KubeObject): Record<string, unknown> {
  return threeWayPatch(
    lastApplied(live),
    withLastApplied(desired) as unknown as Record<string, unknown>,
    live,
  )
}

function lastApplied(live: KubeObject): unknown {
  const text = live.metadata.annotations?.[LAST_APPLIED]
  return text ? (JSON.parse(text) as unknown) : undefined
}

/** A field path for locateField: a key with `.` or `[` in it is written `[key]`. */
function locationPath(path: FieldPath): string {
  return path
    .map((seg, i) =>
      typeof seg === 'number' ? `[${seg}]` : /[.[\]]/.test(seg) ? `[${seg}]` : i ? `.${seg}` : seg,
    )
    .join('')
}

/**
 * ClusterIP allocation runs in admission before validation; any address stands in for the one
 * the cluster would pick (validation only checks that `clusterIPs` matches `clusterIP`).
 */
function withClusterIP(obj: KubeObject): KubeObject {
  if (obj.kind !== 'Service') return obj
  const spec = { ...(obj as Service).spec }
  if (spec.type === 'ExternalName') return obj
  if (spec.clusterIP === 'None') return { ...obj, spec: { ...spec, clusterIPs: ['None'] } } as Service
  spec.clusterIP ||= '10.96.0.2'
  return { ...obj, spec: { ...spec, clusterIPs: [spec.clusterIP] } } as Service
}

/**
 * The field a decoding error is about: `Go struct field StatefulSetSpec.spec.replicas of type
 * int32` names the path without list indexes, so the first value there that the Go type cannot
 * hold is the one (`spec.template.spec.containers[1].ports[0].containerPort`).
 */
function badTypePath(obj: unknown, message: string): string | undefined {
  const m = / into Go struct field \w+\.([\w.]+) of type (\w+)/.exec(message)
  if (!m) return undefined
  const fits = (v: unknown) =>
    m[2] === 'string'
      ? typeof v === 'string'
      : m[2] === 'bool'
        ? typeof v === 'boolean'
        : typeof v === 'number' && Number.isInteger(v) && (m[2] !== 'int32' || Math.abs(v) < 2 ** 31)
  const walk = (v: unknown, rest: string[], path: string): string | undefined => {
    if (Array.isArray(v)) {
      for (const [i, item] of v.entries()) {
        const found = walk(item, rest, `${path}[${i}]`)
        if (found) return found
      }
      return undefined
    }
    if (rest.length === 0) return v === undefined || v === null || fits(v) ? undefined : path
    if (!v || typeof v !== 'object') return undefined
    const [key, ...more] = rest as [string, ...string[]]
    if (!Object.hasOwn(v, key)) return undefined
    return walk((v as Record<string, unknown>)[key], more, path ? `${path}.${key}` : key)
  }
  return walk(obj, m[1]!.split('.'), '')
}

const QUANTITY_MAPS = new Set(['requests', 'limits', 'capacity', 'allocatable'])

/** The first quantity field that does not parse (decode errors do not name the field). */
function badQuantityPath(obj: unknown, path = ''): string {
  if (Array.isArray(obj)) {
    for (const [i, v] of obj.entries()) {
      const found = badQuantityPath(v, `${path}[${i}]`)
      if (found) return found
    }
    return ''
  }
  if (!obj || typeof obj !== 'object') return ''
  const parentKey = /([A-Za-z]+)$/.exec(path)?.[1] ?? ''
  for (const [k, v] of Object.entries(obj)) {
    const here = path ? `${path}.${k}` : k
    const isQuantity = QUANTITY_MAPS.has(parentKey) || k === 'sizeLimit'
    if (isQuantity && (typeof v === 'string' || typeof v === 'number')) {
      try {
        parseQuantity(String(v).trim())
      } catch {
        return here
      }
    } else {
      const found = badQuantityPath(v, here)
      if (found) return found
    }
  }
  return ''
}
