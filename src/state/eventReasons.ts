// One plain sentence for each event the simulated cluster records: why it happened and what it
// means for the StatefulSet's slots. Pure: the event's reason, message and object, plus what the
// page knows about the StatefulSet that recorded it (its pod management policy).

export interface EventLike {
  readonly reason: string
  readonly message: string
  readonly type?: string
  readonly involvedObject: { readonly kind?: string; readonly name?: string }
}

export interface ExplainContext {
  /** The podManagementPolicy of a StatefulSet by name, when it still exists. */
  readonly policyOf?: (statefulSet: string) => 'OrderedReady' | 'Parallel' | undefined
}

type Explainer = (e: EventLike, ctx: ExplainContext) => string

/** `web-3` → 3; -1 when the name has no ordinal suffix. */
function ordinalOf(name: string): number {
  const m = /-(\d+)$/.exec(name)
  return m ? Number(m[1]) : -1
}

function predecessor(pod: string, ordinal: number): string {
  return `${pod.slice(0, pod.length - String(ordinal).length)}${ordinal - 1}`
}

function quoted(message: string): string | undefined {
  return /["']([^"']+)["']/.exec(message)?.[1]
}

const podCreated: Explainer = (e, ctx) => {
  const m = /^create Pod (\S+) in StatefulSet (\S+)/.exec(e.message)
  if (!m) return 'A controller created the object.'
  const [, pod, set] = m as unknown as [string, string, string]
  const ordinal = ordinalOf(pod)
  if (ctx.policyOf?.(set) === 'Parallel')
    return `The StatefulSet controller created ${pod} without waiting for the other ordinals (podManagementPolicy: Parallel).`
  if (ordinal <= 0)
    return `The StatefulSet controller created ${pod}, the first ordinal: every later ordinal waits until it is Running and Ready.`
  return `The StatefulSet controller created ${pod}: OrderedReady starts the next ordinal only after ${predecessor(pod, ordinal)} is Running and Ready.`
}

const claimCreated: Explainer = (e) => {
  const m = /^create Claim (\S+) Pod (\S+) in StatefulSet/.exec(e.message)
  if (!m) return 'The StatefulSet controller created a claim for a pod.'
  const [, claim, pod] = m as unknown as [string, string, string]
  const template = claim.endsWith(`-${pod}`) ? claim.slice(0, -pod.length - 1) : claim
  return `The StatefulSet controller created claim ${claim} from the volumeClaimTemplate ${template} before ${pod}: the claim belongs to the slot and outlives every pod in it.`
}

/** The ReplicaSet controller's words: `Created pod: web-5d8f9c-abcde` / `Deleted pod: …`. */
const replicaSetPod = (e: EventLike): string | undefined => {
  const m = /^(Created|Deleted) pod: (\S+)/.exec(e.message)
  if (!m) return undefined
  return m[1] === 'Created'
    ? `The ReplicaSet controller created ${m[2]} under a random name: its pods are interchangeable, with no ordinal and no claim of their own.`
    : `The ReplicaSet controller deleted ${m[2]} to match its replica count, choosing unready, crowded and newer pods first rather than by name.`
}

