// Port of stateful_pod_control.go: the only writer of a StatefulSet's pods and claims. Every
// create and delete records an event on the set, in the controller's own words.
import type { PersistentVolumeClaim, Pod, StatefulSet } from '../../model'
import { StatusError } from '../../api/errors'
import type { SimContext } from '../../simContext'
import {
  claimIsStale,
  claimOwnerRefsForPolicy,
  hasUnexpectedController,
  isClaimOwnerUpToDate,
} from './claimRetention'
import {
  getOrdinal,
  getPersistentVolumeClaimName,
  getPersistentVolumeClaims,
  getPodRevision,
  identityAndStorageMatch,
  newStatefulSetPod,
} from './utils'

const COMPONENT = 'statefulset-controller'
/** The claims of a pod whose set has no volumeClaimTemplates (checked for every pod, every sync). */
const NO_CLAIMS: readonly PersistentVolumeClaim[] = []

export class StatefulPodControl {
  constructor(private readonly ctx: SimContext) {}

  /** CreateStatefulPod: the pod's claims first (missing ones only), then the pod. Returns an error text or undefined. */
  createStatefulPod(set: StatefulSet, pod: Pod): string | undefined {
    const claimError = this.createPersistentVolumeClaims(set, pod)
    if (claimError) {
      this.recordPodEvent('create', set, pod, claimError)
      return claimError
    }
    let created: Pod
    try {
      created = this.ctx.api.create<Pod>(pod)
    } catch (e) {
      const msg = errorText(e)
      this.recordPodEvent('create', set, pod, msg)
      return msg
    }
    // Set the claims' retention references as far as is possible at this point.
    const policyError = this.updatePodClaimForRetentionPolicy(set, created)
    if (policyError) {
      this.recordPodEvent('update', set, pod, policyError)
      return policyError
    }
    this.recordPodEvent('create', set, pod)
    return undefined
  }

  /** createMissingPersistentVolumeClaims, for a pending pod whose claims were deleted. */
  createMissingPersistentVolumeClaims(set: StatefulSet, pod: Pod): string | undefined {
    // Runs for every pending pod on every sync: a set without claim templates has nothing to do.
    if (!set.spec.volumeClaimTemplates?.length) return undefined
    const err = this.createPersistentVolumeClaims(set, pod) ?? this.updatePodClaimForRetentionPolicy(set, pod)
    if (err) this.recordPodEvent('update', set, pod, err)
    return err
  }

