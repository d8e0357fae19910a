// Kubernetes object metadata, shaped exactly as the API serves it (k8s.io/apimachinery meta/v1).

export type Labels = Readonly<Record<string, string>>

export interface OwnerReference {
  apiVersion: string
  kind: string
  name: string
  uid: string
  controller?: boolean
  blockOwnerDeletion?: boolean
}

export interface ObjectMeta {
  name: string
  generateName?: string
  namespace?: string
  uid: string
  resourceVersion: string
  generation?: number
  creationTimestamp: string
  deletionTimestamp?: string
  deletionGracePeriodSeconds?: number
  labels?: Labels
  annotations?: Labels
  ownerReferences?: OwnerReference[]
  finalizers?: string[]
}

export interface LabelSelectorRequirement {
  key: string
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'
  values?: string[]
}

export interface LabelSelector {
  matchLabels?: Record<string, string>
  matchExpressions?: LabelSelectorRequirement[]
}

/** Any object the API server stores. `spec`/`status` vary by kind. */
export interface KubeObject {
  apiVersion: string
  kind: string
  metadata: ObjectMeta
}

/** What a client sends: metadata fields the server owns are optional. */
export type Manifest<T extends KubeObject = KubeObject> = Omit<T, 'metadata'> & {
  metadata: Partial<ObjectMeta> & { name?: string }
}

export interface Condition {
  type: string
  status: 'True' | 'False' | 'Unknown'
  lastTransitionTime?: string
  lastProbeTime?: string | null
  reason?: string
  message?: string
}