const EXPLAINERS: Record<string, Explainer> = {
  SuccessfulCreate: (e, ctx) =>
    replicaSetPod(e) ?? (/^create Claim /.test(e.message) ? claimCreated(e, ctx) : podCreated(e, ctx)),
  ScalingReplicaSet: () =>
    'The Deployment controller resized one of its ReplicaSets: a rollout grows the new one and shrinks the old ones within maxSurge and maxUnavailable.',
  SuccessfulDelete: (e) => {
    const rs = replicaSetPod(e)
    if (rs) return rs
    const pod = /^delete Pod (\S+)/.exec(e.message)?.[1] ?? 'the pod'
    return `The StatefulSet controller deleted ${pod}: a scale-down removes the highest ordinal first, one at a time, and keeps its claims for when the slot returns.`
  },
  SuccessfulUpdate: () => 'The StatefulSet controller updated a pod it owns.',
  FailedCreate: (e) => {
    const claim = /pvc (\S+) is being deleted/.exec(e.message)?.[1]
    if (claim)
      return `The StatefulSet controller will not start a pod while its claim ${claim} is being deleted; it retries once the claim is gone and makes a fresh one.`
    return 'The StatefulSet controller could not create the object and retries with a growing back-off.'
  },
  FailedDelete: () => 'The StatefulSet controller could not delete the pod and will retry.',
  RecreatingFailedPod: (e) => {
    const pod = /failed Pod (\S+)/.exec(e.message)?.[1] ?? 'the pod'
    return `${pod} failed, so the StatefulSet controller deletes it and will create a new pod with the same name and the same claims.`
  },
  Scheduled: (e) => {
    const m = /assigned \S+?\/(\S+) to (\S+)/.exec(e.message)
    if (!m) return 'The scheduler chose a node for the pod.'
    return `The scheduler placed ${m[1]} on ${m[2]}; the kubelet there now sets it up and starts its containers.`
  },
  FailedScheduling: (e) => {
    if (/unbound immediate PersistentVolumeClaims/.test(e.message))
      return 'No node can run the pod yet because its claim is not bound: no StorageClass provisions it and no volume matches it.'
    if (/volume node affinity conflict/.test(e.message))
      return 'The pod must run where its volume lives, and that node cannot take it.'
    return 'The scheduler found no node that fits the pod; it retries whenever the cluster changes.'
  },
  Pulling: (e) =>
    `The kubelet is downloading ${quoted(e.message) ?? 'the image'}; the first pod on each node waits for this, later ones reuse it.`,
  Pulled: (e) =>
    /already present/.test(e.message)
      ? 'The image was already on this node, so the container starts without a download.'
      : 'The image finished downloading to this node; the next pod here will skip the download.',
  Created: (e) => {
    const c = /container:? (\S+)/.exec(e.message)?.[1]
    return `The kubelet created the ${c ?? ''}${c ? ' ' : ''}container inside the pod's sandbox, with its volumes mounted.`
  },
  Started: () =>
    'The container is running; the pod turns Ready when its readiness probe passes (at once if it has none), and then gets its DNS record.',
  Killing: (e) => {
    const c = /container (\S+)/.exec(e.message)?.[1] ?? 'the container'
    return `The kubelet is stopping ${c} (SIGTERM, then SIGKILL after the grace period) because the pod is being deleted; its claim stays bound.`
  },
  Unhealthy: () =>
    'The readiness probe failed: a pod that is not Ready is left out of the Service endpoints, has no DNS record, and OrderedReady holds back the next ordinal.',
  BackOff: () =>
    'The container keeps exiting, so the kubelet waits longer before each restart (CrashLoopBackOff); the pod never becomes Ready.',
  FailedCreatePodSandBox: () =>
    'The kubelet could not set up the pod sandbox (no free IP address on the node).',
  ExternalProvisioning: (e) =>
    `The claim waits for the provisioner ${quoted(e.message) ?? 'named by its StorageClass'} to make a volume for it.`,
  Provisioning: () => 'The provisioner is making a volume (a directory on the chosen node) for this claim.',
  ProvisioningSucceeded: (e) => {
    const pv = /volume (\S+)/.exec(e.message)?.[1]
    return `The provisioner made volume ${pv ?? 'a volume'} for the claim; the claim binds to it and keeps it when pods come and go.`
  },
  ProvisioningFailed: () => 'The provisioner could not make a volume for the claim; the claim stays Pending.',
  WaitForFirstConsumer: () =>
    'The StorageClass binds late (WaitForFirstConsumer): no volume is made until a pod using this claim is scheduled.',
  WaitForPodScheduled: (e) => {
    const pod = /waiting for pod (\S+)/.exec(e.message)?.[1] ?? 'its pod'
    return `The claim waits for ${pod} to be scheduled, so that its volume is made on the same node as the pod.`
  },
  FailedBinding: (e) =>
    /no storage class is set/.test(e.message)
      ? 'No volume matches this claim and it names no StorageClass, so nothing will ever bind it: add a StorageClass or a matching PersistentVolume.'
      : 'No volume matches this claim yet; it stays Pending until one appears.',
  VolumeMismatch: () =>
    'The claim and the volume it names disagree (size, access modes or class), so they cannot bind.',
  ClaimLost: () => 'The claim lost its volume: the data it held is gone.',
}

/** One sentence saying why the event happened, in the terms of the StatefulSet lesson. */
export function explainEvent(e: EventLike, ctx: ExplainContext = {}): string {
  const explain = EXPLAINERS[e.reason]
  if (explain) return explain(e, ctx)
  return e.type === 'Warning'
    ? `Something went wrong (${e.reason}); the message has the details kubectl would show.`
    : `Reported as ${e.reason}; the message has the details kubectl would show.`
}
