// client-go's EventRecorder, simplified: writes core/v1 Events, and folds a repeat of the same
// (object, type, reason, message, source) into the existing Event by bumping count and
// lastTimestamp, as the event correlator does. Events expire an hour after their last write, as
// with kube-apiserver's default --event-ttl, and at most MAX_EVENTS are kept (Ordinal's limit:
// the oldest go first), so a long or busy session does not grow without bound.
import type { ApiServer } from '../api/apiServer'
import type { Event, KubeObject } from '../model'
import type { Rng } from '../runtime/rng'

/** kube-apiserver's default --event-ttl. */
export const EVENT_TTL_MS = 60 * 60 * 1000
/** Events kept at most; past it the oldest tenth is dropped at once. */
export const MAX_EVENTS = 10_000
/** Expired events are looked for at most once per simulated minute. */
const SWEEP_EVERY_MS = 60 * 1000

export class EventRecorder {
  /** correlation key → event name; derived from the store, so dropped on restore and rebuilt. */
  private index: Map<string, string> | undefined
  /** When expired events were last removed (derived: a restore only makes the next sweep earlier). */
  private lastSweep = -Infinity

  constructor(
    private readonly api: ApiServer,
    private readonly rng: Rng,
  ) {}

  /** Forget derived state (after a checkpoint restore). */
  reset(): void {
    this.index = undefined
    this.lastSweep = -Infinity
  }

  /** Removes expired events and, over MAX_EVENTS, the oldest ones. */
  private prune(now: string): void {
    const store = this.api.store
    const nowMs = Date.parse(now)
    const over = store.count('Event') > MAX_EVENTS
    if (!over && nowMs - this.lastSweep < SWEEP_EVERY_MS) return
    this.lastSweep = nowMs
    const events = this.api.list<Event>('Event')
    const expired = events.filter((e) => nowMs - Date.parse(e.lastTimestamp) >= EVENT_TTL_MS)
    let doomed = expired
    if (events.length - expired.length > MAX_EVENTS) {
      const keep = new Set(expired)
      const oldest = events
        .filter((e) => !keep.has(e))
        .sort(
          (a, b) => compare(a.lastTimestamp, b.lastTimestamp) || compare(a.metadata.name, b.metadata.name),
        )
      doomed = [...expired, ...oldest.slice(0, events.length - expired.length - Math.floor(MAX_EVENTS * 0.9))]
    }
    if (doomed.length === 0) return
    for (const e of doomed) store.remove(e)
    this.index = undefined
  }

  private lookup(ns: string, key: string): Event | undefined {
    if (!this.index) {
      this.index = new Map()
      for (const e of this.api.list<Event>('Event')) {
        this.index.set(
          correlationKey(e.involvedObject.uid ?? '', e.type, e.reason, e.message, e.source.component),
          e.metadata.name,
        )
      }
    }
    const name = this.index.get(key)
    return name === undefined ? undefined : this.api.tryGet<Event>('Event', ns, name)
  }

  /** Records an event about `obj` from `component` (e.g. `statefulset-controller`). */
  record(
    obj: KubeObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    component: string,
    host?: string,
  ): void {
    const ns = obj.metadata.namespace ?? 'default'
    const key = correlationKey(obj.metadata.uid, type, reason, message, component)
    const existing = this.lookup(ns, key)
    const now = this.api.now()
    // Events are written straight to the store: they have no defaults or admission, and a busy
    // cluster writes several per pod (the generic create path would dominate the engine's cost).
    const store = this.api.store
    if (existing) {
      store.put({
        ...existing,
        metadata: { ...existing.metadata, resourceVersion: store.nextResourceVersion() },
        count: existing.count + 1,
        lastTimestamp: now,
      } as Event)
      this.prune(now)
      return
    }
    const name = `${obj.metadata.name}.${eventSuffix(store.resourceVersion)}`
    store.put({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {
        name,
        namespace: ns,
        uid: this.rng.uuid(),
        resourceVersion: store.nextResourceVersion(),
        creationTimestamp: now,
      },
      involvedObject: {
        kind: obj.kind,
        namespace: obj.metadata.namespace,
        name: obj.metadata.name,
        uid: obj.metadata.uid,
        apiVersion: obj.apiVersion,
        resourceVersion: obj.metadata.resourceVersion,
      },
      reason,
      message,
      source: host ? { component, host } : { component },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      reportingComponent: component,
    } as Event)
    this.index?.set(key, name)
    this.prune(now)
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

function correlationKey(
  uid: string,
  type: string,
  reason: string,
  message: string,
  component: string,
): string {
  return `${uid}\u0000${type}\u0000${reason}\u0000${component}\u0000${message}`
}

/** Event names are `<object>.<hex timestamp>`; a counter keeps them unique and deterministic. */
function eventSuffix(rv: string): string {
  return (0x188a0000000000 + Number(rv)).toString(16)
}
