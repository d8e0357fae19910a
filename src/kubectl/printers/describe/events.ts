// describe.go DescribeEvents and the event search every describer does (searchEvents): events of
// the described object, oldest first, Age `10s` or `2m (x3 over 5m)`.
import type { Event, KubeObject } from '../../../sim/model'
import { parseTimestamp, translateTimestampSince } from '../humanDuration'
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './writer'

type EventX = Event & { eventTime?: string | null; series?: { count: number; lastObservedTime: string } }

/**
 * searchEvents: events whose involvedObject is `obj` — by uid when the object has one (so a pod
 * recreated under the same name does not inherit its predecessor's events), else by name and kind.
 * Nodes also match events the kubelet files with the node name as uid.
 */
export function eventsFor(obj: KubeObject, events: readonly Event[]): Event[] {
  const { name, namespace, uid } = obj.metadata
  return events.filter((e) => {
    const ref = e.involvedObject
    if ((ref.namespace ?? '') !== (namespace ?? '') && obj.kind !== 'Node') return false
    if (ref.name !== name) return false
    if (obj.kind !== 'Pod' && ref.kind && ref.kind !== obj.kind) return false
    if (!uid || !ref.uid) return true
    return ref.uid === uid || (obj.kind === 'Node' && ref.uid === name)
  })
}

/** `Events:\t<none>`, or the Type/Reason/Age/From/Message table sorted by last occurrence. */
export function describeEvents(w: PrefixWriter, events: readonly Event[], nowMs: number): void {
  if (events.length === 0) return w.write(LEVEL_0, 'Events:\t<none>\n')
  const time = (e: EventX) =>
    parseTimestamp(e.series?.lastObservedTime ?? (e.lastTimestamp || e.eventTime)) ?? 0
  const sorted = [...(events as EventX[])].sort((a, b) => time(a) - time(b))
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n')
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n')
  for (const e of sorted) {
    const first = e.eventTime
      ? translateTimestampSince(e.eventTime, nowMs)
      : translateTimestampSince(e.firstTimestamp, nowMs)
    let interval = first
    if (e.series)
      interval = `${translateTimestampSince(e.series.lastObservedTime, nowMs)} (x${e.series.count} over ${first})`
    else if (e.count > 1)
      interval = `${translateTimestampSince(e.lastTimestamp, nowMs)} (x${e.count} over ${first})`
    const source = e.source?.component || e.reportingComponent || ''
    w.write(LEVEL_1, `${e.type}\t${e.reason}\t${interval}\t${source}\t${e.message.trim()}\n`)
  }
}
