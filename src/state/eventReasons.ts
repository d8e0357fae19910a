// One plain sentence for each event the simulated cluster records: why it happened and what it
// means for the StatefulSet's slots. Pure: the event's reason, message and object, plus what the
// page knows about the StatefulSet that recorded it (its pod management policy). The sentence is in
// the page's language; the names and Kubernetes words in it stay as kubectl prints them.
import { t } from '../i18n/i18n'

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
  if (!m) return t('why.createdObject')
  const [, pod, set] = m as unknown as [string, string, string]
  const ordinal = ordinalOf(pod)
  if (ctx.policyOf?.(set) === 'Parallel') return t('why.createdParallel', { pod })
  if (ordinal <= 0) return t('why.createdFirst', { pod })
  return t('why.createdNext', { pod, previous: predecessor(pod, ordinal) })
}

const claimCreated: Explainer = (e) => {
  const m = /^create Claim (\S+) Pod (\S+) in StatefulSet/.exec(e.message)
  if (!m) return t('why.claimCreatedAny')
  const [, claim, pod] = m as unknown as [string, string, string]
  const template = claim.endsWith(`-${pod}`) ? claim.slice(0, -pod.length - 1) : claim
  return t('why.claimCreated', { claim, template, pod })
}

/** The ReplicaSet controller's words: `Created pod: web-5d8f9c-abcde` / `Deleted pod: …`. */
const replicaSetPod = (e: EventLike): string | undefined => {
  const m = /^(Created|Deleted) pod: (\S+)/.exec(e.message)
  if (!m) return undefined
  return t(m[1] === 'Created' ? 'why.replicaSetCreated' : 'why.replicaSetDeleted', { pod: m[2] ?? '' })
}

const EXPLAINERS: Record<string, Explainer> = {
  SuccessfulCreate: (e, ctx) =>
    replicaSetPod(e) ?? (/^create Claim /.test(e.message) ? claimCreated(e, ctx) : podCreated(e, ctx)),
  ScalingReplicaSet: () => t('why.scalingReplicaSet'),
  SuccessfulDelete: (e) => {
    const rs = replicaSetPod(e)
    if (rs) return rs
    const pod = /^delete Pod (\S+)/.exec(e.message)?.[1] ?? t('why.thePod')
    return t('why.deleted', { pod })
  },
  SuccessfulUpdate: () => t('why.updated'),
  FailedCreate: (e) => {
    const claim = /pvc (\S+) is being deleted/.exec(e.message)?.[1]
    if (claim) return t('why.claimBeingDeleted', { claim })
    return t('why.failedCreate')
  },
  FailedDelete: () => t('why.failedDelete'),
  RecreatingFailedPod: (e) => {
    const pod = /failed Pod (\S+)/.exec(e.message)?.[1] ?? t('why.thePod')
    return t('why.recreatingFailed', { pod })
  },
  Scheduled: (e) => {
    const m = /assigned \S+?\/(\S+) to (\S+)/.exec(e.message)
    if (!m) return t('why.scheduledAny')
    return t('why.scheduled', { pod: m[1] ?? '', node: m[2] ?? '' })
  },
  FailedScheduling: (e) => {
    if (/unbound immediate PersistentVolumeClaims/.test(e.message)) return t('why.unboundClaim')
    if (/volume node affinity conflict/.test(e.message)) return t('why.affinityConflict')
    return t('why.failedScheduling')
  },
  Pulling: (e) => t('why.pulling', { image: quoted(e.message) ?? t('why.theImage') }),
  Pulled: (e) => t(/already present/.test(e.message) ? 'why.alreadyPresent' : 'why.pulled'),
  Created: (e) => {
    const c = /container:? (\S+)/.exec(e.message)?.[1]
    return c ? t('why.createdContainer', { container: c }) : t('why.createdAnyContainer')
  },
  Started: () => t('why.started'),
  Killing: (e) => {
    const container = /container (\S+)/.exec(e.message)?.[1] ?? t('why.theContainer')
    return t('why.killing', { container })
  },
  Unhealthy: () => t('why.unhealthy'),
  BackOff: () => t('why.backOff'),
  FailedCreatePodSandBox: () => t('why.sandbox'),
  ExternalProvisioning: (e) =>
    t('why.externalProvisioning', { provisioner: quoted(e.message) ?? t('why.theStorageClassProvisioner') }),
  Provisioning: () => t('why.provisioning'),
  ProvisioningSucceeded: (e) => {
    const volume = /volume (\S+)/.exec(e.message)?.[1] ?? t('why.aVolume')
    return t('why.provisioned', { volume })
  },
  ProvisioningFailed: () => t('why.provisioningFailed'),
  WaitForFirstConsumer: () => t('why.waitForFirstConsumer'),
  WaitForPodScheduled: (e) => {
    const pod = /waiting for pod (\S+)/.exec(e.message)?.[1] ?? t('why.itsPod')
    return t('why.waitForPodScheduled', { pod })
  },
  FailedBinding: (e) =>
    t(/no storage class is set/.test(e.message) ? 'why.noStorageClass' : 'why.failedBinding'),
  VolumeMismatch: () => t('why.volumeMismatch'),
  ClaimLost: () => t('why.claimLost'),
}

/** One sentence saying why the event happened, in the terms of the StatefulSet lesson. */
export function explainEvent(e: EventLike, ctx: ExplainContext = {}): string {
  const explain = EXPLAINERS[e.reason]
  if (explain) return explain(e, ctx)
  return t(e.type === 'Warning' ? 'why.otherWarning' : 'why.otherNormal', { reason: e.reason })
}
