// The handles every engine component gets: the API server, the clock and agenda, seeded
// randomness, the event recorder and timings. Components keep any state of their own in
// `ctx.state` slots so a checkpoint captures the whole engine.
import type { ApiServer } from './api/apiServer'
import type { ObjectStore } from './api/store'
import type { EventRecorder } from './events/recorder'
import type { Rng } from './runtime/rng'
import type { TaskQueue } from './runtime/taskQueue'
import type { Timings } from './runtime/timings'
import type { FeatureGates } from './featureGates'

export interface SimContext {
  readonly api: ApiServer
  readonly store: ObjectStore
  readonly queue: TaskQueue
  readonly rng: Rng
  readonly recorder: EventRecorder
  readonly timings: Timings
  readonly featureGates: Readonly<FeatureGates>
  /** Schedules a task handled by the component that registered `type`. */
  schedule(delayMs: number, type: string, key: string, data?: unknown): void
  /** Schedules `controller.sync(key)` unless one is already pending. */
  enqueueSync(controller: string, key: string, delayMs: number): void
  /** Components' own state, stored immutably so checkpoints can share it. */
  readonly state: StateSlots
}

/**
 * Components' private state. A slot holds a plain value, a Map or a Set. Maps and Sets may be
 * changed in place (a checkpoint copies them shallowly), but the values inside them must be
 * replaced, never mutated, so checkpoints can share them.
 */
export class StateSlots {
  private slots = new Map<string, unknown>()

  get<T>(name: string, init: () => T): T {
    if (!this.slots.has(name)) this.slots.set(name, init())
    return this.slots.get(name) as T
  }

  set<T>(name: string, value: T): void {
    this.slots.set(name, value)
  }

  snapshot(): ReadonlyMap<string, unknown> {
    return cloneSlots(this.slots)
  }

  restore(s: ReadonlyMap<string, unknown>): void {
    this.slots = cloneSlots(s)
  }
}

function cloneSlots(slots: ReadonlyMap<string, unknown>): Map<string, unknown> {
  const out = new Map<string, unknown>()
  for (const [k, v] of slots) out.set(k, v instanceof Map ? new Map(v) : v instanceof Set ? new Set(v) : v)
  return out
}
