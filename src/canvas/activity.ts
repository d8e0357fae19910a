// One line on what a StatefulSet's controller is doing or waiting for, and why a slot is empty,
// read from the slots it owns (the rules of pkg/controller/statefulset, summarised for people:
// OrderedReady creates ordinals in order, each after its predecessor is Running and Ready, and
// removes the highest first; Parallel does both at once).
import type { StatefulSet } from '../sim/model'
import type { PodView, Tone } from './model'

interface SlotFacts {
  readonly ordinal: number
  readonly name: string
  readonly wanted: boolean
  readonly pod?: PodView
}

const healthy = (p: PodView | undefined) => !!p && p.tone === 'ok'

export function setActivity(set: StatefulSet, slots: readonly SlotFacts[]): { text: string; tone: Tone } {
  const parallel = set.spec.podManagementPolicy === 'Parallel'
  const leaving = slots.filter((s) => s.pod && (!s.wanted || s.pod.terminating))
  const wanted = slots.filter((s) => s.wanted)
  if (leaving.length > 0) {
    const names = leaving.map((s) => s.name).reverse()
    const scaling = leaving.some((s) => !s.wanted)
    return {
      text: scaling
        ? `scaling down: removing ${names.join(', ')}${parallel ? '' : ' (highest ordinal first)'}`
        : `${names.join(', ')} terminating; the same name will be recreated`,
      tone: 'stop',
    }
  }
  const missing = wanted.filter((s) => !s.pod)
  const unready = wanted.filter((s) => s.pod && !healthy(s.pod))
  if (missing.length === 0 && unready.length === 0)
    return { text: `all ${wanted.length} replicas Running and Ready`, tone: 'ok' }
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
