// One line on what a StatefulSet's controller is doing or waiting for, and why a slot is empty,
// read from the slots it owns (the rules of pkg/controller/statefulset, summarised for people:
// OrderedReady creates ordinals in order, each after its predecessor is Running and Ready, and
// removes the highest first; Parallel does both at once).
import type { StatefulSet } from '../sim/model'
import type { PodView, SlotRevision, Tone } from './model'

interface SlotFacts {
  readonly ordinal: number
  readonly name: string
  readonly wanted: boolean
  readonly pod?: PodView
  readonly revision?: SlotRevision
}

const healthy = (p: PodView | undefined) => !!p && p.tone === 'ok'

/**
 * `updateRevision`: the number of the set's update revision, when known; `unreachable`: nodes
 * that are NotReady or whose kubelet is stopped.
 */
export function setActivity(
  set: StatefulSet,
  slots: readonly SlotFacts[],
  updateRevision?: number,
  unreachable: ReadonlySet<string> = new Set(),
): { text: string; tone: Tone } {
  const parallel = set.spec.podManagementPolicy === 'Parallel'
  const leaving = slots.filter((s) => s.pod && (!s.wanted || s.pod.terminating))
  const wanted = slots.filter((s) => s.wanted)
  const outdated = wanted.filter((s) => s.pod && s.revision?.state === 'old')
  const update = updateRevision === undefined ? 'new' : String(updateRevision)
  // At most one pod per identity: a pod on a lost node keeps its name until someone force-deletes it.
  const stuck = leaving.filter((s) => s.pod!.terminating && s.pod!.node && unreachable.has(s.pod!.node))
  if (stuck.length > 0) {
    const s = stuck[0]!
    return {
      text: `${s.name} is stuck Terminating on ${s.pod!.node} (unreachable): not replaced until it is force-deleted or the node returns`,
      tone: 'bad',
    }
  }
  if (leaving.length > 0) {
    const names = leaving
      .map((s) => s.name)
      .reverse()
      .join(', ')
    const stop = (text: string) => ({ text, tone: 'stop' as const })
    if (leaving.some((s) => !s.wanted))
      return stop(`scaling down: removing ${names}${parallel ? '' : ' (highest ordinal first)'}`)
    // Which revision comes back depends on the strategy and the partition (§8.4).
    if (leaving.every((s) => s.revision?.state === 'old')) {
      if (set.spec.updateStrategy?.type === 'OnDelete')
        return stop(`${names} deleted: recreated at revision ${update} (OnDelete)`)
      if (leaving.every((s) => s.ordinal < heldBelow(set)))
        return stop(`${names} terminating: recreated at its old revision (below the partition)`)
      if (leaving.every((s) => s.ordinal >= heldBelow(set)))
        return stop(`rolling update: replacing ${names} with revision ${update} (highest ordinal first)`)
    }
    return stop(`${names} terminating; the same name will be recreated`)
  }
  const missing = wanted.filter((s) => !s.pod)
  const unready = wanted.filter((s) => s.pod && !healthy(s.pod))
  if (missing.length === 0 && unready.length === 0) {
    if (outdated.length > 0) return pendingUpdate(set, outdated, update)
    return { text: `all ${wanted.length} replicas Running and Ready`, tone: 'ok' }
  }
  // A rollout stuck behind a new pod that never becomes Ready (statefulset-behaviour.md §8.7).
  const blocker = unready.find((s) => s.revision?.state === 'update' && s.pod!.tone === 'bad')
  if (blocker && outdated.length > 0 && !parallel)
    return {
      text: `rollout blocked: ${blocker.name} (revision ${update}) is ${blocker.pod!.status}; fix the template, then delete ${blocker.name}`,
      tone: 'bad',
    }
  if (parallel) {
    const names = [...missing, ...unready].map((s) => s.name)
    return { text: `Parallel: starting ${names.join(', ')} at once`, tone: 'progress' }
  }
  const first = wanted.find((s) => !healthy(s.pod))!
  if (!first.pod) return { text: `creating ${first.name}`, tone: 'progress' }
  const next = wanted.find((s) => s.ordinal > first.ordinal && !s.pod)
  return {
    text: next
      ? `${next.name} waits until ${first.name} is Running and Ready (OrderedReady)`
      : `waiting for ${first.name} to be Running and Ready`,
    tone: first.pod.tone === 'bad' ? 'bad' : 'progress',
  }
}

/** The first ordinal a RollingUpdate reaches: start + partition (0 partition under OnDelete). */
export function heldBelow(set: StatefulSet): number {
  const strategy = set.spec.updateStrategy
  const partition = strategy?.type === 'OnDelete' ? 0 : (strategy?.rollingUpdate?.partition ?? 0)
  return (set.spec.ordinals?.start ?? 0) + partition
}

/** Every pod Ready, some not at the update revision: why they wait. */
function pendingUpdate(
  set: StatefulSet,
  outdated: readonly SlotFacts[],
  update: string,
): { text: string; tone: Tone } {
  const names = outdated.map((s) => s.name).join(', ')
  const strategy = set.spec.updateStrategy
  if (strategy?.type === 'OnDelete')
    return { text: `OnDelete: ${names} change only when you delete them`, tone: 'warn' }
  const partition = strategy?.rollingUpdate?.partition ?? 0
  const below = heldBelow(set)
  if (outdated.every((s) => s.ordinal < below))
    return {
      text: `partition ${partition}: ${names} ${outdated.length === 1 ? 'keeps its' : 'keep their'} revision (ordinals below ${below} are not updated)`,
      tone: 'ok',
    }
  const next = [...outdated].reverse().find((s) => s.ordinal >= below)!
  return { text: `rolling update to revision ${update}: ${next.name} is next`, tone: 'progress' }
}

/** Why a slot has no tenant, or why its tenant has no DNS record; '' when there is nothing odd. */
export function slotNote(
  set: StatefulSet,
  slot: SlotFacts,
  slots: readonly SlotFacts[],
  hasRecord: boolean,
  serviceProblem: string,
): string {
  const pod = slot.pod
  if (!pod) {
    if (!slot.wanted) return 'scaled down · claims kept'
    if (set.spec.podManagementPolicy !== 'Parallel') {
      const blocker = slots.find((s) => s.wanted && s.ordinal < slot.ordinal && !healthy(s.pod))
      if (blocker) return `waits for ${blocker.name} (OrderedReady)`
    }
    return 'vacant · next to be created'
  }
  if (hasRecord) return ''
  if (serviceProblem) return 'no headless Service'
  if (pod.terminating) return 'terminating'
  return 'not Ready yet'
}
