// storage.k8s.io/v1 StorageClass and discovery.k8s.io/v1 EndpointSlice.
import type { KubeObject } from './meta'
import type { ObjectReference } from './core'

export interface StorageClass extends KubeObject {
  kind: 'StorageClass'
  provisioner: string
  reclaimPolicy?: 'Retain' | 'Delete'
  volumeBindingMode?: 'Immediate' | 'WaitForFirstConsumer'
  allowVolumeExpansion?: boolean
  parameters?: Record<string, string>
}

export interface EndpointConditions {
  ready?: boolean
  serving?: boolean
  terminating?: boolean
}
export interface Endpoint {
  addresses: string[]
  conditions: EndpointConditions
  hostname?: string
  targetRef?: ObjectReference
  nodeName?: string
  zone?: string
}
export interface EndpointSlicePort {
  name?: string
  port?: number
  protocol?: string
}
export interface EndpointSlice extends KubeObject {
  kind: 'EndpointSlice'
  addressType: 'IPv4' | 'IPv6' | 'FQDN'
  endpoints: Endpoint[]
  ports: EndpointSlicePort[] | null
}
