// kubectl describe (describe.go DescriberFor): one describer per kind, given the object, the
// events to search and any related objects the real describer would list from the API server
// (pods for StatefulSets, claims and nodes; EndpointSlices for Services). No store access.
import type {
  Deployment,
  EndpointSlice,
  Endpoints,
  Event,
  KubeObject,
  Namespace,
  Node,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  ReplicaSet,
  Service,
  StatefulSet,
  StorageClass,
} from '../../../sim/model'
import { describeDeployment } from './deployment'
import { describeGeneric } from './generic'
import { describeNamespace, describeNode } from './node'
import { describePod } from './pod'
import { describeReplicaSet } from './replicaset'
import { describeEndpointSlice, describeEndpoints, describeService } from './service'
import { describeStatefulSet } from './statefulset'
import { describePersistentVolume, describePersistentVolumeClaim, describeStorageClass } from './storage'

export interface DescribeOptions {
  /** All events the caller has; each describer keeps those about the object (searchEvents). */
  events?: readonly Event[]
  /** Pods (StatefulSet, ReplicaSet, PVC `Used By`, Node), ReplicaSets (Deployment), EndpointSlices (Service). */
  related?: readonly KubeObject[]
  nowMs: number
}

/** The text `kubectl describe <kind> <name>` prints for `obj`. */
export function describe(obj: KubeObject, opts: DescribeOptions): string {
  const events = opts.events ?? []
  const related = opts.related ?? []
  const now = opts.nowMs
  switch (obj.kind) {
    case 'Pod':
      return describePod(obj as Pod, events, now)
    case 'StatefulSet':
      return describeStatefulSet(obj as StatefulSet, events, related, now)
    case 'Deployment':
      return describeDeployment(obj as Deployment, events, related, now)
    case 'ReplicaSet':
      return describeReplicaSet(obj as ReplicaSet, events, related, now)
    case 'Service':
      return describeService(obj as Service, events, related, now)
    case 'Endpoints':
      return describeEndpoints(obj as Endpoints, events, now)
    case 'EndpointSlice':
      return describeEndpointSlice(obj as EndpointSlice, events, now)
    case 'PersistentVolumeClaim':
      return describePersistentVolumeClaim(obj as PersistentVolumeClaim, events, related, now)
    case 'PersistentVolume':
      return describePersistentVolume(obj as PersistentVolume, events, now)
    case 'StorageClass':
      return describeStorageClass(obj as StorageClass, events, now)
    case 'Node':
      return describeNode(obj as Node, events, related, now)
    case 'Namespace':
      return describeNamespace(obj as Namespace)
    default:
      return describeGeneric(obj, events, now)
  }
}
