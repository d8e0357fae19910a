// printers.go printPersistentVolumeClaim, printPersistentVolume (v1.29+ columns with
// VOLUMEATTRIBUTESCLASS) and printStorageClass.
import type { KubeObject, PersistentVolume, PersistentVolumeClaim, StorageClass } from '../../../sim/model'
import { translateTimestampSince } from '../humanDuration'
import { AGE, NAME, type TableHandler } from './types'
import { accessModesString, isDefaultStorageClass, quantityString, storageClassOf } from './util'

// VolumeAttributesClass (v1.29+) is not in Ordinal's model; read it if a manifest carried it.
type WithVAC = { volumeAttributesClassName?: string | null }

export const persistentVolumeClaimTable: TableHandler = {
  columns: [
    NAME,
    { name: 'Status' },
    { name: 'Volume' },
    { name: 'Capacity' },
    { name: 'Access Modes' },
    { name: 'StorageClass' },
    { name: 'VolumeAttributesClass' },
    AGE,
    { name: 'VolumeMode', priority: 1 },
  ],
  row(obj: KubeObject, nowMs: number) {
    const pvc = obj as PersistentVolumeClaim
    const spec = pvc.spec as PersistentVolumeClaim['spec'] & WithVAC
    // Capacity and access modes come from status, and only once the claim names a volume.
    const bound = !!spec.volumeName
    return [
      pvc.metadata.name,
      pvc.metadata.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? ''),
      spec.volumeName ?? '',
      bound ? quantityString(pvc.status?.capacity?.storage) : '',
      bound ? accessModesString(pvc.status?.accessModes) : '',
      storageClassOf(pvc.metadata.annotations, spec.storageClassName),
      spec.volumeAttributesClassName ?? '<unset>',
      translateTimestampSince(pvc.metadata.creationTimestamp, nowMs),
      spec.volumeMode ?? '<unset>',
    ]
  },
}

export const persistentVolumeTable: TableHandler = {
  columns: [
    NAME,
    { name: 'Capacity' },
    { name: 'Access Modes' },
    { name: 'Reclaim Policy' },
    { name: 'Status' },
    { name: 'Claim' },
    { name: 'StorageClass' },
    { name: 'VolumeAttributesClass' },
    { name: 'Reason' },
    AGE,
    { name: 'VolumeMode', priority: 1 },
  ],
  row(obj: KubeObject, nowMs: number) {
    const pv = obj as PersistentVolume
    const spec = pv.spec as PersistentVolume['spec'] & WithVAC
    const claim = spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : ''
    return [
      pv.metadata.name,
      quantityString(spec.capacity?.storage),
      accessModesString(spec.accessModes),
      spec.persistentVolumeReclaimPolicy ?? '',
      pv.metadata.deletionTimestamp ? 'Terminating' : (pv.status?.phase ?? ''),
      claim,
      storageClassOf(pv.metadata.annotations, spec.storageClassName),
      spec.volumeAttributesClassName ?? '<unset>',
      pv.status?.reason ?? '',
      translateTimestampSince(pv.metadata.creationTimestamp, nowMs),
      spec.volumeMode ?? '<unset>',
    ]
  },
}

export const storageClassTable: TableHandler = {
  columns: [
    NAME,
    { name: 'Provisioner' },
    { name: 'ReclaimPolicy' },
    { name: 'VolumeBindingMode' },
    { name: 'AllowVolumeExpansion' },
    AGE,
  ],
  row(obj: KubeObject, nowMs: number) {
    const sc = obj as StorageClass
    return [
      isDefaultStorageClass(sc.metadata.annotations) ? `${sc.metadata.name} (default)` : sc.metadata.name,
      sc.provisioner,
      sc.reclaimPolicy ?? 'Delete',
      sc.volumeBindingMode ?? 'Immediate',
      String(sc.allowVolumeExpansion ?? false), // a bool cell, printed by fmt as true/false
      translateTimestampSince(sc.metadata.creationTimestamp, nowMs),
    ]
  },
}