  deleteStatefulPod(set: StatefulSet, pod: Pod): string | undefined {
    try {
      this.ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name)
    } catch (e) {
      const msg = errorText(e)
      this.recordPodEvent('delete', set, pod, msg)
      return msg
    }
    this.recordPodEvent('delete', set, pod)
    return undefined
  }

  /**
   * UpdateStatefulPod: restores identity on a pod whose labels drifted and brings its claims'
   * owner references in line with the retention policy; a pod found consistent is not written.
   */
  updateStatefulPod(set: StatefulSet, pod: Pod): void {
    let consistent = true
    let updated = pod
    if (!identityAndStorageMatch(set, pod)) {
      updated = restoreIdentity(set, pod)
      consistent = false
    }
    if (!this.claimsMatchRetentionPolicy(set, pod)) {
      const err = this.updatePodClaimForRetentionPolicy(set, pod)
      if (err) {
        this.recordPodEvent('update', set, pod, err)
        return
      }
      consistent = false
    }
    if (consistent) return
    try {
      this.ctx.api.update<Pod>(updated)
      this.recordPodEvent('update', set, pod)
    } catch (e) {
      this.recordPodEvent('update', set, pod, errorText(e))
    }
  }

  /** ClaimsMatchRetentionPolicy: whether every existing claim of the pod carries the references the policy calls for. */
  claimsMatchRetentionPolicy(set: StatefulSet, pod: Pod): boolean {
    for (const claim of this.podClaims(set, pod)) {
      if (claim && !isClaimOwnerUpToDate(claim, set, pod)) return false
    }
    return true
  }

  /** UpdatePodClaimForRetentionPolicy: rewrites the owner references of the pod's claims. Returns an error text. */
  updatePodClaimForRetentionPolicy(set: StatefulSet, pod: Pod): string | undefined {
    for (const claim of this.podClaims(set, pod)) {
      if (!claim) continue
      if (hasUnexpectedController(claim, set, pod)) {
        this.ctx.recorder.record(
          set,
          'Warning',
          'ConflictingController',
          `PersistentVolumeClaim ${claim.metadata.name} has a conflicting OwnerReference that acts as a manging controller, the retention policy is ignored for this claim`,
          COMPONENT,
        )
      }
      if (isClaimOwnerUpToDate(claim, set, pod)) continue
      const ownerReferences = claimOwnerRefsForPolicy(claim, set, pod)
      try {
        this.ctx.api.update<PersistentVolumeClaim>({
          ...claim,
          metadata: { ...claim.metadata, ownerReferences },
        })
      } catch (e) {
        return `could not update claim ${claim.metadata.name} for delete policy ownerRefs: ${errorText(e)}`
      }
    }
    return undefined
  }

  /** PodClaimIsStale: a claim still owned by an earlier pod of this name (whenScaled=Delete) blocks creation. */
  podClaimIsStale(set: StatefulSet, pod: Pod): boolean {
    return this.podClaims(set, pod).some((claim) => claim && claimIsStale(claim, set, pod))
  }

  /** The stored claims of the pod's volumeClaimTemplates, undefined where missing. */
  private podClaims(set: StatefulSet, pod: Pod): readonly (PersistentVolumeClaim | undefined)[] {
    const templates = set.spec.volumeClaimTemplates
    if (!templates?.length) return NO_CLAIMS
    const ordinal = getOrdinal(pod)
    return templates.map((t) =>
      this.ctx.store.get<PersistentVolumeClaim>(
        'PersistentVolumeClaim',
        set.metadata.namespace,
        getPersistentVolumeClaimName(set, t.metadata.name, ordinal),
      ),
    )
  }

  private createPersistentVolumeClaims(set: StatefulSet, pod: Pod): string | undefined {
    // Every pending pod asks on every sync; usually its claims all exist, and there is nothing to build.
    if (this.podClaims(set, pod).every((c) => c && !c.metadata.deletionTimestamp)) return undefined
    const errors: string[] = []
    for (const claim of getPersistentVolumeClaims(set, getOrdinal(pod)).values()) {
      const existing = this.ctx.api.tryGet<PersistentVolumeClaim>(
        'PersistentVolumeClaim',
        claim.metadata.namespace,
        claim.metadata.name,
      )
      if (!existing) {
        try {
          this.ctx.api.create<PersistentVolumeClaim>(claim)
          this.recordClaimEvent(set, pod, claim)
        } catch (e) {
          const msg = `failed to create PVC ${claim.metadata.name}: ${errorText(e)}`
          this.recordClaimEvent(set, pod, claim, errorText(e))
          errors.push(msg)
        }
      } else if (existing.metadata.deletionTimestamp) {
        errors.push(`pvc ${claim.metadata.name} is being deleted`)
      }
    }
    return errors.length ? errors.join('; ') : undefined
  }

  private recordPodEvent(
    verb: 'create' | 'delete' | 'update',
    set: StatefulSet,
    pod: Pod,
    err?: string,
  ): void {
    const Verb = verb[0]!.toUpperCase() + verb.slice(1)
    if (err === undefined) {
      const message = `${verb} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`
      this.ctx.recorder.record(set, 'Normal', `Successful${Verb}`, message, COMPONENT)
    } else {
      const message = `${verb} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${err}`
      this.ctx.recorder.record(set, 'Warning', `Failed${Verb}`, message, COMPONENT)
    }
  }

  private recordClaimEvent(set: StatefulSet, pod: Pod, claim: PersistentVolumeClaim, err?: string): void {
    if (err === undefined) {
      const message = `create Claim ${claim.metadata.name} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} success`
      this.ctx.recorder.record(set, 'Normal', 'SuccessfulCreate', message, COMPONENT)
    } else {
      const message = `create Claim ${claim.metadata.name} for Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${err}`
      this.ctx.recorder.record(set, 'Warning', 'FailedCreate', message, COMPONENT)
    }
  }
}

function restoreIdentity(set: StatefulSet, pod: Pod): Pod {
  const fresh = newStatefulSetPod(set, set, getOrdinal(pod), getPodRevision(pod) ?? '')
  const l = fresh.metadata.labels ?? {}
  const identity = {
    'statefulset.kubernetes.io/pod-name': l['statefulset.kubernetes.io/pod-name']!,
    'apps.kubernetes.io/pod-index': l['apps.kubernetes.io/pod-index']!,
  }
  return { ...pod, metadata: { ...pod.metadata, labels: { ...pod.metadata.labels, ...identity } } }
}

export function errorText(e: unknown): string {
  if (e instanceof StatusError) return e.message
  return e instanceof Error ? e.message : String(e)
}
