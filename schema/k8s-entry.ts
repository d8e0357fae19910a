// The entry for `npm run schema`: ts-json-schema-generator turns these kubernetes-types (the API's
// own doc comments, Kubernetes 1.30) into src/editor/k8s.schema.json, the schema monaco-yaml
// uses for completion, hover docs and schema errors. The union lists the kinds Ordinal serves
// from the editor; the generated JSON is committed (it is an input, not a build step).
import type { Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1'
import type { PersistentVolume, PersistentVolumeClaim, Pod, Service } from 'kubernetes-types/core/v1'
import type { StorageClass } from 'kubernetes-types/storage/v1'

export type K8sResource =
  | Service
  | StatefulSet
  | PersistentVolumeClaim
  | PersistentVolume
  | StorageClass
  | Pod
  | Deployment
  | ReplicaSet
