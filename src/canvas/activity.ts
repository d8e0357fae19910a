// One line on what a StatefulSet's controller is doing or waiting for, and why a slot is empty,
// read from the slots it owns (the rules of pkg/controller/statefulset, summarised for people:
// OrderedReady creates ordinals in order, each after its predecessor is Running and Ready, and
// removes the highest first; Parallel does both at once). Written in the page's language.
import { currentLanguage, t } from '../i18n/i18n'
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
  const update = updateRevision === undefined ? t('canvas.activity.newRevision') : String(updateRevision)
  // At most one pod per identity: a pod on a lost node keeps its name until someone force-deletes it.
  const stuck = leaving.filter((s) => s.pod!.terminating && s.pod!.node && unreachable.has(s.pod!.node))
  if (stuck.length > 0) {
    const s = stuck[0]!
    return { text: t('canvas.activity.stuck', { name: s.name, node: s.pod!.node ?? '' }), tone: 'bad' }
  }
  if (leaving.length > 0) {
    const names = leaving
      .map((s) => s.name)
      .reverse()
      .join(t('common.listSep'))
    const stop = (text: string) => ({ text, tone: 'stop' as const })
    if (leaving.some((s) => !s.wanted))
      return stop(
        t(parallel ? 'canvas.activity.scalingDownParallel' : 'canvas.activity.scalingDown', { names }),
      )
    // Which revision comes back depends on the strategy and the partition (§8.4).
    if (leaving.every((s) => s.revision?.state === 'old')) {
      if (set.spec.updateStrategy?.type === 'OnDelete')
        return stop(t('canvas.activity.onDeleteRecreated', { names, revision: update }))
      if (leaving.every((s) => s.ordinal < heldBelow(set)))
        return stop(t('canvas.activity.belowPartition', { names }))
      if (leaving.every((s) => s.ordinal >= heldBelow(set)))
        return stop(t('canvas.activity.rollingReplace', { names, revision: update }))
    }
    return stop(t('canvas.activity.terminatingSameName', { names }))
  }
  const missing = wanted.filter((s) => !s.pod)
  const unready = wanted.filter((s) => s.pod && !healthy(s.pod))
  if (missing.length === 0 && unready.length === 0) {
    if (outdated.length > 0) return pendingUpdate(set, outdated, update)
    return { text: t('canvas.activity.allReady', { count: wanted.length }), tone: 'ok' }
  }
  // A rollout stuck behind a new pod that never becomes Ready (statefulset-behaviour.md §8.7).
  const blocker = unready.find((s) => s.revision?.state === 'update' && s.pod!.tone === 'bad')
  if (blocker && outdated.length > 0 && !parallel)
    return {
      text: t('canvas.activity.blocked', {
        name: blocker.name,
        revision: update,
        status: blocker.pod!.status,
      }),
      tone: 'bad',
    }
  if (parallel) {
    const names = [...missing, ...unready].map((s) => s.name)
    return {
      text: t('canvas.activity.parallel', { names: names.join(t('common.listSep')) }),
      tone: 'progress',
    }
  }
  const first = wanted.find((s) => !healthy(s.pod))!
  if (!first.pod) return { text: t('canvas.activity.creating', { name: first.name }), tone: 'progress' }
  const next = wanted.find((s) => s.ordinal > first.ordinal && !s.pod)
  return {
    text: next
      ? t('canvas.activity.waitsUntil', { next: next.name, first: first.name })
      : t('canvas.activity.waitingFor', { name: first.name }),
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
  const names = outdated.map((s) => s.name).join(t('common.listSep'))
  const strategy = set.spec.updateStrategy
  if (strategy?.type === 'OnDelete') return { text: t('canvas.activity.onDelete', { names }), tone: 'warn' }
  const partition = strategy?.rollingUpdate?.partition ?? 0
  const below = heldBelow(set)
  if (outdated.every((s) => s.ordinal < below))
    return {
      text: t('canvas.activity.partitionKeeps', { count: outdated.length, partition, names, below }),
      tone: 'ok',
    }
  const next = [...outdated].reverse().find((s) => s.ordinal >= below)!
  return { text: t('canvas.activity.rollingNext', { revision: update, name: next.name }), tone: 'progress' }
}

/** Why a slot has no tenant, or why its tenant has no DNS record; '' when there is nothing odd. */
/** A note without parameters, looked up once per language: every empty slot asks each frame. */
const notes = new Map<string, string>()
function note(key: 'scaledDown' | 'vacantNext' | 'noHeadless' | 'terminating' | 'notReadyYet'): string {
  const id = `${currentLanguage()}:${key}`
  let text = notes.get(id)
  if (text === undefined) notes.set(id, (text = t(`canvas.slot.${key}`)))
  return text
}

export function slotNote(
  set: StatefulSet,
  slot: SlotFacts,
  slots: readonly SlotFacts[],
  hasRecord: boolean,
  serviceProblem: string,
): string {
  const pod = slot.pod
  if (!pod) {
    if (!slot.wanted) return note('scaledDown')
    if (set.spec.podManagementPolicy !== 'Parallel') {
      const blocker = slots.find((s) => s.wanted && s.ordinal < slot.ordinal && !healthy(s.pod))
      if (blocker) return t('canvas.slot.waitsFor', { name: blocker.name })
    }
    return note('vacantNext')
  }
  if (hasRecord) return ''
  if (serviceProblem) return note('noHeadless')
  if (pod.terminating) return note('terminating')
  return note('notReadyYet')
}
