// What every control loop shares: a de-duplicating work queue of keys, processed after a small
// latency, as client-go's workqueue does. Controllers are level-triggered: `sync(key)` re-reads
// everything it needs and is safe to repeat.
import type { SimContext } from '../simContext'
import type { WatchEvent } from '../api/store'

export abstract class Controller {
  abstract readonly name: string

  constructor(protected readonly ctx: SimContext) {}

  /** Called for every write in the API server; enqueue what needs syncing. */
  abstract onWatch(event: WatchEvent): void

  /** Reconciles one key. Must be idempotent. */
  abstract sync(key: string): void

  /**
   * Simulated milliseconds the last sync of `key` kept the worker busy; changes arriving
   * meanwhile fold into one later sync, as they do while a real controller works through a big
   * object. Default: instantaneous.
   */
  syncCost(_key: string): number {
    return 0
  }

  /** Queues `key` for a sync after the controller's latency (plus `delayMs`); repeated calls fold into one. */
  enqueue(key: string, delayMs = 0): void {
    this.ctx.enqueueSync(this.name, key, this.ctx.timings.controllerLatency + delayMs)
  }
}
