// StorageClass validation: pkg/apis/storage/validation/validation.go (ValidateStorageClass,
// ValidateStorageClassUpdate). Everything but metadata is fixed once created.
import type { FieldError } from '../errors'
import type { StorageClass } from '../../model'
import { entries, fieldImmutableErrorMsg, forbidden, invalid, notSupported, required, tooLong } from './field'
import { byteLength, isQualifiedName, nameIsDNSSubdomain } from './names'
import { validateObjectMeta, validateObjectMetaUpdate } from './objectMeta'

const maxParameters = 512
const maxParameterBytes = 256 * (1 << 10)
const reclaimPolicies = ['Delete', 'Retain']
const bindingModes = ['Immediate', 'WaitForFirstConsumer']

function validateParameters(params: Record<string, string> | undefined): FieldError[] {
  const list = entries(params)
  if (list.length > maxParameters) return [tooLong('parameters', maxParameters)]
  const errs: FieldError[] = []
  let size = 0
  for (const [k, v] of list) {
    if (k.length < 1) errs.push(invalid('parameters', k, 'field can not be empty.'))
    size += byteLength(k) + byteLength(String(v))
  }
  if (size > maxParameterBytes) errs.push(tooLong('parameters', maxParameterBytes))
  return errs
}

export function validateStorageClass(sc: StorageClass): FieldError[] {
  const errs = validateObjectMeta(sc.metadata, { nameFn: nameIsDNSSubdomain, namespaced: false })
  if (!sc.provisioner) errs.push(required('provisioner'))
  else {
    // Checked, and shown, lower-cased.
    const lower = sc.provisioner.toLowerCase()
    errs.push(...isQualifiedName(lower).map((m) => invalid('provisioner', lower, m)))
  }
  errs.push(...validateParameters(sc.parameters))
  if (sc.reclaimPolicy && !reclaimPolicies.includes(sc.reclaimPolicy)) {
    errs.push(notSupported('reclaimPolicy', sc.reclaimPolicy, reclaimPolicies))
  }
  if (sc.volumeBindingMode === undefined) errs.push(required('volumeBindingMode'))
  else if (!bindingModes.includes(sc.volumeBindingMode))
    errs.push(notSupported('volumeBindingMode', sc.volumeBindingMode, bindingModes))
  return errs
}

/** reflect.DeepEqual on the maps: an absent map and an empty one differ. */
function sameParameters(
  a: Record<string, string> | undefined,
  b: Record<string, string> | undefined,
): boolean {
  if (a === undefined || b === undefined) return a === b
  const ka = Object.keys(a)
  return (
    ka.length === Object.keys(b).length &&
    ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && a[k] === b[k])
  )
}

export function validateStorageClassUpdate(sc: StorageClass, old: StorageClass): FieldError[] {
  const errs = [...validateStorageClass(sc), ...validateObjectMetaUpdate(sc.metadata, old.metadata)]
  if (!sameParameters(sc.parameters, old.parameters))
    errs.push(forbidden('parameters', 'updates to parameters are forbidden.'))
  if (sc.provisioner !== old.provisioner)
    errs.push(forbidden('provisioner', 'updates to provisioner are forbidden.'))
  if ((sc.reclaimPolicy ?? '') !== (old.reclaimPolicy ?? ''))
    errs.push(forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'))
  if (sc.volumeBindingMode !== old.volumeBindingMode) {
    errs.push(invalid('volumeBindingMode', sc.volumeBindingMode ?? null, fieldImmutableErrorMsg))
  }
  return errs
}
