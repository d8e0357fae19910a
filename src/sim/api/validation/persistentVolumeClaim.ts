// PersistentVolumeClaim validation: pkg/apis/core/validation/validation.go
// (ValidatePersistentVolumeClaimSpec, ValidatePersistentVolumeClaimUpdate), v1.34+ behaviour with
// RecoverVolumeExpansionFailure on (GA). The spec-immutability message is emitted without the
// `\n<cmp.Diff>` suffix Kubernetes appends: the diff is Go-struct noise a learner cannot act on.
import type { FieldError } from '../errors'
import type { PersistentVolumeClaim, PersistentVolumeClaimSpec } from '../../model'
import { compareQuantities, formatQuantity } from '../quantity'
import { semanticEqual } from './equality'
import { fieldImmutableErrorMsg, forbidden, invalid, notSupported, quantityOf, required } from './field'
import { nameIsDNSSubdomain } from './names'
import { validateObjectMeta, validateObjectMetaUpdate } from './objectMeta'
import { validateLabelSelector } from './selector'

export const supportedAccessModes = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod']
export const supportedVolumeModes = ['Block', 'Filesystem']
const betaStorageClassAnnotation = 'volume.beta.kubernetes.io/storage-class'

/** Access modes as both PVCs and PVs check them; `requiredDetail` differs between the two. */
export function validateAccessModes(
  modes: readonly string[] | undefined,
  path: string,
  requiredDetail: string,
): FieldError[] {
  const errs: FieldError[] = []
  const list = modes ?? []
  if (list.length === 0) errs.push(required(path, requiredDetail))
  let readWriteOncePod = false
  let other = false
  for (const mode of list) {
    if (!supportedAccessModes.includes(mode)) errs.push(notSupported(path, mode, supportedAccessModes))
    if (mode === 'ReadWriteOncePod') readWriteOncePod = true
    else if (supportedAccessModes.includes(mode)) other = true
  }
  if (readWriteOncePod && other)
    errs.push(forbidden(path, 'may not use ReadWriteOncePod with other access modes'))
  return errs
}

/** ValidatePositiveQuantityValue: the value shown is the quantity's canonical string. */
export function positiveQuantity(raw: unknown, path: string): FieldError[] {
  const q = quantityOf(raw)
  if (!q || compareQuantities(q, 0) > 0) return []
  return [invalid(path, formatQuantity(q), 'must be greater than zero')]
}

export function validateStorageClassName(name: string | null | undefined, path: string): FieldError[] {
  if (!name) return []
  return nameIsDNSSubdomain(name, false).map((m) => invalid(path, name, m))
}

/** ValidatePersistentVolumeClaimSpec, also used for StatefulSet volumeClaimTemplates. */
export function validatePersistentVolumeClaimSpec(
  spec: PersistentVolumeClaimSpec | undefined,
  path: string,
): FieldError[] {
  const s = spec ?? {}
  const errs: FieldError[] = []
  const modes = validateAccessModes(
    s.accessModes,
    `${path}.accessModes`,
    'at least 1 access mode is required',
  )
  // Go reports the missing-modes error, then the selector, then each bad mode.
  if (!s.accessModes?.length) errs.push(...modes.splice(0, 1))
  errs.push(...validateLabelSelector(s.selector, `${path}.selector`), ...modes)
  const storagePath = `${path}.resources[storage]`
  const requests = s.resources?.requests
  if (!requests || !Object.prototype.hasOwnProperty.call(requests, 'storage'))
    errs.push(required(storagePath))
  else errs.push(...positiveQuantity(requests.storage, storagePath))
  errs.push(...validateStorageClassName(s.storageClassName, `${path}.storageClassName`))
  if (s.volumeMode !== undefined && !supportedVolumeModes.includes(s.volumeMode)) {
    errs.push(notSupported(`${path}.volumeMode`, s.volumeMode, supportedVolumeModes))
  }
  return errs
}

export function validatePersistentVolumeClaim(pvc: PersistentVolumeClaim): FieldError[] {
  return [
    ...validateObjectMeta(pvc.metadata, { nameFn: nameIsDNSSubdomain, namespaced: true }),
    ...validatePersistentVolumeClaimSpec(pvc.spec, 'spec'),
  ]
}

/**
 * ValidatePersistentVolumeClaimUpdate. Status comes from the stored object (the strategy's
 * PrepareForUpdate copies it), so phase and capacity are read from `old`.
 */
export function validatePersistentVolumeClaimUpdate(
  pvc: PersistentVolumeClaim,
  old: PersistentVolumeClaim,
): FieldError[] {
  const errs = [
    ...validateObjectMetaUpdate(pvc.metadata, old.metadata),
    ...validatePersistentVolumeClaim(pvc),
  ]
  const newSpec: PersistentVolumeClaimSpec = { ...pvc.spec }
  const oldSpec: PersistentVolumeClaimSpec = { ...old.spec }
  // The PV controller may set volumeName once.
  if (!old.spec?.volumeName) oldSpec.volumeName = newSpec.volumeName
  const oldAnnotation = old.metadata?.annotations?.[betaStorageClassAnnotation]
  const newAnnotation = pvc.metadata?.annotations?.[betaStorageClassAnnotation]
  if (newAnnotation !== oldAnnotation) {
    const path = `metadata.annotations.${betaStorageClassAnnotation}`
    errs.push(invalid(path, newAnnotation ?? '', fieldImmutableErrorMsg))
  }
  // A class may be set on a claim that had none (nil), unless a beta annotation names another.
  const oldClass = old.spec?.storageClassName
  if ((oldClass === undefined || oldClass === null) && newSpec.storageClassName != null) {
    if (oldAnnotation === undefined || oldAnnotation === newSpec.storageClassName)
      newSpec.storageClassName = oldClass
  }
  const bound = old.status?.phase === 'Bound'
  if (bound && newSpec.resources?.requests) {
    newSpec.resources = { ...newSpec.resources, requests: { ...newSpec.resources.requests } }
    const requests = newSpec.resources.requests as Record<string, unknown>
    requests.storage = oldSpec.resources?.requests?.storage
  }
  if (!semanticEqual(newSpec, oldSpec)) {
    errs.push(
      forbidden(
        'spec',
        'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
      ),
    )
  }
  const newSize = quantityOf(pvc.spec?.resources?.requests?.storage ?? 0)
  const oldSize = quantityOf(old.spec?.resources?.requests?.storage ?? 0)
  const statusSize = quantityOf(old.status?.capacity?.storage ?? 0)
  if (
    newSize &&
    oldSize &&
    statusSize &&
    compareQuantities(newSize, oldSize) < 0 &&
    compareQuantities(newSize, statusSize) <= 0
  ) {
    errs.push(forbidden('spec.resources.requests.storage', 'field can not be less than status.capacity'))
  }
  // Kubernetes reports this one at the bare path `volumeMode`.
  if ((pvc.spec?.volumeMode ?? null) !== (old.spec?.volumeMode ?? null)) {
    errs.push(invalid('volumeMode', pvc.spec?.volumeMode ?? null, fieldImmutableErrorMsg))
  }
  return errs
}
