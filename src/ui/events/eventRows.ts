// The event log's rows: the snapshot's events as `kubectl get events` prints them (the same
// printer), newest first, each with the moment to jump to and its one-sentence "why".
import { eventTable } from '../../kubectl/printers/columns/cluster'
import type { Event, StatefulSet } from '../../sim/model'
import { simTimeOf } from '../../sim/runtime/time'
import { explainEvent } from '../../state/eventReasons'

export interface EventRow {
  readonly uid: string
  /** Simulated ms to seek to: the end of the second of lastTimestamp, so the event exists there. */
  readonly at: number
  readonly lastSeen: string
  readonly type: string
  readonly reason: string
  readonly object: string
  readonly message: string
  readonly count: number
  readonly why: string
}

export interface RowOptions {
  readonly now: number
  readonly end: number
  readonly warningsOnly?: boolean
  readonly limit?: number
}

function newestFirst(a: Event, b: Event): number {
  if (a.lastTimestamp !== b.lastTimestamp) return a.lastTimestamp < b.lastTimestamp ? 1 : -1
  return Number(b.metadata.resourceVersion ?? 0) - Number(a.metadata.resourceVersion ?? 0)
}

export function eventRows(
  events: readonly Event[],
  statefulSets: readonly StatefulSet[],
  { now, end, warningsOnly = false, limit = Infinity }: RowOptions,
): EventRow[] {
  const policies = new Map(
    statefulSets.map((s) => [s.metadata.name, s.spec.podManagementPolicy ?? 'OrderedReady']),
  )
  const ctx = { policyOf: (name: string) => policies.get(name) }
  return events
    .filter((e) => !warningsOnly || e.type === 'Warning')
    .sort(newestFirst)
    .slice(0, limit)
    .map((e) => {
      const [lastSeen = '', type = '', reason = '', object = '', , , message = ''] = eventTable.row(e, now)
      return {
        uid: e.metadata.uid,
        at: Math.min(end, simTimeOf(e.lastTimestamp) + 999),
        lastSeen,
        type,
        reason,
        object,
        message,
        count: e.count || 1,
        why: explainEvent(e, ctx),
      }
    })
}
