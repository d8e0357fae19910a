// PersistentVolume validation: pkg/apis/core/validation/validation.go (ValidatePersistentVolumeSpec,
// ValidatePersistentVolumeUpdate) for the volume sources Ordinal models (hostPath, nfs, local, csi).
// The source-immutability message is emitted without Kubernetes' `\n<cmp.Diff>` suffix.
import type { FieldError } from '../errors'
import type { PersistentVolume } from '../../model'
import { formatQuantity, quantityValue } from '../quantity'
import { semanticEqual } from './equality'
import {
  entries,
  fieldImmutableErrorMsg,
  forbidden,
  invalid,
  notSupported,
  quantityOf,
  required,
  sortedMap,
  tooLong,
} from './field'
import { isDNS1123Subdomain, nameIsDNSSubdomain } from './names'
import { validateObjectMeta, validateObjectMetaUpdate } from './objectMeta'
import {
  positiveQuantity,
  supportedVolumeModes,
  validateAccessModes,
  validateStorageClassName,
} from './persistentVolumeClaim'

type PVSpec = PersistentVolume['spec']
const supportedReclaimPolicies = ['Delete', 'Recycle', 'Retain']
export const supportedHostPathTypes = [
  '',
  'BlockDevice',
  'CharDevice',
  'Directory',
  'DirectoryOrCreate',
  'File',
  'FileOrCreate',
  'Socket',
]

/** validatePathNoBacksteps: no `..` element. */
export function noBacksteps(p: string, path: string): FieldError[] {
  return p.split('/').includes('..') ? [invalid(path, p, "must not contain '..'")] : []
}

/** validateHostPathVolumeSource, shared with pod volumes. */
export function validateHostPath(hostPath: { path?: string; type?: string }, path: string): FieldError[] {
  if (!hostPath.path) return [required(`${path}.path`)]
  const errs = noBacksteps(hostPath.path, `${path}.path`)
  if (hostPath.type !== undefined && !supportedHostPathTypes.includes(hostPath.type)) {
    errs.push(notSupported(`${path}.type`, hostPath.type, supportedHostPathTypes))
  }
  return errs
}

/** path.Clean(p) === '/' */
function isRoot(p: string): boolean {
  const stack: string[] = []
  for (const part of p.split('/')) {
    if (part === '..') stack.pop()
    else if (part && part !== '.') stack.push(part)
  }
  return p.startsWith('/') && stack.length === 0
}

function validateCapacity(capacity: PVSpec['capacity'], path: string): FieldError[] {
  const errs: FieldError[] = []
  const keys = Object.keys(capacity ?? {})
  if (keys.length === 0) errs.push(required(path))
  if (!keys.includes('storage') || keys.length > 1) {
    const shown = capacity
      ? sortedMap(Object.fromEntries(entries(capacity).map(([k, v]) => [k, canonical(v)])))
      : undefined
    errs.push(notSupported(path, shown, ['storage']))
  }
  for (const [resource, raw] of entries(capacity)) {
    const q = quantityOf(raw)
    if (q && quantityValue(q) < 0n)
      errs.push(invalid(`${path}[${resource}]`, quantityValue(q), 'must be a valid resource quantity'))
    errs.push(...positiveQuantity(raw, `${path}[${resource}]`))
  }
  return errs
}

function canonical(raw: unknown): unknown {
  const q = quantityOf(raw)
  return q ? formatQuantity(q) : raw
}

function validateSources(spec: PVSpec, nodeAffinitySpecified: boolean): FieldError[] {
  const errs: FieldError[] = []
  let sources = 0
  const add = (name: string, check: () => FieldError[]): void => {
    if (sources++ > 0) errs.push(forbidden(`spec.${name}`, 'may not specify more than 1 volume type'))
    else errs.push(...check())
  }
  if (spec.hostPath) add('hostPath', () => validateHostPath(spec.hostPath ?? {}, 'spec.hostPath'))
  const nfs = spec.nfs
  if (nfs) {
    add('nfs', () => [
      ...(nfs.server ? [] : [required('spec.nfs.server')]),
      ...(nfs.path ? [] : [required('spec.nfs.path')]),
      ...((nfs.path ?? '').startsWith('/')
        ? []
        : [invalid('spec.nfs.path', nfs.path ?? '', 'must be an absolute path')]),
    ])
  }
  const local = spec.local
  if (local) {
    add('local', () => [
      ...(local.path ? noBacksteps(local.path, 'spec.local.path') : [required('spec.local.path')]),
      ...(nodeAffinitySpecified
        ? []
        : [required('spec.nodeAffinity', 'Local volume requires node affinity')]),
    ])
  }
  const csi = spec.csi
  if (csi) add('csi', () => validateCSI(csi))
  if (sources === 0) errs.push(required('spec', 'must specify a volume type'))
  return errs
}

