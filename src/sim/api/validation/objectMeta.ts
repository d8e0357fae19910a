// ObjectMeta validation: apimachinery pkg/api/validation/objectmeta.go (ValidateObjectMetaAccessor,
// ValidateObjectMetaAccessorUpdate, ValidateAnnotations), meta/v1/validation ValidateLabels and
// core's validateKubeFinalizerName.
// Simplifications: the store is expected to have generated names (generateName) and filled the
// namespace before validating, as the REST layer does; an absent namespace is therefore not
// reported, and server-owned fields (uid, creationTimestamp) are compared only when both carry them.
import type { FieldError } from '../errors'
import type { ObjectMeta } from '../../model'
import { entries, fieldImmutableErrorMsg, invalid, nonNegative, required, tooLong } from './field'
import { byteLength, isQualifiedName, isValidLabelValue, nameIsDNSLabel, type NameFn } from './names'

const totalAnnotationSizeLimitB = 256 * (1 << 10)
const standardFinalizers = new Set(['kubernetes', 'orphan', 'foregroundDeletion'])

type Meta = Partial<ObjectMeta>

export function validateLabels(
  labels: Readonly<Record<string, string>> | undefined,
  path: string,
): FieldError[] {
  const errs: FieldError[] = []
  for (const [k, v] of entries(labels)) {
    errs.push(...isQualifiedName(k).map((m) => invalid(path, k, m)))
    errs.push(...isValidLabelValue(String(v)).map((m) => invalid(path, v, m)))
  }
  return errs
}

export function validateAnnotations(
  annotations: Readonly<Record<string, string>> | undefined,
  path: string,
): FieldError[] {
  const errs: FieldError[] = []
  let size = 0
  for (const [k, v] of entries(annotations)) {
    // Annotation keys are qualified names except that case does not matter.
    errs.push(...isQualifiedName(k.toLowerCase()).map((m) => invalid(path, k, m)))
    size += byteLength(k) + byteLength(String(v))
  }
  if (size > totalAnnotationSizeLimitB) errs.push(tooLong(path, totalAnnotationSizeLimitB))
  return errs
}

function validateFinalizers(finalizers: readonly string[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = []
  const list = finalizers ?? []
  for (const f of list) errs.push(...isQualifiedName(f).map((m) => invalid(path, f, m)))
  if (list.includes('orphan') && list.includes('foregroundDeletion')) {
    errs.push(invalid(path, list, 'finalizer orphan and foregroundDeletion cannot be both set'))
  }
  list.forEach((f, i) => {
    const at = `${path}[${i}]`
    errs.push(...isQualifiedName(f).map((m) => invalid(at, f, m)))
    if (!f.includes('/') && !standardFinalizers.has(f)) {
      errs.push(invalid(at, f, 'name is neither a standard finalizer name nor is it fully qualified'))
    }
  })
  return errs
}

export interface MetaRules {
  nameFn: NameFn
  namespaced: boolean
}

/** ValidateObjectMeta for a create, under `metadata`. */
export function validateObjectMeta(
  meta: Meta | undefined,
  rules: MetaRules,
  path = 'metadata',
): FieldError[] {
  const m = meta ?? {}
  const errs: FieldError[] = []
  if (m.generateName) {
    errs.push(
      ...rules
        .nameFn(m.generateName, true)
        .map((msg) => invalid(`${path}.generateName`, m.generateName, msg)),
    )
  }
  if (!m.name) errs.push(required(`${path}.name`, 'name or generateName is required'))
  else errs.push(...rules.nameFn(m.name, false).map((msg) => invalid(`${path}.name`, m.name, msg)))
  if (rules.namespaced && m.namespace) {
    errs.push(
      ...nameIsDNSLabel(m.namespace, false).map((msg) => invalid(`${path}.namespace`, m.namespace, msg)),
    )
  }
  errs.push(...nonNegative(m.generation, `${path}.generation`))
  errs.push(...validateLabels(m.labels, `${path}.labels`))
  errs.push(...validateAnnotations(m.annotations, `${path}.annotations`))
  errs.push(...validateFinalizers(m.finalizers, `${path}.finalizers`))
  return errs
}

function immutable(newVal: unknown, oldVal: unknown, path: string): FieldError[] {
  return newVal === oldVal ? [] : [invalid(path, newVal ?? '', fieldImmutableErrorMsg)]
}

/** ValidateObjectMetaUpdate: identity fields are immutable, labels and annotations re-checked. */
export function validateObjectMetaUpdate(
  newMeta: Meta | undefined,
  oldMeta: Meta | undefined,
  path = 'metadata',
): FieldError[] {
  const n = newMeta ?? {}
  const o = oldMeta ?? {}
  const errs: FieldError[] = [
    ...immutable(n.name ?? '', o.name ?? '', `${path}.name`),
    ...immutable(n.namespace ?? '', o.namespace ?? '', `${path}.namespace`),
  ]
  if (n.uid !== undefined && o.uid !== undefined) errs.push(...immutable(n.uid, o.uid, `${path}.uid`))
  if (n.creationTimestamp !== undefined && o.creationTimestamp !== undefined) {
    errs.push(...immutable(n.creationTimestamp, o.creationTimestamp, `${path}.creationTimestamp`))
  }
  errs.push(...nonNegative(n.generation, `${path}.generation`))
  errs.push(...validateLabels(n.labels, `${path}.labels`))
  errs.push(...validateAnnotations(n.annotations, `${path}.annotations`))
  errs.push(...validateFinalizers(n.finalizers, `${path}.finalizers`))
  return errs
}
