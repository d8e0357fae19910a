// Server-side field validation (GA in v1.27): what the API server does with fields the kind's
// types do not have, by the request's `fieldValidation` parameter — kubectl's `--validate`
// (strict by default). Strict fails the request, Warn answers with a warning per field, Ignore
// drops them silently; Warn and Ignore store the object without them, as decoding into Go types
// does. A create or update body fails with BadRequest from the decoder (apiserver handlers
// transformDecodeError: `<Kind> in version "v1" cannot be handled as a <Kind>: strict decoding
// error: unknown field "spec.foo", unknown field "spec.bar"`, sigs.k8s.io/json's order, at most
// 100); a strategic merge patch (what `kubectl apply` sends for an existing object) fails with
// Invalid, quoting the patch (handlers/patch.go applyPatchToObject; the fields sorted, as
// runtime.DefaultUnstructuredConverter sorts them).
import type { KubeObject } from '../model'
import { StatusError, type FieldError } from './errors'
import { compareGo, goQuote, goValue } from './goFormat'
import { fieldPathText, unknownFields, withoutUnknownFields, type FieldPath } from './unknownFields'

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore'

export interface DecodeRequest {
  /** Absent for the engine's own writes: like client-go's typed objects, they have no unknown fields. */
  fieldValidation?: FieldValidation
  /** The strategic merge patch the object came from, and the object it was applied to. */
  patch?: { body: Record<string, unknown>; live: KubeObject }
}

export interface StrictDecodingFailure {
  error: StatusError
  /** The unknown fields, in the order the message names them. */
  fields: FieldPath[]
  /** `unknown field "spec.foo"` for each: the message's parts, and Warn's warnings. */
  texts: string[]
}

/** sigs.k8s.io/json stops collecting strict errors at 100. */
const MAX_JSON_ERRORS = 100

/** The error strict decoding gives `obj`, or undefined when every field is known. */
export function strictDecodingFailure(
  obj: KubeObject,
  request: DecodeRequest,
): StrictDecodingFailure | undefined {
  const { fields, texts } = findings(obj, request)
  if (!fields.length) return undefined
  const message = `strict decoding error: ${texts.join(', ')}`
  if (request.patch) {
    const value = goQuote(goValue(consumedPatch(request.patch.body, request.patch.live)))
    const cause: FieldError = { field: 'patch', type: 'Invalid value', value, detail: message }
    const error = new StatusError('Invalid', ` "" is invalid: patch: Invalid value: ${value}: ${message}`, {
      kind: '',
      name: '',
      causes: [cause],
    })
    return { error, fields, texts }
  }
  const version = (obj.apiVersion ?? '').split('/').pop() || 'v1'
  const error = new StatusError(
    'BadRequest',
    `${obj.kind} in version "${version}" cannot be handled as a ${obj.kind}: ${message}`,
    { kind: obj.kind },
  )
  return { error, fields, texts }
}

function findings(obj: KubeObject, request: DecodeRequest): { fields: FieldPath[]; texts: string[] } {
  const all = unknownFields(obj)
  if (request.patch) {
    // The converter quotes with %s, not %q, and sorts its errors by their text.
    const found = all.map((f) => ({ f, text: `unknown field "${fieldPathText(f)}"` }))
    found.sort((a, b) => compareGo(a.text, b.text))
    return { fields: found.map((x) => x.f), texts: found.map((x) => x.text) }
  }
  const fields = all.slice(0, MAX_JSON_ERRORS)
  return { fields, texts: fields.map((f) => `unknown field ${goQuote(fieldPathText(f))}`) }
}

/**
 * Decodes a write's object as its `fieldValidation` asks: throws the strict decoding error,
 * or returns the object without its unknown fields and the warnings the response carries.
 */
export function decodeFields<T extends KubeObject>(
  obj: T,
  request: DecodeRequest,
): { object: T; warnings: string[] } {
  if (!request.fieldValidation) return { object: obj, warnings: [] }
  const failure = strictDecodingFailure(obj, request)
  if (!failure) return { object: obj, warnings: [] }
  if (request.fieldValidation === 'Strict') throw failure.error
  const object = withoutUnknownFields(obj, unknownFields(obj))
  return { object, warnings: request.fieldValidation === 'Warn' ? failure.texts : [] }
}

/**
 * The patch as the error quotes it: StrategicMergeMapPatch has by then consumed, in place, the
 * lists it merged under a `$setElementOrder` directive (with the directive) and `$retainKeys`,
 * in every map the live object also has.
 */
function consumedPatch(patch: Record<string, unknown>, live: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const liveMap = isObject(live) ? live : {}
  const merged = new Set(
    Object.keys(patch)
      .filter((k) => k.startsWith('$setElementOrder/'))
      .flatMap((k) => [k, k.slice('$setElementOrder/'.length)]),
  )
  for (const k of Object.keys(patch)) {
    if (merged.has(k) || k === '$retainKeys') continue
    const v = patch[k]
    const value =
      isObject(v) && Object.hasOwn(liveMap, k) && isObject(liveMap[k]) ? consumedPatch(v, liveMap[k]) : v
    // defineProperty keeps a `__proto__` key an own key instead of setting the prototype.
    Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true })
  }
  return out
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
