// apps/v1 StatefulSet and ControllerRevision (k8s.io/api/apps/v1).
import type { Condition, KubeObject, LabelSelector } from './meta'
import type { PersistentVolumeClaimSpec, PodTemplateSpec } from './core'

export interface PersistentVolumeClaimTemplate {
  apiVersion?: string
  kind?: string
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> }
  spec: PersistentVolumeClaimSpec
}

export interface StatefulSetSpec {
  replicas?: number
  selector: LabelSelector
  template: PodTemplateSpec
  volumeClaimTemplates?: PersistentVolumeClaimTemplate[]
  serviceName?: string
  podManagementPolicy?: 'OrderedReady' | 'Parallel'
  updateStrategy?: {
    type?: 'RollingUpdate' | 'OnDelete'
    rollingUpdate?: { partition?: number; maxUnavailable?: number | string } | null
  }
  revisionHistoryLimit?: number
  minReadySeconds?: number
  persistentVolumeClaimRetentionPolicy?: {
    whenDeleted?: 'Retain' | 'Delete'
    whenScaled?: 'Retain' | 'Delete'
  }
  ordinals?: { start?: number }
}

export interface StatefulSetStatus {
  observedGeneration?: number
  replicas: number
  readyReplicas?: number
  currentReplicas?: number
  updatedReplicas?: number
  availableReplicas: number
  currentRevision?: string
  updateRevision?: string
  collisionCount?: number
  conditions?: Condition[]
}

export interface StatefulSet extends KubeObject {
  kind: 'StatefulSet'
  spec: StatefulSetSpec
  status?: StatefulSetStatus
}

export interface ControllerRevision extends KubeObject {
  kind: 'ControllerRevision'
  data: unknown
  revision: number
}
