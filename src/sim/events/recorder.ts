// client-go's EventRecorder, simplified: writes core/v1 Events, and folds a repeat of the same
// (object, type, reason, message, source) into the existing Event by bumping count and
// lastTimestamp, as the event correlator does. Events expire an hour after their last write, as
// with kube-apiserver's default --event-ttl, and at most MAX_EVENTS are kept (Ordinal's limit:
// the oldest go first), so a long or busy session does not grow without bound.
import type { ApiServer } from '../api/apiServer'
import type { Event, KubeObject } from '../model'
import type { Rng } from '../runtime/rng'
import { keyOf } from '../api/store'

/** kube-apiserver's default --event-ttl. */
export const EVENT_TTL_MS = 60 * 60 * 1000
/** Events kept at most; past it the oldest tenth is dropped at once. */
export const MAX_EVENTS = 10_000
/** Expired events are looked for at most once per simulated minute. */
const SWEEP_EVERY_MS = 60 * 1000

export class EventRecorder {
  /**
   * correlation key → the event recorded under it (read for its name: the stored object may be a
   * newer version); derived from the store, so dropped on restore and after a sweep removes
   * events, and then rebuilt from the store on the next lookup.
   */
  private index: Map<string, Event> | undefined
  /**
   * The Event write count (ObjectStore.writeCount) at which the index was known to be exactly
   * what a rebuild from the store would give; undefined when not known.
   */
  private exactAt: number | undefined
  /**
   * After a sweep of an exact index: the index with the removed events taken out. The next lookup
   * uses it instead of a rebuild when no one else wrote an Event since (a rebuild would give the
   * same map; at 10,000 events, rebuilding after every sweep was a tenth of the engine's time).
   */
  private carried: Map<string, Event> | undefined
  /** When expired events were last removed (derived: a restore only makes the next sweep earlier). */
  private lastSweep = -Infinity

  constructor(
    private readonly api: ApiServer,
    private readonly rng: Rng,
  ) {}

  /** Forget derived state (after a checkpoint restore). */
  reset(): void {
    this.index = undefined
    this.exactAt = undefined
    this.carried = undefined
    this.lastSweep = -Infinity
  }

  private eventWrites(): number {
    return this.api.store.writeCount('Event')
  }

  /** Removes expired events and, over MAX_EVENTS, the oldest ones. */
  private prune(now: string): void {
    const store = this.api.store
    const nowMs = parseTime(now)
    const over = store.count('Event') > MAX_EVENTS
    if (!over && nowMs - this.lastSweep < SWEEP_EVERY_MS) return
    this.lastSweep = nowMs
    // Unordered scan, then explicit orders: sorting every event's key on each sweep cost more
    // than the sweep itself. Expired events go in storage-key order (the order `list` gives).
    const expired: Event[] = []
    const live: Event[] = []
    for (const e of store.scan<Event>('Event')) {
      if (nowMs - parseTime(e.lastTimestamp) >= EVENT_TTL_MS) expired.push(e)
      else live.push(e)
    }
    expired.sort(byStorageKey)
    let doomed = expired
    if (live.length > MAX_EVENTS) {
      const oldest = live.sort(
        (a, b) =>
          compare(a.lastTimestamp, b.lastTimestamp) ||
          compare(a.metadata.name, b.metadata.name) ||
          byStorageKey(a, b),
      )
      doomed = [...expired, ...oldest.slice(0, live.length - Math.floor(MAX_EVENTS * 0.9))]
    }
    if (doomed.length === 0) return
    const index = this.exactAt === this.eventWrites() ? this.index : undefined
    for (const e of doomed) store.remove(e)
    // An exact index has one entry per stored event, under that event's key.
    if (index) for (const e of doomed) index.delete(eventKey(e))
    this.carried = index
    this.exactAt = index ? this.eventWrites() : undefined
    this.index = undefined
  }

  /**
   * The event recorded under `key`, if it is still stored. The index is rebuilt from the store
   * when missing; should two events share a key, the later one in storage-key order wins.
   */
  private lookup(ns: string, key: string): Event | undefined {
    if (!this.index) {
      const carried = this.carried
      this.carried = undefined
      this.index = carried && this.exactAt === this.eventWrites() ? carried : this.rebuild()
    }
    const recorded = this.index.get(key)
    return recorded && this.api.tryGet<Event>('Event', ns, recorded.metadata.name)
  }

  private rebuild(): Map<string, Event> {
    const index = new Map<string, Event>()
    let exact = true
    for (const e of this.api.store.scan<Event>('Event')) {
      const k = eventKey(e)
      const other = index.get(k)
      if (other) exact = false
      if (!other || byStorageKey(other, e) < 0) index.set(k, e)
    }
    this.exactAt = exact ? this.eventWrites() : undefined
    return index
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
    const index = this.index!
    const now = this.api.now()
    // Events are written straight to the store: they have no defaults or admission, and a busy
    // cluster writes several per pod (the generic create path would dominate the engine's cost).
    const store = this.api.store
    const exact = this.exactAt === this.eventWrites()
    if (existing) {
      store.put(
        freezeEvent({
          ...existing,
          metadata: { ...existing.metadata, resourceVersion: store.nextResourceVersion() },
          count: existing.count + 1,
          lastTimestamp: now,
        } as Event),
      )
      // Same key, same name: a rebuild would give the same index.
      this.exactAt = exact ? this.eventWrites() : undefined
      this.prune(now)
      return
    }
    const name = `${obj.metadata.name}.${eventSuffix(store.resourceVersion)}`
    const event = {
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
    } as Event
    // A rebuild keys the event as `key` only if the uid is a string, and keeps one event per key.
    const stillExact = exact && typeof obj.metadata.uid === 'string' && !index.has(key)
    store.put(freezeEvent(event))
    index.set(key, event)
    this.exactAt = stillExact ? this.eventWrites() : undefined
    this.prune(now)
  }
}

/**
 * Freezes an event the recorder built (its own parts; the rest is shared with a stored event),
 * which spares the store's generic deep freeze one walk per event.
 */
function freezeEvent(e: Event): Event {
  Object.freeze(e.metadata)
  Object.freeze(e.involvedObject)
  Object.freeze(e.source)
  return Object.freeze(e)
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const byStorageKey = (a: Event, b: Event) => compare(keyOf(a), keyOf(b))

// Stored events never change, so what is derived from one is remembered by identity: every
// sweep and index rebuild reads all of them.
const eventKeys = new WeakMap<Event, string>()
const parsedTimes = new Map<string, number>()

/** The correlation key of a stored event. */
function eventKey(e: Event): string {
  let k = eventKeys.get(e)
  if (k === undefined) {
    k = correlationKey(e.involvedObject.uid ?? '', e.type, e.reason, e.message, e.source.component)
    eventKeys.set(e, k)
  }
  return k
}

/** Date.parse, remembered: timestamps have one-second resolution, so few distinct ones exist. */
function parseTime(ts: string): number {
  let ms = parsedTimes.get(ts)
  if (ms === undefined) {
    if (parsedTimes.size > 10_000) parsedTimes.clear()
    parsedTimes.set(ts, (ms = Date.parse(ts)))
  }
  return ms
}

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
