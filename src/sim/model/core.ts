// core/v1 kinds the simulator knows: Namespace, Node, Pod, Service, PersistentVolumeClaim,
// PersistentVolume, Endpoints, Event. Field names follow k8s.io/api/core/v1.
import type { Condition, KubeObject, LabelSelector } from './meta'

export type Quantity = string

export interface Namespace extends KubeObject {
  kind: 'Namespace'
  spec?: { finalizers?: string[] }
  status?: { phase: 'Active' | 'Terminating' }
}

export interface NodeAddress {
  type: 'InternalIP' | 'Hostname'
  address: string
}
export interface Taint {
  key: string
  value?: string
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute'
  timeAdded?: string
}
/** A node condition: a pod condition's fields plus the kubelet's heartbeat time. */
export interface NodeCondition extends Condition {
  lastHeartbeatTime?: string
}
export interface Node extends KubeObject {
  kind: 'Node'
  spec: { podCIDR?: string; unschedulable?: boolean; taints?: Taint[] }
  status: {
    conditions: NodeCondition[]
    addresses: NodeAddress[]
    capacity?: Record<string, Quantity>
    nodeInfo?: {
      kubeletVersion: string
      containerRuntimeVersion: string
      osImage: string
      kernelVersion: string
    }
  }
}

// ---- Pod ----
export interface ExecAction {
  command: string[]
}
export interface HTTPGetAction {
  path?: string
  port: number | string
  host?: string
  scheme?: 'HTTP' | 'HTTPS'
}
export interface TCPSocketAction {
  port: number | string
  host?: string
}
export interface Probe {
  exec?: ExecAction
  httpGet?: HTTPGetAction
  tcpSocket?: TCPSocketAction
  initialDelaySeconds?: number
  timeoutSeconds?: number
  periodSeconds?: number
  successThreshold?: number
  failureThreshold?: number
}
export interface ContainerPort {
  name?: string
  containerPort: number
  protocol?: 'TCP' | 'UDP' | 'SCTP'
}
export interface EnvVar {
  name: string
  value?: string
}
export interface VolumeMount {
  name: string
  mountPath: string
  readOnly?: boolean
  subPath?: string
}
export interface Container {
  name: string
  image?: string
  imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never'
  command?: string[]
  args?: string[]
  env?: EnvVar[]
  ports?: ContainerPort[]
  volumeMounts?: VolumeMount[]
  readinessProbe?: Probe
  livenessProbe?: Probe
  startupProbe?: Probe
  resources?: { requests?: Record<string, Quantity>; limits?: Record<string, Quantity> }
  terminationMessagePath?: string
  terminationMessagePolicy?: string
}
export interface Volume {
  name: string
  persistentVolumeClaim?: { claimName: string; readOnly?: boolean }
  emptyDir?: Record<string, unknown>
  configMap?: { name: string }
  hostPath?: { path: string }
}
export interface Toleration {
  key?: string
  operator?: 'Exists' | 'Equal'
  value?: string
  effect?: string
  tolerationSeconds?: number
}
export interface PodSpec {
  containers: Container[]
  initContainers?: Container[]
  volumes?: Volume[]
  restartPolicy?: 'Always' | 'OnFailure' | 'Never'
  terminationGracePeriodSeconds?: number
  activeDeadlineSeconds?: number
  dnsPolicy?: string
  hostname?: string
  subdomain?: string
  nodeName?: string
  nodeSelector?: Record<string, string>
  schedulerName?: string
  serviceAccountName?: string
  securityContext?: Record<string, unknown>
  tolerations?: Toleration[]
  enableServiceLinks?: boolean
  priority?: number
  preemptionPolicy?: string
  setHostnameAsFQDN?: boolean
}
export interface PodTemplateSpec {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string>; name?: string }
  spec: PodSpec
}
export interface ContainerStateWaiting {
  reason?: string
  message?: string
}
export interface ContainerStateRunning {
  startedAt?: string
}
export interface ContainerStateTerminated {
  exitCode: number
  reason?: string
  message?: string
  startedAt?: string
  finishedAt?: string
  signal?: number
}
export interface ContainerState {
  waiting?: ContainerStateWaiting
  running?: ContainerStateRunning
  terminated?: ContainerStateTerminated
}
export interface ContainerStatus {
  name: string
  image: string
  imageID: string
  containerID?: string
  ready: boolean
  started?: boolean
  restartCount: number
  state: ContainerState
  lastState: ContainerState
}
export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown'
export interface PodStatus {
  phase: PodPhase
  conditions?: Condition[]
  hostIP?: string
  hostIPs?: { ip: string }[]
  podIP?: string
  podIPs?: { ip: string }[]
  startTime?: string
  containerStatuses?: ContainerStatus[]
  qosClass?: string
  reason?: string
  message?: string
}
export interface Pod extends KubeObject {
  kind: 'Pod'
  spec: PodSpec
  status: PodStatus
}

