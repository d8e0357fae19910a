// The pod and owner helpers the ReplicaSet and Deployment controllers share: pkg/controller
// (FilterActivePods, IsPodActive, FilterActiveReplicaSets), k8s.io/kubectl podutil (IsPodReady,
// IsPodAvailable) and metav1 (GetControllerOf, NewControllerRef).
import type { KubeObject, OwnerReference, Pod, ReplicaSet } from '../../model'
import { simTimeOf } from '../../runtime/time'

export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash'

/** metav1.GetControllerOf: the owner reference marked `controller: true`. */
export function getControllerOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller)
}

/** metav1.NewControllerRef for an apps/v1 owner. */
export function newControllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: 'apps/v1',
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  }
}

/** IsPodActive: not finished and not being deleted. */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp
}

export function podReadyCondition(pod: Pod) {
  return pod.status?.conditions?.find((c) => c.type === 'Ready')
}

/** podutil.IsPodReady: the Ready condition is True (the phase is not consulted). */
export function isPodReady(pod: Pod): boolean {
  return podReadyCondition(pod)?.status === 'True'
}

/** podutil.IsPodAvailable: Ready for more than minReadySeconds at `nowMs` (simulated ms). */
export function isPodAvailable(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  const ready = podReadyCondition(pod)
  if (ready?.status !== 'True') return false
  if (minReadySeconds <= 0) return true
  if (!ready.lastTransitionTime) return false
  return simTimeOf(ready.lastTransitionTime) + minReadySeconds * 1000 < nowMs
}

/** FilterActiveReplicaSets: those asked for at least one replica. */
export function filterActiveReplicaSets(sets: readonly (ReplicaSet | undefined)[]): ReplicaSet[] {
  return sets.filter((rs): rs is ReplicaSet => !!rs && (rs.spec.replicas ?? 1) > 0)
}

/** The replicas a set asks for (spec.replicas, defaulted to 1 by the API server). */
export function specReplicas(rs: ReplicaSet): number {
  return rs.spec.replicas ?? 1
}

/** ReplicaSetsByCreationTimestamp: oldest first, names breaking ties. */
export function byCreationTimestamp(a: KubeObject, b: KubeObject): number {
  const ta = a.metadata.creationTimestamp
  const tb = b.metadata.creationTimestamp
  if (ta !== tb) return ta < tb ? -1 : 1
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0
}

/** True when only status (and resourceVersion) differ: a controller's own status write echoing back. */
export function statusOnlyChange(before: KubeObject, after: KubeObject): boolean {
  const b = before as KubeObject & { spec?: unknown }
  const a = after as KubeObject & { spec?: unknown }
  if (b.spec !== a.spec) return false
  const { resourceVersion: _r1, ...m1 } = before.metadata
  const { resourceVersion: _r2, ...m2 } = after.metadata
  return JSON.stringify(m1) === JSON.stringify(m2)
}
