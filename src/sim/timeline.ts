// The time machine behind scrubbing (RaftScope's idea): checkpoints of the whole engine at
// regular simulated intervals and right after every user action. Seeking restores the latest
// checkpoint at or before the target and runs forward — no action ever lies between that
// checkpoint and the target, so replay is just time passing. Acting in the past forks: the
// checkpoints after that moment are dropped, and the future is recomputed from the new action.
import type { Checkpoint, Simulation } from './simulation'

export interface TimelineOptions {
  /** Simulated ms between automatic checkpoints. */
  intervalMs?: number
}

interface Mark {
  readonly at: number
  readonly checkpoint: Checkpoint
}

export class Timeline {
  private marks: Mark[] = []
  private readonly intervalMs: number
  /** The furthest moment computed so far (the end of the scrubber). */
  private horizon = 0

  constructor(
    readonly sim: Simulation,
    options: TimelineOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 10_000
    this.mark()
  }

  get end(): number {
    return Math.max(this.horizon, this.sim.now)
  }

  /** Runs an action (a kubectl command, an apply) now; the future after now is discarded first. */
  act<T>(action: () => T): T {
    this.fork()
    const result = action()
    this.mark()
    return result
  }

  /**
   * Records that something was just done now (a command that turned out to change the cluster):
   * the old future is dropped and a checkpoint taken — `act` for actions whose effect is only
   * known afterwards.
   */
  recordAction(): void {
    this.fork()
    this.mark()
  }

  /** Plays forward to `t`: through what was computed before (actions included), then onwards, checkpointing every interval. */
  advanceTo(t: number): void {
    if (t <= this.end) {
      this.seek(t)
      return
    }
    this.seek(this.end)
    while (this.sim.now < t) {
      const last = this.marks[this.marks.length - 1]!.at
      const next = Math.min(t, last + this.intervalMs)
      this.sim.advanceTo(next)
      if (this.sim.now >= last + this.intervalMs) this.mark()
    }
    this.horizon = Math.max(this.horizon, this.sim.now)
  }

  /**
   * Moves to any computed moment, backwards or forwards. The engine restores the latest
   * checkpoint at or before the target unless it is already past it, then lets time pass.
   */
  seek(t: number): void {
    const target = Math.min(Math.max(0, t), this.end)
    let i = this.marks.length - 1
    while (i > 0 && this.marks[i]!.at > target) i--
    const mark = this.marks[i]!
    // At the mark's own moment the engine may be just before an action: restore to be sure.
    if (target < this.sim.now || mark.at >= this.sim.now) this.sim.restore(mark.checkpoint)
    this.sim.advanceTo(target)
  }

  /** Forgets every checkpoint after now (called before an action in the past). */
  fork(): void {
    this.marks = this.marks.filter((m) => m.at <= this.sim.now)
    this.horizon = this.sim.now
  }

  /** The moment of the first checkpoint after `t`, if any (where a recorded action may lie). */
  nextCheckpointAfter(t: number): number | undefined {
    return this.marks.find((m) => m.at > t)?.at
  }

  get checkpointCount(): number {
    return this.marks.length
  }

  private mark(): void {
    const at = this.sim.now
    // A later checkpoint at the same moment (an action just ran) replaces the earlier one.
    while (this.marks.length && this.marks[this.marks.length - 1]!.at === at) this.marks.pop()
    this.marks.push({ at, checkpoint: this.sim.checkpoint() })
    this.horizon = Math.max(this.horizon, at)
  }
}