// ---- Service ----
export interface ServicePort {
  name?: string
  protocol?: 'TCP' | 'UDP' | 'SCTP'
  port: number
  targetPort?: number | string
  nodePort?: number
}
export interface Service extends KubeObject {
  kind: 'Service'
  spec: {
    type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName'
    clusterIP?: string
    clusterIPs?: string[]
    selector?: Record<string, string>
    ports?: ServicePort[]
    publishNotReadyAddresses?: boolean
    sessionAffinity?: string
    ipFamilies?: string[]
    ipFamilyPolicy?: string
    internalTrafficPolicy?: string
    externalName?: string
  }
  status?: { loadBalancer?: Record<string, unknown> }
}

// ---- Storage ----
export type AccessMode = 'ReadWriteOnce' | 'ReadOnlyMany' | 'ReadWriteMany' | 'ReadWriteOncePod'
export interface PersistentVolumeClaimSpec {
  accessModes?: AccessMode[]
  resources?: { requests?: Record<string, Quantity>; limits?: Record<string, Quantity> }
  storageClassName?: string | null
  volumeName?: string
  volumeMode?: 'Filesystem' | 'Block'
  selector?: LabelSelector
}
export interface PersistentVolumeClaim extends KubeObject {
  kind: 'PersistentVolumeClaim'
  spec: PersistentVolumeClaimSpec
  status: {
    phase: 'Pending' | 'Bound' | 'Lost'
    accessModes?: AccessMode[]
    capacity?: Record<string, Quantity>
  }
}
export interface ObjectReference {
  kind?: string
  namespace?: string
  name?: string
  uid?: string
  apiVersion?: string
  resourceVersion?: string
}
export interface PersistentVolume extends KubeObject {
  kind: 'PersistentVolume'
  spec: {
    capacity?: Record<string, Quantity>
    accessModes?: AccessMode[]
    persistentVolumeReclaimPolicy?: 'Retain' | 'Delete' | 'Recycle'
    storageClassName?: string
    claimRef?: ObjectReference
    volumeMode?: 'Filesystem' | 'Block'
    hostPath?: { path: string; type?: string }
    local?: { path: string }
    csi?: { driver: string; volumeHandle: string }
    nfs?: { server: string; path: string }
    nodeAffinity?: Record<string, unknown>
  }
  status: {
    phase: 'Pending' | 'Available' | 'Bound' | 'Released' | 'Failed'
    reason?: string
    message?: string
  }
}

// ---- Endpoints (legacy) ----
export interface EndpointAddress {
  ip: string
  hostname?: string
  nodeName?: string
  targetRef?: ObjectReference
}
export interface EndpointPort {
  name?: string
  port: number
  protocol?: string
}
export interface EndpointSubset {
  addresses?: EndpointAddress[]
  notReadyAddresses?: EndpointAddress[]
  ports?: EndpointPort[]
}
export interface Endpoints extends KubeObject {
  kind: 'Endpoints'
  subsets?: EndpointSubset[]
}

// ---- Event ----
export interface Event extends KubeObject {
  kind: 'Event'
  involvedObject: ObjectReference
  reason: string
  message: string
  source: { component: string; host?: string }
  firstTimestamp: string
  lastTimestamp: string
  count: number
  type: 'Normal' | 'Warning'
  reportingComponent?: string
}
