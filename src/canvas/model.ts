// The canvas view model: what the cluster canvas draws, derived purely from one ClusterSnapshot
// (see viewModel.ts). Every item carries a stable `key` for D3's keyed joins: a slot is its set's
// uid plus its ordinal (the identity that outlives pods), a pod is its uid (a new tenant is a new
// element), a DNS record is its name, a claim is namespace/name, a volume its name.

/** A status family, drawn as one shape + icon + colour (Okabe–Ito), always beside a word. */
export type Tone = 'ok' | 'progress' | 'warn' | 'bad' | 'stop' | 'idle'

export interface PodView {
  readonly key: string
  readonly uid: string
  /** First block of the uid, as people quote it (`d5fb7364`). */
  readonly uidShort: string
  readonly name: string
  readonly namespace: string
  /** STATUS exactly as `kubectl get pods` prints it (Running, ContainerCreating, Terminating…). */
  readonly status: string
  /** READY as kubectl prints it (`1/1`). */
  readonly ready: string
  /** `STATUS READY`: the canvas's data-status for the pod. */
  readonly summary: string
  readonly ip?: string
  readonly node?: string
  readonly age: string
  readonly image: string
  /** The controller-revision-hash label: the ControllerRevision the pod was made from. */
  readonly revision?: string
  readonly tone: Tone
  readonly terminating: boolean
  /** Which tenant of its name this is: 1 for the first pod called web-0, 2 after one re-creation. */
  readonly incarnation: number
  /** Claims this pod mounts (namespace/name keys). */
  readonly claimKeys: readonly string[]
  /** Where each claim is mounted (the first container that mounts it), by claim key. */
  readonly mountPaths: Readonly<Record<string, string>>
}

export interface DnsRecordView {
  /** The record's name (also the key). */
  readonly key: string
  readonly name: string
  readonly type: 'A' | 'SRV'
  /** A: the addresses; SRV: `priority weight port target` per record. */
  readonly answers: readonly string[]
  /** A records of one pod: the pod it points to. */
  readonly podUid?: string
  readonly podName?: string
}

export interface VolumeView {
  readonly key: string
  readonly name: string
  readonly phase: string
  readonly tone: Tone
  readonly capacity: string
  readonly accessModes: string
  readonly reclaimPolicy: string
  readonly storageClass: string
  /** `namespace/name` of the claim it is bound to (claimRef). */
  readonly claim?: string
  /** The node a local volume lives on (its node affinity). */
  readonly node?: string
}

export interface ClaimView {
  readonly key: string
  readonly name: string
  readonly namespace: string
  /** STATUS as `kubectl get pvc` prints it (Pending, Bound, Lost, Terminating). */
  readonly phase: string
  readonly tone: Tone
  readonly volumeName?: string
  readonly capacity: string
  readonly request: string
  readonly accessModes: string
  readonly storageClass: string
  /** Its slot has no tenant: the claim (and its data) waits for the pod to come back. */
  readonly orphaned: boolean
  /** The pod name it belongs to (claims of a slot) — shown as "waiting for web-2". */
  readonly forPod?: string
  readonly volume?: VolumeView
}

export interface SlotView {
  readonly key: string
  readonly ordinal: number
  /** The identity: pod name = hostname = DNS label = claim suffix. */
  readonly name: string
  /** Within spec.replicas (from ordinals.start): the controller wants a tenant here. */
  readonly wanted: boolean
  readonly pod?: PodView
  readonly record?: DnsRecordView
  /** The record this slot's tenant has when Ready, present or not. */
  readonly recordName?: string
  readonly claims: readonly ClaimView[]
  /** The revision its tenant runs, and where that stands in the set's rollout. */
  readonly revision?: SlotRevision
  /** Below a RollingUpdate partition: template changes do not reach this slot. */
  readonly held: boolean
  /** Why the slot is empty, or why its tenant has no DNS record; '' when nothing to say. */
  readonly note: string
}

export interface SlotRevision {
  /** The ControllerRevision's number (`kubectl rollout history`), when it still exists. */
  readonly number?: number
  /** The image tag its first container runs (`0.8`), shown beside the number. */
  readonly tag: string
  /** 'update': at the update revision; 'old': at an earlier one while a rollout is pending. */
  readonly state: 'update' | 'old'
}

