// persistentVolumeClaimRetentionPolicy, as stateful_set_utils.go implements it: the policy is
// expressed as owner references on the claims, and the garbage collector does the deleting.
//
//   Retain on scale-down and set deletion: no reference from the set or the pod
//   Retain on scale-down, Delete with the set: a controller reference to the set
//   Delete on scale-down, Retain with the set: a controller reference to the pod, once scaled away
//   Delete on both: the set while in range; the pod (instead) once scaled away
import type { OwnerReference, PersistentVolumeClaim, Pod, StatefulSet } from '../../model'
import { podInOrdinalRange } from './utils'

type Policy = 'Retain' | 'Delete'

export function retentionPolicy(set: StatefulSet): { whenScaled: Policy; whenDeleted: Policy } {
  const p = set.spec.persistentVolumeClaimRetentionPolicy
  return { whenScaled: p?.whenScaled ?? 'Retain', whenDeleted: p?.whenDeleted ?? 'Retain' }
}

interface Referent {
  apiVersion: string
  kind: string
  name: string
  uid: string
}

// Object literals rather than spreads: these run for every claim of every pod on every sync.
function setReferent(set: StatefulSet): Referent {
  return { apiVersion: 'apps/v1', kind: 'StatefulSet', name: set.metadata.name, uid: set.metadata.uid }
}

/** A pod not created yet has no uid: any reference to its name is then stale. */
function podReferent(pod: Pod): Referent {
  return { apiVersion: 'v1', kind: 'Pod', name: pod.metadata.name, uid: pod.metadata.uid ?? '' }
}

/** matchesRef: same kind and name, whatever the uid. */
function matchesRef(ref: OwnerReference, obj: Referent): boolean {
  return ref.apiVersion === obj.apiVersion && ref.kind === obj.kind && ref.name === obj.name
}

function hasOwnerRef(claim: PersistentVolumeClaim, owner: Referent): boolean {
  return !!owner.uid && (claim.metadata.ownerReferences ?? []).some((r) => r.uid === owner.uid)
}

/** hasStaleOwnerRef: a reference that names the object but carries another uid. */
function hasStaleOwnerRef(claim: PersistentVolumeClaim, obj: Referent): boolean {
  const ref = (claim.metadata.ownerReferences ?? []).find((r) => matchesRef(r, obj))
  return !!ref && ref.uid !== obj.uid
}

/** A controller other than this set or pod (ignored under Retain/Retain, where nothing is added). */
export function hasUnexpectedController(claim: PersistentVolumeClaim, set: StatefulSet, pod: Pod): boolean {
  const policy = retentionPolicy(set)
  if (policy.whenScaled === 'Retain' && policy.whenDeleted === 'Retain') return false
  const s = setReferent(set)
  const p = podReferent(pod)
  for (const ref of claim.metadata.ownerReferences ?? []) {
    if (matchesRef(ref, s)) {
      if (ref.uid !== s.uid) return true
      continue
    }
    if (matchesRef(ref, p)) {
      if (ref.uid !== p.uid) return true
      continue
    }
    if (ref.controller) return true
  }
  return false
}

function hasNonControllerOwner(claim: PersistentVolumeClaim, set: StatefulSet, pod: Pod): boolean {
  const uids = new Set([set.metadata.uid, pod.metadata.uid].filter(Boolean))
  return (claim.metadata.ownerReferences ?? []).some((r) => uids.has(r.uid) && !r.controller)
}

/** isClaimOwnerUpToDate: whether the claim's references already say what the policy says. */
export function isClaimOwnerUpToDate(claim: PersistentVolumeClaim, set: StatefulSet, pod: Pod): boolean {
  // Without owner references nothing is stale, unexpected or missing a controller flag.
  if (!claim.metadata.ownerReferences?.length) return !wantedOwners(set, pod).some(Boolean)
  const s = setReferent(set)
  const p = podReferent(pod)
  // Managed by an earlier set or pod of the same name: leave it alone.
  if (hasStaleOwnerRef(claim, s) || hasStaleOwnerRef(claim, p)) return true
  if (hasUnexpectedController(claim, set, pod)) return !(hasOwnerRef(claim, s) || hasOwnerRef(claim, p))
  if (hasNonControllerOwner(claim, set, pod)) return false
  const [wantSet, wantPod] = wantedOwners(set, pod)
  return hasOwnerRef(claim, s) === wantSet && hasOwnerRef(claim, p) === wantPod
}

/** Whether the policy wants the set, and the pod, among the claim's owners. */
function wantedOwners(set: StatefulSet, pod: Pod): [wantSet: boolean, wantPod: boolean] {
  const { whenScaled, whenDeleted } = retentionPolicy(set)
  const scaledDown = !podInOrdinalRange(pod, set)
  const wantSet = whenDeleted === 'Delete' && (whenScaled === 'Retain' || !scaledDown)
  const wantPod = whenScaled === 'Delete' && scaledDown
  return [wantSet, wantPod]
}

/** updateClaimOwnerRefForSetAndPod: the claim's owner references the policy calls for. */
export function claimOwnerRefsForPolicy(
  claim: PersistentVolumeClaim,
  set: StatefulSet,
  pod: Pod,
): OwnerReference[] | undefined {
  const s = setReferent(set)
  const p = podReferent(pod)
  const unexpected = hasUnexpectedController(claim, set, pod)
  // Scrub our references, then add what the policy wants (nothing beside another controller).
  const refs = (claim.metadata.ownerReferences ?? []).filter((r) => !matchesRef(r, s) && !matchesRef(r, p))
  if (!unexpected) {
    const { whenScaled, whenDeleted } = retentionPolicy(set)
    const scaledDown = !podInOrdinalRange(pod, set)
    if (whenScaled === 'Delete' && scaledDown) refs.push(controllerRefTo(p))
    else if (whenDeleted === 'Delete') refs.push(controllerRefTo(s))
  }
  return refs.length ? refs : undefined
}

function controllerRefTo(owner: Referent): OwnerReference {
  return { ...owner, controller: true, blockOwnerDeletion: true }
}

/** PodClaimIsStale: under whenScaled=Delete, a claim still owned by an earlier pod of this name blocks creation. */
export function claimIsStale(claim: PersistentVolumeClaim, set: StatefulSet, pod: Pod): boolean {
  if (retentionPolicy(set).whenScaled === 'Retain') return false
  return hasStaleOwnerRef(claim, podReferent(pod))
}
