// One view per object, with the words kubectl prints (its table rows are reused, not re-derived)
// and a Tone that picks the status shape and colour.
import type { Event, Node, PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from '../sim/model'
import { tableHandler } from '../kubectl/printers'
import { translateTimestampSince } from '../kubectl/printers/humanDuration'
import { isDefaultStorageClass } from '../kubectl/printers/columns/util'
import type { ClaimView, NodeView, PodView, StorageClassView, Tone, VolumeView } from './model'

const PROGRESS = /^(Pending|ContainerCreating|PodInitializing|Init:\d+\/\d+|SchedulingGated)$/

/** The status family of a pod from the STATUS and READY kubectl prints. */
export function podTone(status: string, ready: string): Tone {
  if (status === 'Terminating') return 'stop'
  if (status === 'Running') {
    const [n, m] = ready.split('/').map(Number)
    return n === m && (m ?? 0) > 0 ? 'ok' : 'warn'
  }
  if (PROGRESS.test(status)) return 'progress'
  if (status === 'Completed' || status === 'Succeeded') return 'idle'
  return 'bad'
}

/**
 * The last view made of each pod object (objects are immutable: a change is a new object). Only
 * the age depends on the moment, so a frame re-reads the age and reuses the rest: 300 pods run
 * through kubectl's printer every frame were a fifth of the view model.
 */
const podViews = new WeakMap<Pod, PodView>()

export function podView(pod: Pod, now: number, incarnation = 1): PodView {
  const known = podViews.get(pod)
  if (known?.incarnation === incarnation) {
    const age = translateTimestampSince(pod.metadata.creationTimestamp, now)
    if (age === known.age) return known
    const view = { ...known, age }
    podViews.set(pod, view)
    return view
  }
  const view = buildPodView(pod, now, incarnation)
  podViews.set(pod, view)
  return view
}

function buildPodView(pod: Pod, now: number, incarnation: number): PodView {
  const row = tableHandler('Pod').row(pod, now)
  const [, ready = '', status = '', , age = ''] = row
  const ip = pod.status?.podIPs?.[0]?.ip ?? pod.status?.podIP
  const ns = pod.metadata.namespace ?? 'default'
  return {
    key: pod.metadata.uid,
    uid: pod.metadata.uid,
    uidShort: pod.metadata.uid.split('-')[0] ?? pod.metadata.uid,
    name: pod.metadata.name,
    namespace: ns,
    status,
    ready,
    summary: `${status} ${ready}`,
    ip: ip || undefined,
    node: pod.spec.nodeName || undefined,
    age,
    image: pod.spec.containers[0]?.image ?? '',
    revision: pod.metadata.labels?.['controller-revision-hash'],
    // kubectl counts ready containers; the pod's Ready condition can be False while they are
    // (the node controller marks pods of a lost node NotReady): then it serves no traffic.
    tone: podTone(status, ready) === 'ok' && !podReady(pod) ? 'warn' : podTone(status, ready),
    terminating: status === 'Terminating',
    incarnation,
    claimKeys: (pod.spec.volumes ?? []).flatMap((v) =>
      v.persistentVolumeClaim ? [`${ns}/${v.persistentVolumeClaim.claimName}`] : [],
    ),
    mountPaths: mountPaths(pod, ns),
  }
}

function podReady(pod: Pod): boolean {
  return pod.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True'
}

function mountPaths(pod: Pod, ns: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const v of pod.spec.volumes ?? []) {
    if (!v.persistentVolumeClaim) continue
    const mount = pod.spec.containers.flatMap((c) => c.volumeMounts ?? []).find((m) => m.name === v.name)
    if (mount) out[`${ns}/${v.persistentVolumeClaim.claimName}`] = mount.mountPath
  }
  return out
}

/**
 * How many times each StatefulSet pod name was created, read from the controller's aggregated
 * `SuccessfulCreate` events ("create Pod web-0 in StatefulSet web successful", count n).
 */