function validateCSI(csi: { driver?: string; volumeHandle?: string }): FieldError[] {
  const driver = csi.driver ?? ''
  const errs: FieldError[] = []
  if (!driver) errs.push(required('spec.csi.driver'))
  if (driver.length > 63) errs.push(tooLong('spec.csi.driver', 63))
  errs.push(...isDNS1123Subdomain(driver.toLowerCase()).map((m) => invalid('spec.csi.driver', driver, m)))
  if (!csi.volumeHandle) errs.push(required('spec.csi.volumeHandle'))
  return errs
}

export function validatePersistentVolume(pv: PersistentVolume): FieldError[] {
  const spec: PVSpec = pv.spec ?? {}
  const errs = [
    ...validateObjectMeta(pv.metadata, { nameFn: nameIsDNSSubdomain, namespaced: false }),
    ...validateAccessModes(spec.accessModes, 'spec.accessModes', ''),
    ...validateCapacity(spec.capacity, 'spec.capacity'),
  ]
  const policy = spec.persistentVolumeReclaimPolicy
  if (policy && !supportedReclaimPolicies.includes(policy)) {
    errs.push(notSupported('spec.persistentVolumeReclaimPolicy', policy, supportedReclaimPolicies))
  }
  const affinity = spec.nodeAffinity as { required?: unknown } | undefined
  if (affinity && !affinity.required)
    errs.push(required('spec.nodeAffinity.required', 'must specify required node constraints'))
  errs.push(...validateSources(spec, affinity !== undefined))
  if (spec.hostPath && isRoot(spec.hostPath.path ?? '') && policy === 'Recycle') {
    errs.push(
      forbidden('spec.persistentVolumeReclaimPolicy', "may not be 'recycle' for a hostPath mount of '/'"),
    )
  }
  errs.push(...validateStorageClassName(spec.storageClassName, 'spec.storageClassName'))
  if (spec.volumeMode !== undefined && !supportedVolumeModes.includes(spec.volumeMode)) {
    errs.push(notSupported('spec.volumeMode', spec.volumeMode, supportedVolumeModes))
  }
  return errs
}

const sourceOf = (s: PVSpec | undefined) => ({
  hostPath: s?.hostPath,
  nfs: s?.nfs,
  local: s?.local,
  csi: s?.csi,
})

/** ValidatePersistentVolumeUpdate: the volume source, volumeMode and a set nodeAffinity are fixed. */
export function validatePersistentVolumeUpdate(pv: PersistentVolume, old: PersistentVolume): FieldError[] {
  const errs = [...validateObjectMetaUpdate(pv.metadata, old.metadata), ...validatePersistentVolume(pv)]
  if (!semanticEqual(sourceOf(pv.spec), sourceOf(old.spec))) {
    errs.push(
      forbidden('spec.persistentvolumesource', 'spec.persistentvolumesource is immutable after creation'),
    )
  }
  if ((pv.spec?.volumeMode ?? null) !== (old.spec?.volumeMode ?? null)) {
    errs.push(invalid('volumeMode', pv.spec?.volumeMode ?? null, fieldImmutableErrorMsg))
  }
  if (old.spec?.nodeAffinity && !semanticEqual(pv.spec?.nodeAffinity, old.spec.nodeAffinity)) {
    errs.push(
      invalid(
        'nodeAffinity',
        pv.spec?.nodeAffinity,
        `${fieldImmutableErrorMsg}, except for updating from beta label to GA`,
      ),
    )
  }
  return errs
}
