// Properties that must hold after every step of any run, whatever the user did. Scenario and
// fuzz tests check them after each task; a violation names the rule, like a failing assertion.
import type { PersistentVolume, PersistentVolumeClaim, Pod, StatefulSet } from '../model'
import type { Simulation } from '../simulation'
import type { WatchEvent } from '../api/store'
import {
  controllerRef,
  getOrdinal,
  getStartOrdinal,
  isCreated,
  isRunningAndReady,
  isTerminating,
} from '../controllers/statefulset/utils'

export function checkInvariants(sim: Simulation): string[] {
  const store = sim.ctx.store
  const problems: string[] = []
  const pods = store.list<Pod>('Pod')

  // At most one pod per identity: names are unique keys in the store, so check that no two
  // live pods claim the same set ordinal.
  const seen = new Map<string, string>()
  for (const pod of pods) {
    const ref = controllerRef(pod)
    if (ref?.kind !== 'StatefulSet') continue
    const id = `${pod.metadata.namespace}/${ref.uid}/${getOrdinal(pod)}`
    if (seen.has(id)) problems.push(`two pods for one identity: ${seen.get(id)} and ${pod.metadata.name}`)
    seen.set(id, pod.metadata.name)
  }

  for (const set of store.list<StatefulSet>('StatefulSet')) {
    const owned = pods.filter((p) => controllerRef(p)?.uid === set.metadata.uid && isCreated(p))
    // The API server's own status rules (ValidateStatefulSetStatus); status may lag the pods.
    const status = set.status
    if (status) {
      const counts = [
        status.replicas,
        status.readyReplicas ?? 0,
        status.currentReplicas ?? 0,
        status.updatedReplicas ?? 0,
        status.availableReplicas,
      ]
      if (counts.some((n) => n < 0)) problems.push(`${set.metadata.name}: a negative status count`)
      for (const field of [
        'readyReplicas',
        'currentReplicas',
        'updatedReplicas',
        'availableReplicas',
      ] as const) {
        if ((status[field] ?? 0) > status.replicas) problems.push(`${set.metadata.name}: ${field} > replicas`)
      }
      if (status.availableReplicas > (status.readyReplicas ?? 0))
        problems.push(`${set.metadata.name}: availableReplicas > readyReplicas`)
    }
    void owned
  }

  // A claim is bound to at most one volume, and that volume points back at it.
  const pvs = store.list<PersistentVolume>('PersistentVolume')
  for (const pvc of store.list<PersistentVolumeClaim>('PersistentVolumeClaim')) {
    const bound = pvs.filter(
      (pv) => pv.spec.claimRef?.uid === pvc.metadata.uid && pv.status.phase === 'Bound',
    )
    if (bound.length > 1) problems.push(`${pvc.metadata.name} bound to ${bound.length} volumes`)
    if (
      pvc.status.phase === 'Bound' &&
      pvc.spec.volumeName &&
      !bound.some((pv) => pv.metadata.name === pvc.spec.volumeName)
    ) {
      const pv = store.get<PersistentVolume>('PersistentVolume', undefined, pvc.spec.volumeName)
      if (pv && pv.spec.claimRef?.uid !== pvc.metadata.uid)
        problems.push(`${pvc.metadata.name} Bound to ${pv.metadata.name} which names another claim`)
    }
  }
  return problems
}

/**
 * Transition invariants, checked as writes happen: when an OrderedReady set creates a pod, every
 * lower ordinal in range exists and is Running, Ready and not terminating; a claim's deletion was
 * asked for by the user (`userDeleted`) or by a retention policy.
 */
export function watchInvariants(
  sim: Simulation,
  report: (problem: string) => void,
  userDeleted: (claim: string) => boolean = () => false,
): () => void {
  const store = sim.ctx.store
  const stopClaims = watchClaimDeletions(sim, report, userDeleted)
  const stopPods = store.watch((e: WatchEvent) => {
    if (e.type !== 'ADDED' || e.object.kind !== 'Pod') return
    const pod = e.object as Pod
    const ref = controllerRef(pod)
    if (ref?.kind !== 'StatefulSet') return
    const set = store.get<StatefulSet>('StatefulSet', pod.metadata.namespace, ref.name)
    if (!set || (set.spec.podManagementPolicy ?? 'OrderedReady') !== 'OrderedReady') return
    for (let o = getStartOrdinal(set); o < getOrdinal(pod); o++) {
      const pred = store.get<Pod>('Pod', pod.metadata.namespace, `${set.metadata.name}-${o}`)
      if (!pred || !isRunningAndReady(pred) || isTerminating(pred)) {
        report(
          `${pod.metadata.name} created while ${set.metadata.name}-${o} was ${pred ? 'not Running and Ready' : 'missing'}`,
        )
      }
    }
  })
  return () => {
    stopPods()
    stopClaims()
  }
}

/**
 * A claim is deleted only when someone says so: the user (a delete of that claim) or a retention
 * policy — which says it by giving the claim an owner reference (the StatefulSet or the pod), so
 * the garbage collector deletes it with its owner. Checked when deletion starts (deletionTimestamp
 * set, the pvc-protection finalizer holding it) or, without a finalizer, when it disappears.
 */
function watchClaimDeletions(
  sim: Simulation,
  report: (problem: string) => void,
  userDeleted: (claim: string) => boolean,
): () => void {
  const deleting = new Set<string>()
  return sim.ctx.store.watch((e: WatchEvent) => {
    if (e.object.kind !== 'PersistentVolumeClaim') return
    const claim = e.object as PersistentVolumeClaim
    const name = claim.metadata.name
    const started = e.type === 'DELETED' || !!claim.metadata.deletionTimestamp
    if (!started) {
      deleting.delete(name)
      return
    }
    if (deleting.has(name)) {
      if (e.type === 'DELETED') deleting.delete(name)
      return
    }
    if (e.type !== 'DELETED') deleting.add(name)
    if (!userDeleted(name) && !claim.metadata.ownerReferences?.length)
      report(`claim ${name} deleted though neither the user nor a retention policy asked for it`)
  })
}
