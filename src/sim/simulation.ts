// Wires the API server, controllers, scheduler and kubelets to one clock and one seeded rng.
// `advance`/`advanceTo` run the agenda; `checkpoint`/`restore` capture and return to any moment
// (the basis of scrubbing and forking). Same seed and inputs → the same trace.
import { ApiServer } from './api/apiServer'
import { ObjectStore, type StoreState, type WatchEvent } from './api/store'
import { EventRecorder } from './events/recorder'
import { Rng, type RngState } from './runtime/rng'
import { TaskQueue, type Task, type TaskQueueState } from './runtime/taskQueue'
import { DEFAULT_TIMINGS, type Timings } from './runtime/timings'
import { DEFAULT_FEATURE_GATES, type FeatureGates } from './featureGates'
import { StateSlots, type SimContext } from './simContext'
import type { Controller } from './controllers/controller'
import { bootstrapCluster, type ClusterShape } from './bootstrap'
import { createComponents, type Component } from './components'
import { Kubelet } from './kubelet/kubelet'
import type { ContainerRuntime } from './kubelet/containerRuntime'

export interface SimulationOptions {
  seed?: number
  timings?: Partial<Timings>
  /** Feature gates to turn on or off (default: v1.34's). */
  featureGates?: Partial<FeatureGates>
  cluster?: Partial<ClusterShape>
  /** Replaces the standard components (tests of one controller in isolation). */
  components?: (ctx: SimContext) => Component[]
}

export interface Checkpoint {
  readonly queue: TaskQueueState
  readonly store: StoreState
  readonly rng: RngState
  readonly state: ReadonlyMap<string, unknown>
  readonly pending: ReadonlySet<string>
}

const SYNC = 'controller-sync'

export class Simulation {
  readonly ctx: SimContext
  private readonly controllers = new Map<string, Controller>()
  private readonly handlers = new Map<string, (task: Task) => void>()
  private pending = new Set<string>()
  private readonly components: Component[]

  constructor(options: SimulationOptions = {}) {
    const queue = new TaskQueue()
    const store = new ObjectStore()
    const rng = new Rng(options.seed ?? 1)
    const api = new ApiServer(store, queue, rng)
    const timings = { ...DEFAULT_TIMINGS, ...options.timings }
    const state = new StateSlots()
    const ctx: SimContext = {
      api,
      store,
      queue,
      rng,
      recorder: new EventRecorder(api, rng),
      timings,
      featureGates: { ...DEFAULT_FEATURE_GATES, ...options.featureGates },
      state,
      schedule: (delay, type, key, data) => void queue.schedule(delay, type, key, data),
      enqueueSync: (controller, key, delay) => {
        const id = `${controller}|${key}`
        if (this.pending.has(id)) return
        this.pending.add(id)
        const busyUntil = this.busy().get(id) ?? 0
        queue.schedule(Math.max(delay, busyUntil - queue.now), SYNC, id, controller)
      },
    }
    this.ctx = ctx
    this.components = (options.components ?? createComponents)(ctx)
    for (const c of this.components) {
      if (c.controller) this.controllers.set(c.controller.name, c.controller)
      for (const [type, fn] of Object.entries(c.handlers ?? {})) this.handlers.set(type, fn)
    }
    this.handlers.set(SYNC, (task) => this.runSync(task))
    store.watch((e) => this.dispatchWatch(e))
    bootstrapCluster(ctx, options.cluster)
  }

  /** The nodes' container runtime (exec, logs); undefined when the kubelet is not simulated. */
  get containerRuntime(): ContainerRuntime | undefined {
    return this.components.find((c): c is Kubelet => c instanceof Kubelet)?.runtime
  }

  get now(): number {
    return this.ctx.queue.now
  }

  /** Runs the next task, if any; returns it. */
  step(): Task | undefined {
    const task = this.ctx.queue.pop()
    if (!task) return undefined
    const handler = this.handlers.get(task.type)
    if (!handler) throw new Error(`no handler for task ${task.type}`)
    handler(task)
    return task
  }

  /** Runs everything due up to `t` (simulated ms), then sets the clock to `t`. */
  advanceTo(t: number): void {
    for (;;) {
      const next = this.ctx.queue.peek()
      if (!next || next.at > t) break
      this.step()
    }
    if (t > this.ctx.queue.now) this.ctx.queue.now = t
  }

  advance(ms: number): void {
    this.advanceTo(this.now + ms)
  }

  /**
   * Advances until `done()` holds (checked after every task) or `limitMs` passes.
   * Returns whether `done()` held.
   */
  advanceUntil(done: () => boolean, limitMs: number): boolean {
    const deadline = this.now + limitMs
    if (done()) return true
    for (;;) {
      const next = this.ctx.queue.peek()
      if (!next || next.at > deadline) break
      this.step()
      if (done()) return true
    }
    this.advanceTo(deadline)
    return done()
  }

  /** Time of the next scheduled task, if any. */
  nextTaskTime(): number | undefined {
    return this.ctx.queue.peek()?.at
  }

  checkpoint(): Checkpoint {
    return {
      queue: this.ctx.queue.snapshot(),
      store: this.ctx.store.snapshot(),
      rng: this.ctx.rng.state(),
      state: this.ctx.state.snapshot(),
      pending: new Set(this.pending),
    }
  }

  /** Returns the engine to a checkpoint; what happened after it is forgotten. */
  restore(cp: Checkpoint): void {
    this.ctx.queue.restore(cp.queue)
    this.ctx.store.restore(cp.store)
    this.ctx.rng.restore(cp.rng)
    this.ctx.state.restore(cp.state)
    this.pending = new Set(cp.pending)
    this.ctx.recorder.reset()
    for (const c of this.components) c.reset?.()
  }

  private runSync(task: Task): void {
    this.pending.delete(task.key)
    const controller = this.controllers.get(task.data as string)!
    const key = task.key.slice(controller.name.length + 1)
    controller.sync(key)
    const cost = controller.syncCost(key)
    if (cost > 0) this.busy().set(task.key, this.now + cost)
    else this.busy().delete(task.key)
  }

  /** controller|key → simulated time until which that worker is busy. */
  private busy(): Map<string, number> {
    return this.ctx.state.get('controllers.busyUntil', () => new Map<string, number>())
  }

  private dispatchWatch(e: WatchEvent): void {
    for (const c of this.components) c.onWatch?.(e)
  }
}
