// Port of stateful_pod_control.go: the only writer of a StatefulSet's pods and claims. Every
// create and delete records an event on the set, in the controller's own words.
import type { PersistentVolumeClaim, Pod, StatefulSet } from '../../model'
import { StatusError } from '../../api/errors'
import type { SimContext } from '../../simContext'
import { getOrdinal, getPersistentVolumeClaims } from './utils'

const COMPONENT = 'statefulset-controller'

export class StatefulPodControl {
  constructor(private readonly ctx: SimContext) {}

  /** CreateStatefulPod: the pod's claims first (missing ones only), then the pod. Returns an error text or undefined. */
  createStatefulPod(set: StatefulSet, pod: Pod): string | undefined {
    const claimError = this.createPersistentVolumeClaims(set, pod)
    if (claimError) {
      this.recordPodEvent('create', set, pod, claimError)
      return claimError
    }
    try {
      this.ctx.api.create<Pod>(pod)
    } catch (e) {
      const msg = errorText(e)
      this.recordPodEvent('create', set, pod, msg)
      return msg
    }
    this.recordPodEvent('create', set, pod)
    return undefined
  }

  /** createMissingPersistentVolumeClaims, for a pending pod whose claims were deleted. */
  createMissingPersistentVolumeClaims(set: StatefulSet, pod: Pod): string | undefined {
    return this.createPersistentVolumeClaims(set, pod)
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

  /** UpdateStatefulPod: restores identity and storage on a pod whose labels or volumes drifted. */
  updateStatefulPod(set: StatefulSet, pod: Pod): void {
    try {
      this.ctx.api.update<Pod>(pod)
      this.recordPodEvent('update', set, pod)
    } catch (e) {
      this.recordPodEvent('update', set, pod, errorText(e))
    }
  }

  private createPersistentVolumeClaims(set: StatefulSet, pod: Pod): string | undefined {
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

export function errorText(e: unknown): string {
  if (e instanceof StatusError) return e.message
  return e instanceof Error ? e.message : String(e)
}
