// Port of kubernetes/kubernetes pkg/controller/statefulset/stateful_set_utils.go: pure
// predicates and builders for pod identity, storage and revisions.
import type {
  Condition,
  KubeObject,
  OwnerReference,
  PersistentVolumeClaim,
  Pod,
  StatefulSet,
} from '../../model'
import { simTimeOf } from '../../runtime/time'

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name'
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index'
export const REVISION_LABEL = 'controller-revision-hash'

const statefulPodRegex = /^(.*)-([0-9]+)$/

// Stored objects never change, so what is computed from one can be remembered by identity:
// controllers run these predicates over every pod on every sync.
const parsedNames = new WeakMap<object, { parent: string; ordinal: number }>()
const controllerRefs = new WeakMap<object, OwnerReference | null>()

/** The parent's name and the ordinal of a pod name; ordinal -1 when the name does not parse. */
export function getParentNameAndOrdinal(pod: Pick<Pod, 'metadata'>): { parent: string; ordinal: number } {
  const cached = parsedNames.get(pod.metadata)
  if (cached) return cached
  const m = statefulPodRegex.exec(pod.metadata.name)
  const ordinal = m ? Number(m[2]) : -1
  const parsed = m && Number.isSafeInteger(ordinal) ? { parent: m[1]!, ordinal } : { parent: '', ordinal: -1 }
  if (Object.isFrozen(pod.metadata)) parsedNames.set(pod.metadata, parsed)
  return parsed
}

export function getOrdinal(pod: Pick<Pod, 'metadata'>): number {
  return getParentNameAndOrdinal(pod).ordinal
}

export function getStartOrdinal(set: StatefulSet): number {
  return set.spec.ordinals?.start ?? 0
}

/** The last ordinal in range (inclusive). */
export function getEndOrdinal(set: StatefulSet): number {
  return getStartOrdinal(set) + (set.spec.replicas ?? 1) - 1
}

export function podInOrdinalRange(pod: Pod, set: StatefulSet): boolean {
  const ordinal = getOrdinal(pod)
  return ordinal >= getStartOrdinal(set) && ordinal <= getEndOrdinal(set)
}

export function getPodName(set: StatefulSet, ordinal: number): string {
  return `${set.metadata.name}-${ordinal}`
}

export function getPersistentVolumeClaimName(
  set: StatefulSet,
  claimTemplate: string,
  ordinal: number,
): string {
  return `${claimTemplate}-${set.metadata.name}-${ordinal}`
}

/** A pod is a member of a set when its name parses to `<set>-<n>`. */
export function isMemberOf(set: StatefulSet, pod: Pod): boolean {
  return getParentNameAndOrdinal(pod).parent === set.metadata.name
}

export function controllerRef(obj: KubeObject): OwnerReference | undefined {
  const cached = controllerRefs.get(obj.metadata)
  if (cached !== undefined) return cached ?? undefined
  const ref = obj.metadata.ownerReferences?.find((r) => r.controller)
  if (Object.isFrozen(obj.metadata)) controllerRefs.set(obj.metadata, ref ?? null)
  return ref
}

export function newControllerRef(set: StatefulSet): OwnerReference {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    name: set.metadata.name,
    uid: set.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  }
}

// ---- pod state predicates (the controller's view) ----

/**
 * What the controller asks of a pod, computed once per (immutable) pod object: a sync of a big
 * set walks every pod several times, and one summary read beats chasing the object graph. A
 * sync looks each pod's record up once and passes it along.
 */
export class PodFacts {
  readonly pod: Pod
  /** metadata.uid: empty until the API server has created the pod. */
  readonly uid: string | undefined
  readonly ordinal: number
  readonly created: boolean
  readonly phase: string
  readonly terminating: boolean
  readonly runningAndReady: boolean
  /** isHealthy: created, Running and Ready, not terminating. */
  readonly healthy: boolean
  /** Simulated ms since when the pod has been Ready (NaN when not Ready). */
  readonly readySince: number
  readonly revision: string | undefined
  /** identityAndStorageMatch for the set spec it was last asked about (a memo, not state). */
  invariants: { setSpec: object; ok: boolean } | undefined
  /** The controller's membership verdict for the set selector and uid last asked about (a memo). */
  membership: { selector: object; uid: string; result: 'member' | 'released' | 'other' } | undefined

