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

  /**
   * A failed sync: queue the key again after the work queue's per-item exponential back-off
   * (client-go's default rate limiter: 5 ms doubling, at most 1000 s); some controllers use
   * their own base and give up after a number of retries.
   */
  protected retry(key: string, policy: { baseMs?: number; maxMs?: number; maxRetries?: number } = {}): void {
    const failures = this.ctx.state.get('controllers.failures', () => new Map<string, number>())
    const id = `${this.name}|${key}`
    const n = failures.get(id) ?? 0
    if (n >= (policy.maxRetries ?? Infinity)) {
      failures.delete(id)
      return
    }
    failures.set(id, n + 1)
    this.enqueue(key, Math.min(policy.maxMs ?? 1_000_000, (policy.baseMs ?? 5) * 2 ** n))
  }

  /** A successful sync: the key's back-off starts over. */
  protected forget(key: string): void {
    this.ctx.state.get('controllers.failures', () => new Map<string, number>()).delete(`${this.name}|${key}`)
  }

  /** Queues `key` for a sync after the controller's latency (plus `delayMs`); repeated calls fold into one. */
  enqueue(key: string, delayMs = 0): void {
    this.ctx.enqueueSync(this.name, key, this.ctx.timings.controllerLatency + delayMs)
  }
}
