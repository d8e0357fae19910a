// client-go's flowcontrol.Backoff as the kubelet uses it, without jitter: per key, a delay that
// starts at `initialMs`, doubles on every `next` up to `maxMs`, and starts over once the key has
// seen no `next` for 2 × maxMs (hasExpired). The kubelet keeps one for container restarts
// (CrashLoopBackOff, 10 s → 5 min) and one for image pulls (ImagePullBackOff, 10 s → 5 min).
// Entries live in a ctx.state slot so checkpoints capture them.
import type { SimContext } from '../simContext'

interface Entry {
  readonly backoffMs: number
  readonly lastUpdate: number
}

export class BackOff {
  constructor(
    private readonly ctx: SimContext,
    private readonly slot: string,
    readonly initialMs: number,
    readonly maxMs: number,
  ) {}

  private entries(): Map<string, Entry> {
    return this.ctx.state.get(this.slot, () => new Map<string, Entry>())
  }

  private now(): number {
    return this.ctx.queue.now
  }

  private expired(eventTime: number, lastUpdate: number): boolean {
    return eventTime - lastUpdate > 2 * this.maxMs
  }

  /** The current delay for `key` (0 when it has none). */
  get(key: string): number {
    return this.entries().get(key)?.backoffMs ?? 0
  }

  /** Next: the first delay for a new or expired key, else double the last (capped). */
  next(key: string, eventTime = this.now()): void {
    const e = this.entries().get(key)
    const backoffMs =
      !e || this.expired(eventTime, e.lastUpdate) ? this.initialMs : Math.min(e.backoffMs * 2, this.maxMs)
    this.entries().set(key, { backoffMs, lastUpdate: this.now() })
  }

  /** IsInBackOffSince: less than the delay has passed since `eventTime` (a container's exit). */
  isInBackOffSince(key: string, eventTime: number): boolean {
    const e = this.entries().get(key)
    if (!e || this.expired(eventTime, e.lastUpdate)) return false
    return this.now() - eventTime < e.backoffMs
  }

  /** IsInBackOffSinceUpdate: less than the delay has passed since the last `next`. */
  isInBackOffSinceUpdate(key: string): boolean {
    const e = this.entries().get(key)
    if (!e || this.expired(this.now(), e.lastUpdate)) return false
    return this.now() - e.lastUpdate < e.backoffMs
  }

  /** When the current delay for `key` ends, counted from `since` (default: the last update). */
  endsAt(key: string, since?: number): number {
    const e = this.entries().get(key)
    return e ? (since ?? e.lastUpdate) + e.backoffMs : this.now()
  }

  forget(key: string): void {
    this.entries().delete(key)
  }
}