  constructor(pod: Pod) {
    this.pod = pod
    this.uid = pod.metadata.uid
    this.ordinal = getOrdinal(pod)
    this.phase = pod.status?.phase ?? ''
    this.created = !!this.phase && !!this.uid
    this.terminating = !!pod.metadata.deletionTimestamp
    const ready = pod.status?.conditions?.find((c) => c.type === 'Ready')
    this.runningAndReady = this.phase === 'Running' && ready?.status === 'True'
    this.healthy = this.created && this.runningAndReady && !this.terminating
    this.readySince =
      this.runningAndReady && ready?.lastTransitionTime ? simTimeOf(ready.lastTransitionTime) : NaN
    this.revision = pod.metadata.labels?.[REVISION_LABEL]
  }
}

const factsByPod = new WeakMap<object, PodFacts>()

/** The controller's summary of `pod` (remembered per immutable pod object). */
export function podFacts(pod: Pod): PodFacts {
  return facts(pod)
}

function facts(pod: Pod): PodFacts {
  let f = factsByPod.get(pod)
  if (!f) {
    f = new PodFacts(pod)
    if (Object.isFrozen(pod)) factsByPod.set(pod, f)
  }
  return f
}

/**
 * Whether a pod update changes anything the control loop reads: its phase, readiness (and
 * since when), deletion, labels, owners or volumes. Other updates (binding to a node,
 * ContainerCreating) cannot change a sync's outcome, so they need not trigger one.
 */
export function controllerVisibleChange(before: Pod, after: Pod): boolean {
  const a = facts(before)
  const b = facts(after)
  return (
    a.phase !== b.phase ||
    a.created !== b.created ||
    a.terminating !== b.terminating ||
    a.runningAndReady !== b.runningAndReady ||
    !Object.is(a.readySince, b.readySince) ||
    before.metadata.labels !== after.metadata.labels ||
    before.metadata.ownerReferences !== after.metadata.ownerReferences ||
    before.spec.volumes !== after.spec.volumes
  )
}

/** True when only status (and resourceVersion) differ: the writer's own status update echoing back. */
export function statusOnlyChange(before: KubeObject, after: KubeObject): boolean {
  const b = before as KubeObject & { spec?: unknown }
  const a = after as KubeObject & { spec?: unknown }
  if (b.spec !== a.spec) return false
  if (sameFieldsBesideVersion(before.metadata, after.metadata)) return true
  const { resourceVersion: _r1, ...m1 } = before.metadata
  const { resourceVersion: _r2, ...m2 } = after.metadata
  return JSON.stringify(m1) === JSON.stringify(m2)
}

/**
 * The same keys in the same order with identical values, resourceVersion aside: then their JSON
 * texts are equal too (a status write copies metadata and changes only resourceVersion).
 */
function sameFieldsBesideVersion(a: object, b: object): boolean {
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  if (ka.length !== kb.length) return false
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i]!
    if (k !== kb[i]) return false
    if (k !== 'resourceVersion' && (a as Record<string, unknown>)[k] !== (b as Record<string, unknown>)[k])
      return false
  }
  return true
}

export function isCreated(pod: Pod | undefined): pod is Pod {
  return !!pod && facts(pod).created
}

export function isPending(pod: Pod): boolean {
  return facts(pod).phase === 'Pending'
}

export function isFailed(pod: Pod): boolean {
  return facts(pod).phase === 'Failed'
}

export function isSucceeded(pod: Pod): boolean {
  return facts(pod).phase === 'Succeeded'
}

export function isTerminating(pod: Pod): boolean {
  return facts(pod).terminating
}

export function podReadyCondition(pod: Pod): Condition | undefined {
  return pod.status.conditions?.find((x) => x.type === 'Ready')
}

export function isRunningAndReady(pod: Pod): boolean {
  return facts(pod).runningAndReady
}

/** Ready for at least minReadySeconds (podutil.IsPodAvailable). */
export function isRunningAndAvailable(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  return isAvailable(facts(pod), minReadySeconds, nowMs)
}

/** isRunningAndAvailable from facts already looked up (a sync asks it of every pod). */
export function isAvailable(f: PodFacts, minReadySeconds: number, nowMs: number): boolean {
  if (!f.runningAndReady) return false
  if (minReadySeconds <= 0) return true
  return f.readySince + minReadySeconds * 1000 <= nowMs
}

export function isHealthy(pod: Pod | undefined): boolean {
  return !!pod && facts(pod).healthy
}

export function allowsBurst(set: StatefulSet): boolean {
  return set.spec.podManagementPolicy === 'Parallel'
}

export function getPodRevision(pod: Pod): string | undefined {
  return facts(pod).revision
}

// ---- identity and storage ----

const invariantChecks = new WeakMap<object, { spec: object; set: object; ok: boolean }>()

/**
 * identityMatches && storageMatches, remembered per (pod metadata, pod spec, set spec): status
 * updates make new pod objects but keep those parts, and all of them are immutable.
 */
