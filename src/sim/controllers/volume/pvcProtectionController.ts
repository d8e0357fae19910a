// Kubernetes' pvc-protection and pv-protection controllers (pkg/controller/volume/pvcprotection,
// pvprotection), one loop here. A claim being deleted keeps `kubernetes.io/pvc-protection`
// while a scheduled pod in its namespace mounts it (F94); a volume being deleted keeps
// `kubernetes.io/pv-protection` while it is Bound (F96). Both finalizers are re-added to live
// objects that lost them, as the real controllers do for objects older than the admission plugin.
import type { KubeObject, PersistentVolume, PersistentVolumeClaim, Pod } from '../../model'
import type { WatchEvent } from '../../api/store'
import { StatusError } from '../../api/errors'
import { Controller } from '../controller'
import { podUsesClaim } from './volumeMatching'

export const PVC_PROTECTION_FINALIZER = 'kubernetes.io/pvc-protection'
export const PV_PROTECTION_FINALIZER = 'kubernetes.io/pv-protection'

export class PvcProtectionController extends Controller {
  readonly name = 'pvc-protection-controller'

  onWatch({ type, object, oldObject }: WatchEvent): void {
    if (type === 'DELETED' && object.kind !== 'Pod') return
    switch (object.kind) {
      case 'PersistentVolumeClaim':
        if (needsWork(object, PVC_PROTECTION_FINALIZER))
          this.enqueue(`pvc/${object.metadata.namespace}/${object.metadata.name}`)
        return
      case 'PersistentVolume':
        if (needsWork(object, PV_PROTECTION_FINALIZER)) this.enqueue(`pv/${object.metadata.name}`)
        return
      case 'Pod':
        this.enqueueClaimsOf(object as Pod, type === 'DELETED')
        // A name reused by a new pod hides the old one's deletion (podAddedDeletedUpdated).
        if (oldObject && oldObject.metadata.uid !== object.metadata.uid)
          this.enqueueClaimsOf(oldObject as Pod, true)
        return
    }
  }

  sync(key: string): void {
    const [what, a = '', b = ''] = key.split('/')
    try {
      if (what === 'pvc') this.syncClaim(a, b)
      else if (what === 'pv') this.syncVolume(a)
    } catch (e) {
      // Conflicts are retried, as the work queue's rate limiter would.
      if (!(e instanceof StatusError)) throw e
      this.enqueue(key, 1000)
    }
  }

  private syncClaim(ns: string, name: string): void {
    const claim = this.ctx.api.tryGet<PersistentVolumeClaim>('PersistentVolumeClaim', ns, name)
    if (!claim) return
    if (claim.metadata.deletionTimestamp) {
      if (hasFinalizer(claim, PVC_PROTECTION_FINALIZER) && !this.claimInUse(claim)) {
        this.ctx.api.update(withoutFinalizer(claim, PVC_PROTECTION_FINALIZER))
      }
    } else if (!hasFinalizer(claim, PVC_PROTECTION_FINALIZER)) {
      this.ctx.api.update(withFinalizer(claim, PVC_PROTECTION_FINALIZER))
    }
  }

  private syncVolume(name: string): void {
    const pv = this.ctx.api.tryGet<PersistentVolume>('PersistentVolume', undefined, name)
    if (!pv) return
    if (pv.metadata.deletionTimestamp) {
      // The PV controller's status is the only signal of use (pvprotection isBeingUsed).
      if (hasFinalizer(pv, PV_PROTECTION_FINALIZER) && pv.status?.phase !== 'Bound') {
        this.ctx.api.update(withoutFinalizer(pv, PV_PROTECTION_FINALIZER))
      }
    } else if (!hasFinalizer(pv, PV_PROTECTION_FINALIZER)) {
      this.ctx.api.update(withFinalizer(pv, PV_PROTECTION_FINALIZER))
    }
  }

  /**
   * podUsesPVC: a pod counts once it is scheduled (the kubelet refuses to start a pod whose claim
   * is being deleted), whatever its phase — as in Kubernetes, a finished pod still holds the claim
   * until the pod object is gone.
   */
  private claimInUse(claim: PersistentVolumeClaim): boolean {
    return this.ctx.api
      .list<Pod>('Pod', claim.metadata.namespace)
      .some((pod) => !!pod.spec.nodeName && podUsesClaim(pod, claim.metadata.name))
  }

  /** enqueuePVCs: only pod changes that can release a claim matter. */
  private enqueueClaimsOf(pod: Pod, deleted: boolean): void {
    const terminated = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed'
    if (!deleted && !terminated && pod.spec.nodeName) return
    for (const v of pod.spec.volumes ?? []) {
      if (v.persistentVolumeClaim)
        this.enqueue(`pvc/${pod.metadata.namespace}/${v.persistentVolumeClaim.claimName}`)
    }
  }
}

function hasFinalizer(obj: KubeObject, finalizer: string): boolean {
  return obj.metadata.finalizers?.includes(finalizer) ?? false
}

/** NeedToAddFinalizer or IsDeletionCandidate. */
function needsWork(obj: KubeObject, finalizer: string): boolean {
  return obj.metadata.deletionTimestamp ? hasFinalizer(obj, finalizer) : !hasFinalizer(obj, finalizer)
}

function withFinalizer<T extends KubeObject>(obj: T, finalizer: string): T {
  return {
    ...obj,
    metadata: { ...obj.metadata, finalizers: [...(obj.metadata.finalizers ?? []), finalizer] },
  }
}

function withoutFinalizer<T extends KubeObject>(obj: T, finalizer: string): T {
  return {
    ...obj,
    metadata: { ...obj.metadata, finalizers: (obj.metadata.finalizers ?? []).filter((f) => f !== finalizer) },
  }
}
