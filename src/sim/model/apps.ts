// apps/v1 StatefulSet, ControllerRevision, Deployment and ReplicaSet (k8s.io/api/apps/v1).
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

/** An int or a percent string (`1`, `"25%"`): intstr.IntOrString. */
export type IntOrString = number | string

export interface DeploymentStrategy {
  type?: 'RollingUpdate' | 'Recreate'
  rollingUpdate?: { maxUnavailable?: IntOrString; maxSurge?: IntOrString } | null
}

export interface DeploymentSpec {
  replicas?: number
  selector: LabelSelector
  template: PodTemplateSpec
  strategy?: DeploymentStrategy
  minReadySeconds?: number
  revisionHistoryLimit?: number
  paused?: boolean
  progressDeadlineSeconds?: number
}

/** DeploymentCondition: like a pod condition but with lastUpdateTime instead of lastProbeTime. */
export interface DeploymentCondition {
  type: 'Available' | 'Progressing' | 'ReplicaFailure'
  status: 'True' | 'False' | 'Unknown'
  lastUpdateTime?: string
  lastTransitionTime?: string
  reason?: string
  message?: string
}

export interface DeploymentStatus {
  observedGeneration?: number
  replicas?: number
  updatedReplicas?: number
  readyReplicas?: number
  availableReplicas?: number
  unavailableReplicas?: number
  conditions?: DeploymentCondition[]
  collisionCount?: number
}

export interface Deployment extends KubeObject {
  kind: 'Deployment'
  spec: DeploymentSpec
  status?: DeploymentStatus
}

export interface ReplicaSetSpec {
  replicas?: number
  minReadySeconds?: number
  selector: LabelSelector
  template: PodTemplateSpec
}

export interface ReplicaSetCondition {
  type: 'ReplicaFailure'
  status: 'True' | 'False' | 'Unknown'
  lastTransitionTime?: string
  reason?: string
  message?: string
}

export interface ReplicaSetStatus {
  replicas: number
  fullyLabeledReplicas?: number
  readyReplicas?: number
  availableReplicas?: number
  observedGeneration?: number
  conditions?: ReplicaSetCondition[]
}

export interface ReplicaSet extends KubeObject {
  kind: 'ReplicaSet'
  spec: ReplicaSetSpec
  status?: ReplicaSetStatus
}