export function identityAndStorageMatch(set: StatefulSet, pod: Pod): boolean {
  const cached = invariantChecks.get(pod.metadata)
  if (cached && cached.set === set.spec && cached.spec === pod.spec) return cached.ok
  const ok = identityMatches(set, pod) && storageMatches(set, pod)
  if (Object.isFrozen(pod.metadata) && Object.isFrozen(set.spec))
    invariantChecks.set(pod.metadata, { spec: pod.spec, set: set.spec, ok })
  return ok
}

/** identityAndStorageMatch for a pod's record, remembered on the record while the set spec stays. */
export function invariantsHold(set: StatefulSet, f: PodFacts): boolean {
  if (f.invariants?.setSpec === set.spec) return f.invariants.ok
  const ok = identityAndStorageMatch(set, f.pod)
  if (Object.isFrozen(set.spec)) f.invariants = { setSpec: set.spec, ok }
  return ok
}

export function identityMatches(set: StatefulSet, pod: Pod): boolean {
  const { parent, ordinal } = getParentNameAndOrdinal(pod)
  return (
    ordinal >= 0 &&
    set.metadata.name === parent &&
    pod.metadata.name === getPodName(set, ordinal) &&
    pod.metadata.namespace === set.metadata.namespace &&
    pod.metadata.labels?.[POD_NAME_LABEL] === pod.metadata.name &&
    pod.metadata.labels?.[POD_INDEX_LABEL] === String(ordinal)
  )
}

export function storageMatches(set: StatefulSet, pod: Pod): boolean {
  const ordinal = getOrdinal(pod)
  if (ordinal < 0) return false
  const volumes = new Map((pod.spec.volumes ?? []).map((v) => [v.name, v]))
  return (set.spec.volumeClaimTemplates ?? []).every((t) => {
    const v = volumes.get(t.metadata.name)
    return v?.persistentVolumeClaim?.claimName === getPersistentVolumeClaimName(set, t.metadata.name, ordinal)
  })
}

/** The claims a pod of `set` at `ordinal` needs (getPersistentVolumeClaims): labels = template labels + selector. */
export function getPersistentVolumeClaims(
  set: StatefulSet,
  ordinal: number,
): Map<string, PersistentVolumeClaim> {
  const claims = new Map<string, PersistentVolumeClaim>()
  for (const t of set.spec.volumeClaimTemplates ?? []) {
    const name = getPersistentVolumeClaimName(set, t.metadata.name, ordinal)
    claims.set(t.metadata.name, {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        name,
        namespace: set.metadata.namespace,
        labels: { ...(t.metadata.labels ?? {}), ...(set.spec.selector.matchLabels ?? {}) },
        ...(t.metadata.annotations ? { annotations: { ...t.metadata.annotations } } : {}),
      },
      spec: t.spec,
      status: { phase: 'Pending' },
    } as PersistentVolumeClaim)
  }
  return claims
}

/**
 * newVersionedStatefulSetPod: the pod for `ordinal` built from `template` (the spec of the
 * revision it should run), with its identity, storage and revision label set.
 */
export function newStatefulSetPod(
  set: StatefulSet,
  templateSet: StatefulSet,
  ordinal: number,
  revision: string,
): Pod {
  const t = templateSet.spec.template
  const name = getPodName(set, ordinal)
  const claimTemplates = set.spec.volumeClaimTemplates ?? []
  const templateNames = new Set(claimTemplates.map((c) => c.metadata.name))
  const volumes = [
    ...claimTemplates.map((c) => ({
      name: c.metadata.name,
      persistentVolumeClaim: { claimName: getPersistentVolumeClaimName(set, c.metadata.name, ordinal) },
    })),
    ...(t.spec.volumes ?? []).filter((v) => !templateNames.has(v.name)),
  ]
  // Stored objects are immutable, so the new pod may share the template's parts (the API server
  // copies what it stores anyway).
  const spec = t.spec
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      generateName: `${set.metadata.name}-`,
      namespace: set.metadata.namespace,
      labels: {
        ...(t.metadata?.labels ?? {}),
        [POD_NAME_LABEL]: name,
        [POD_INDEX_LABEL]: String(ordinal),
        [REVISION_LABEL]: revision,
      },
      ...(t.metadata?.annotations ? { annotations: { ...t.metadata.annotations } } : {}),
      ownerReferences: [newControllerRef(set)],
    },
    spec: {
      ...spec,
      ...(volumes.length ? { volumes } : {}),
      hostname: name,
      ...(set.spec.serviceName ? { subdomain: set.spec.serviceName } : {}),
    },
    status: { phase: 'Pending' },
  } as unknown as Pod
}