export function incarnations(events: readonly Event[]): Map<string, number> {
  const out = new Map<string, number>()
  for (const e of events) {
    const key = createdPod(e)
    if (key) out.set(key, (out.get(key) ?? 0) + e.count)
  }
  return out
}

/** Which pod a StatefulSet's SuccessfulCreate event names, read once per event (thousands, every frame). */
const createdPods = new WeakMap<Event, string | null>()
function createdPod(e: Event): string | null {
  let key = createdPods.get(e)
  if (key !== undefined) return key
  const m =
    e.reason === 'SuccessfulCreate' && e.involvedObject.kind === 'StatefulSet'
      ? /^create Pod (\S+) in StatefulSet /.exec(e.message)
      : null
  key = m ? `${e.involvedObject.namespace ?? 'default'}/${m[1]}` : null
  createdPods.set(e, key)
  return key
}

function storageTone(phase: string): Tone {
  switch (phase) {
    case 'Bound':
      return 'ok'
    case 'Pending':
      return 'progress'
    case 'Available':
      return 'idle'
    case 'Released':
      return 'warn'
    case 'Terminating':
      return 'stop'
    default:
      return 'bad'
  }
}

export function volumeView(pv: PersistentVolume, now: number): VolumeView {
  const [name = '', capacity = '', modes = '', reclaim = '', phase = '', claim = '', sc = ''] = tableHandler(
    'PersistentVolume',
  ).row(pv, now)
  const affinity = pv.spec.nodeAffinity as
    | { required?: { nodeSelectorTerms?: { matchExpressions?: { key: string; values?: string[] }[] }[] } }
    | undefined
  const node = affinity?.required?.nodeSelectorTerms?.[0]?.matchExpressions?.find(
    (e) => e.key === 'kubernetes.io/hostname',
  )?.values?.[0]
  return {
    key: name,
    name,
    phase,
    tone: storageTone(phase),
    capacity,
    accessModes: modes,
    reclaimPolicy: reclaim,
    storageClass: sc,
    claim: claim || undefined,
    node,
  }
}

export function claimView(
  pvc: PersistentVolumeClaim,
  now: number,
  extra: { orphaned?: boolean; forPod?: string; volume?: VolumeView } = {},
): ClaimView {
  const [name = '', phase = '', volumeName = '', capacity = '', modes = '', sc = ''] = tableHandler(
    'PersistentVolumeClaim',
  ).row(pvc, now)
  const namespace = pvc.metadata.namespace ?? 'default'
  return {
    key: `${namespace}/${name}`,
    name,
    namespace,
    phase,
    tone: storageTone(phase),
    volumeName: volumeName || undefined,
    capacity,
    request: pvc.spec.resources?.requests?.storage ?? '',
    accessModes: modes,
    storageClass: sc,
    orphaned: extra.orphaned ?? false,
    forPod: extra.forPod,
    volume: extra.volume,
  }
}

export function storageClassView(sc: StorageClass): StorageClassView {
  return {
    key: sc.metadata.name,
    name: sc.metadata.name,
    isDefault: isDefaultStorageClass(sc.metadata.annotations),
    provisioner: sc.provisioner,
    reclaimPolicy: sc.reclaimPolicy ?? 'Delete',
    bindingMode: sc.volumeBindingMode ?? 'Immediate',
  }
}

export function nodeView(node: Node, now: number, pods: readonly PodView[], stopped = false): NodeView {
  const [name = '', status = ''] = tableHandler('Node').row(node, now)
  return {
    key: name,
    name,
    status,
    stopped,
    cordoned: !!node.spec.unschedulable,
    zone: node.metadata.labels?.['topology.kubernetes.io/zone'] ?? '',
    pods: pods.filter((p) => p.node === name).map((p) => ({ uid: p.uid, name: p.name, tone: p.tone })),
  }
}
