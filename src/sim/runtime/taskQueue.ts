// The simulated clock and its agenda. Every delayed thing in the engine (an image pull, a probe,
// a controller's next sync, a grace period running out) is a plain-data task here, ordered by
// time and then by the order it was scheduled — so runs are deterministic, and a checkpoint is
// just a copy of the array.

export interface Task {
  readonly at: number // simulated milliseconds since the simulation began
  readonly seq: number
  readonly type: string
  readonly key: string // what the task is about (a pod uid, a controller key …); used for dedup
  readonly data?: unknown
}

export interface TaskQueueState {
  readonly now: number
  readonly seq: number
  readonly heap: readonly Task[]
}

export class TaskQueue {
  private heap: Task[] = []
  private seq = 0
  now = 0

  snapshot(): TaskQueueState {
    return { now: this.now, seq: this.seq, heap: this.heap.slice() }
  }

  restore(s: TaskQueueState): void {
    this.now = s.now
    this.seq = s.seq
    this.heap = s.heap.slice()
  }

  get size(): number {
    return this.heap.length
  }

  /** Schedules a task `delayMs` from now (never in the past). */
  schedule(delayMs: number, type: string, key: string, data?: unknown): Task {
    const task: Task = { at: this.now + Math.max(0, Math.round(delayMs)), seq: this.seq++, type, key, data }
    this.push(task)
    return task
  }

  peek(): Task | undefined {
    return this.heap[0]
  }

  /** Removes and returns the earliest task, advancing the clock to its time. */
  pop(): Task | undefined {
    const top = this.heap[0]
    if (!top) return undefined
    const last = this.heap.pop()!
    if (this.heap.length > 0) {
      this.heap[0] = last
      this.siftDown(0)
    }
    if (top.at > this.now) this.now = top.at
    return top
  }

  private less(a: Task, b: Task): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq)
  }

  private push(task: Task): void {
    const h = this.heap
    h.push(task)
    let i = h.length - 1
    while (i > 0) {
      const p = (i - 1) >> 1
      if (!this.less(h[i]!, h[p]!)) break
      ;[h[i], h[p]] = [h[p]!, h[i]!]
      i = p
    }
  }

  private siftDown(i: number): void {
    const h = this.heap
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < h.length && this.less(h[l]!, h[m]!)) m = l
      if (r < h.length && this.less(h[r]!, h[m]!)) m = r
      if (m === i) return
      ;[h[i], h[m]] = [h[m]!, h[i]!]
      i = m
    }
  }
}