export interface SetView {
  readonly key: string
  readonly uid: string
  readonly name: string
  readonly namespace: string
  /** READY as `kubectl get sts` prints it (`2/3`). */
  readonly ready: string
  readonly replicas: number
  readonly currentReplicas: number
  readonly readyReplicas: number
  readonly policy: string
  readonly strategy: string
  readonly revision: string
  /** Revision numbers: current (what most pods run) and update (the template now). */
  readonly currentRevision?: number
  readonly updateRevision?: number
  /** Pods not yet at the update revision that the rollout will reach (0 when none is pending). */
  readonly outdated: number
  /** Pods below the partition, kept at their older revision. */
  readonly heldOutdated: number
  /** A RollingUpdate partition above 0: ordinals below it keep their revision. */
  readonly partition: number
  /** The first ordinal a rollout reaches: ordinals.start + partition. */
  readonly updatesFrom: number
  readonly serviceName: string
  /** A problem with serviceName ('' when it names a headless Service). */
  readonly serviceProblem: string
  /** What the controller is doing or waiting for, in one line. */
  readonly activity: string
  readonly activityTone: Tone
  readonly slots: readonly SlotView[]
}

/** A Deployment's ReplicaSet: one template revision, its pods named `<rs>-<random>`. */
export interface ReplicaSetView {
  readonly key: string
  readonly name: string
  /** deployment.kubernetes.io/revision. */
  readonly revision?: number
  /** The ReplicaSet of the Deployment's current template. */
  readonly current: boolean
  readonly desired: number
  readonly ready: number
  readonly pods: readonly PodView[]
}

/** A Deployment: no slots, no ordinals — pods are interchangeable and may share one claim. */
export interface DeploymentView {
  readonly key: string
  readonly uid: string
  readonly name: string
  readonly namespace: string
  /** READY as `kubectl get deploy` prints it (`2/3`). */
  readonly ready: string
  readonly replicas: number
  readonly strategy: string
  readonly revision?: number
  readonly activity: string
  readonly activityTone: Tone
  /** Newest first; old ReplicaSets without pods are left out. */
  readonly replicaSets: readonly ReplicaSetView[]
  /** Claims its pods mount (one claim shared by all, typically), with their volumes. */
  readonly claims: readonly ClaimView[]
}

export interface ServiceView {
  readonly key: string
  readonly name: string
  readonly namespace: string
  readonly headless: boolean
  /** `TYPE CLUSTER-IP` as kubectl prints them (`ClusterIP None`). */
  readonly status: string
  readonly type: string
  readonly clusterIP: string
  readonly selector: string
  readonly ports: string
  /** The zone name, `nginx.default.svc.cluster.local`. */
  readonly fqdn: string
  /** The service-level A record and the SRV records; absent names answer NXDOMAIN. */
  readonly records: readonly DnsRecordView[]
}

export interface StorageClassView {
  readonly key: string
  readonly name: string
  readonly isDefault: boolean
  readonly provisioner: string
  readonly reclaimPolicy: string
  readonly bindingMode: string
}

export interface NodeView {
  readonly key: string
  readonly name: string
  /** STATUS as `kubectl get nodes` prints it. */
  readonly status: string
  /** Its kubelet is stopped (the node was paused); the status catches up after the grace period. */
  readonly stopped: boolean
  /** spec.unschedulable (cordoned or drained). */
  readonly cordoned: boolean
  readonly zone: string
  readonly pods: readonly { readonly uid: string; readonly name: string; readonly tone: Tone }[]
}

export interface CanvasModel {
  readonly now: number
  readonly services: readonly ServiceView[]
  readonly sets: readonly SetView[]
  readonly deployments: readonly DeploymentView[]
  /** Pods no StatefulSet in the snapshot controls. */
  readonly loosePods: readonly PodView[]
  /** Claims that belong to no slot, with their volumes. */
  readonly claims: readonly ClaimView[]
  /** Volumes bound to no drawn claim (Available, Released, or bound to a standalone claim's peer). */
  readonly volumes: readonly VolumeView[]
  readonly storageClasses: readonly StorageClassView[]
  readonly nodes: readonly NodeView[]
}
