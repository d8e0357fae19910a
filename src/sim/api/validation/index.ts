// Admission validation, as the API server's registry strategies run it: on the defaulted object,
// after decoding (quantities already checked by decodeQuantities). Unknown kinds pass unchecked.
import type { FieldError } from '../errors'
import type {
  Deployment,
  KubeObject,
  Namespace,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  ReplicaSet,
  Service,
  StatefulSet,
  StorageClass,
} from '../../model'
import { validateDeployment, validateDeploymentUpdate } from './deployment'
import { validateReplicaSet, validateReplicaSetUpdate } from './replicaSet'
import { validateNamespace, validateNamespaceUpdate } from './namespace'
import { validatePersistentVolume, validatePersistentVolumeUpdate } from './persistentVolume'
import { validatePersistentVolumeClaim, validatePersistentVolumeClaimUpdate } from './persistentVolumeClaim'
import { validatePod, validatePodUpdate } from './pod'
import { validateService, validateServiceUpdate } from './service'
import { validateStatefulSet, validateStatefulSetUpdate } from './statefulSet'
import { validateStorageClass, validateStorageClassUpdate } from './storageClass'
import { validateOrdinalLimits } from './limits'

/** Every cause Kubernetes would report for creating `obj`, in its order, then Ordinal's limits; [] when valid. */
export function validateCreate(obj: KubeObject): FieldError[] {
  const causes = validateCreateKind(obj)
  return causes.length ? causes : validateOrdinalLimits(obj)
}

/** Every cause Kubernetes would report for replacing `oldObj` with `newObj`, then Ordinal's limits; [] when allowed. */
export function validateUpdate(oldObj: KubeObject, newObj: KubeObject): FieldError[] {
  const causes = validateUpdateKind(oldObj, newObj)
  return causes.length ? causes : validateOrdinalLimits(newObj)
}

function validateCreateKind(obj: KubeObject): FieldError[] {
  switch (obj.kind) {
    case 'StatefulSet':
      return validateStatefulSet(obj as StatefulSet)
    case 'Deployment':
      return validateDeployment(obj as Deployment)
    case 'ReplicaSet':
      return validateReplicaSet(obj as ReplicaSet)
    case 'Service':
      return validateService(obj as Service)
    case 'PersistentVolumeClaim':
      return validatePersistentVolumeClaim(obj as PersistentVolumeClaim)
    case 'PersistentVolume':
      return validatePersistentVolume(obj as PersistentVolume)
    case 'StorageClass':
      return validateStorageClass(obj as StorageClass)
    case 'Pod':
      return validatePod(obj as Pod)
    case 'Namespace':
      return validateNamespace(obj as Namespace)
    default:
      return []
  }
}

function validateUpdateKind(oldObj: KubeObject, newObj: KubeObject): FieldError[] {
  switch (newObj.kind) {
    case 'StatefulSet':
      return validateStatefulSetUpdate(newObj as StatefulSet, oldObj as StatefulSet)
    case 'Deployment':
      return validateDeploymentUpdate(newObj as Deployment, oldObj as Deployment)
    case 'ReplicaSet':
      return validateReplicaSetUpdate(newObj as ReplicaSet, oldObj as ReplicaSet)
    case 'Service':
      return validateServiceUpdate(newObj as Service, oldObj as Service)
    case 'PersistentVolumeClaim':
      return validatePersistentVolumeClaimUpdate(
        newObj as PersistentVolumeClaim,
        oldObj as PersistentVolumeClaim,
      )
    case 'PersistentVolume':
      return validatePersistentVolumeUpdate(newObj as PersistentVolume, oldObj as PersistentVolume)
    case 'StorageClass':
      return validateStorageClassUpdate(newObj as StorageClass, oldObj as StorageClass)
    case 'Pod':
      return validatePodUpdate(newObj as Pod, oldObj as Pod)
    case 'Namespace':
      return validateNamespaceUpdate(newObj as Namespace, oldObj as Namespace)
    default:
      return []
  }
}
