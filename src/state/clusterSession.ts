// The bridge between the engine and the page, framework-free: one simulated cluster with its
// timeline, the console's kubectl commands (blocking ones keep running as simulated time
// plays, like a terminal), applies from the editor, and immutable snapshots for drawing.
import { Simulation } from '../sim/simulation'
import { Timeline } from '../sim/timeline'
import type {
  ControllerRevision,
  Deployment,
  EndpointSlice,
  Event,
  KubeObject,
  Node,
  PersistentVolume,
  PersistentVolumeClaim,
  ReplicaSet,
  Pod,
  Service,
  StatefulSet,
  StorageClass,
} from '../sim/model'
import { runKubectl } from '../kubectl/kubectl'
import { isContinuation, type Continuation, type KubectlEnv } from '../kubectl/env'
import { splitCommandLine } from './commandLine'
import { runDocker } from '../runner/docker'
import { stoppedNodes } from '../sim/kubelet/nodePower'

export type Stream = 'in' | 'out' | 'err'

export interface ConsoleLine {
  readonly id: number
  readonly stream: Stream
  readonly text: string
  /** Which console pane (terminal) wrote it; absent means the first. */
  readonly pane?: number
}

/** Everything the page draws, at one simulated moment. Arrays hold the store's immutable objects. */
export interface ClusterSnapshot {
  readonly now: number
  /** The furthest moment computed (the end of the scrubber). */
  readonly end: number
  readonly resourceVersion: string
  readonly pods: readonly Pod[]
  readonly statefulSets: readonly StatefulSet[]
  readonly controllerRevisions: readonly ControllerRevision[]
  readonly deployments: readonly Deployment[]
  readonly replicaSets: readonly ReplicaSet[]
  readonly services: readonly Service[]
  readonly claims: readonly PersistentVolumeClaim[]
  readonly volumes: readonly PersistentVolume[]
  readonly storageClasses: readonly StorageClass[]
  readonly nodes: readonly Node[]
  /** Nodes whose kubelet was stopped (`docker pause`): the control plane notices only later. */
  readonly stoppedNodes: readonly string[]
  readonly endpointSlices: readonly EndpointSlice[]
  readonly events: readonly Event[]
}

/** Something the user did that changed the cluster, at a simulated moment: enough to replay a session. */
export interface RecordedAction {
  readonly at: number
  readonly kind: 'apply' | 'command'
  readonly text: string
}

export interface CommandResult {
  readonly stdout: string
  readonly stderr: string
  readonly exitCode: number
}

export class ClusterSession {
  readonly sim: Simulation
  readonly timeline: Timeline
  /** The command still running in each console pane (a watch, a wait). */
  private readonly active = new Map<number, Continuation>()
  private lineId = 0
  private readonly listeners = new Set<(line: ConsoleLine) => void>()
  /** The actions behind the current timeline, in order (the future's are dropped on a fork). */
  private log: RecordedAction[] = []

  constructor(readonly seed = 1) {
    this.sim = new Simulation({ seed })
    this.timeline = new Timeline(this.sim, { intervalMs: 5_000 })
  }

  /**
   * A session rebuilt from its seed and actions: the engine is deterministic, so replaying them
   * at their moments gives back the same cluster; then it is computed up to `end` and shown at `now`.
   */
  static replay(seed: number, actions: readonly RecordedAction[], end: number, now: number): ClusterSession {
    const session = new ClusterSession(seed)
    for (const action of actions) {
      session.advanceTo(action.at)
      if (action.kind === 'apply') session.apply(action.text)
      else session.command(action.text)
    }
    session.advanceTo(Math.max(end, session.sim.now))
    session.seek(now)
    return session
  }

  get actions(): readonly RecordedAction[] {
    return this.log
  }

  private record(kind: RecordedAction['kind'], text: string): void {
    const at = this.sim.now
    this.log = [...this.log.filter((a) => a.at <= at), { at, kind, text }]
  }

  /** Receives every console line as it is written. Returns an unsubscribe function. */
  onConsole(listener: (line: ConsoleLine) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  get busy(): boolean {
    return this.active.size > 0
  }

  /** The panes whose command is still running. */
  get busyPanes(): number[] {
    return [...this.active.keys()].sort()
  }

  /** `kubectl apply -f` of the editor's text, as an action on the timeline (it forks the future). */
  apply(text: string, source = 'editor.yaml'): CommandResult {
    let stdout = ''
    let stderr = ''
    const env: KubectlEnv = {
      sim: this.sim,
      out: (s) => (stdout += s),
      err: (s) => (stderr += s),
      readFile: (path) => (path === source ? text : undefined),
      terminal: true,
    }
    const outcome = this.timeline.act(() => runKubectl(['apply', '-f', source], env))
    this.record('apply', text)
    return { stdout, stderr, exitCode: isContinuation(outcome) ? 0 : outcome }
  }

  /** Runs a console line (`kubectl …`) in a pane; output streams to the console listeners. */
  command(line: string, pane = 0): void {
    const write = (stream: Stream, text: string) => this.write(stream, text, pane)
    write('in', line)
    if (this.active.has(pane)) this.interrupt(pane)
    const argv = splitCommandLine(line)
    if ('error' in argv) {
      write('err', `${argv.error}\n`)
      return
    }
    if (argv.words.length === 0) return
    if (argv.words[0] === 'docker') {
      // `docker pause node-1`: the node fails as a paused kind node does (its kubelet goes silent).
      // Each node paused or unpaused prints its name: record the line if any did (`pause n1 bogus` pauses n1).
      let changed = false
      const out = (t: string) => {
        changed = true
        write('out', t)
      }
      runDocker(this.sim, argv.words, out, (t) => write('err', t))
      if (changed) {
        this.timeline.recordAction()
        this.record('command', line)
      }
      return
    }
    if (argv.words[0] !== 'kubectl') {
      write(
        'err',
        `${argv.words[0]}: command not found (this console runs kubectl and docker pause|unpause)\n`,
      )
      return
    }
    const env: KubectlEnv = {
      sim: this.sim,
      out: (s) => write('out', s),
      err: (s) => write('err', s),
      readFile: () => undefined,
      terminal: true,
    }
    // Only a command that changed the cluster is an action on the timeline (and forks it).
    const rv = this.sim.ctx.store.resourceVersion
    const outcome = runKubectl(argv.words.slice(1), env)
    if (this.sim.ctx.store.resourceVersion !== rv) {
      this.timeline.recordAction()
      this.record('command', line)
    }
    if (isContinuation(outcome)) {
      if (outcome.poll()) outcome.finish('done')
      else this.active.set(pane, outcome)
    }
  }

  /** Ctrl+C: stops the command running in a pane (a watch, a wait). */
  interrupt(pane = 0): void {
    const active = this.active.get(pane)
    this.active.delete(pane)
    if (active) {
      active.finish('interrupted')
      this.write('err', '^C\n', pane)
    }
  }

  /** Plays forward to `t` (through what was computed, then onwards); running commands see every step. */
  advanceTo(t: number): void {
    if (this.active.size > 0) {
      const running = [...this.active.values()]
      if (t > this.timeline.end) {
        this.timeline.advanceTo(this.timeline.end)
        this.sim.advanceUntil(() => running.some((c) => c.poll()), t - this.sim.now)
        this.timeline.advanceTo(t)
      } else this.timeline.advanceTo(t)
      for (const [pane, active] of [...this.active]) {
        if (active.poll()) {
          this.active.delete(pane)
          active.finish('done')
        }
      }
      return
    }
    this.timeline.advanceTo(t)
  }

  /** Moves to any computed moment; a running command is stopped first (its output is history). */
  seek(t: number): void {
    for (const pane of [...this.active.keys()]) this.interrupt(pane)
    this.timeline.seek(t)
  }

  /**
   * Advances to the next moment at which the cluster changes (looking a minute ahead at most),
   * through the recorded future when in the past — checkpoint by checkpoint, so recorded actions
   * are replayed, not skipped.
   */
  step(): void {
    const rv = this.sim.ctx.store.resourceVersion
    const limit = this.sim.now + 60_000
    while (this.sim.now < limit) {
      const checkpoint = this.timeline.nextCheckpointAfter(this.sim.now)
      const until = Math.min(limit, checkpoint ?? Infinity)
      if (this.sim.advanceUntil(() => this.sim.ctx.store.resourceVersion !== rv, until - this.sim.now)) break
      if (checkpoint === undefined || checkpoint > limit) break
      this.timeline.seek(checkpoint)
      if (this.sim.ctx.store.resourceVersion !== rv) break
    }
    if (this.sim.now > this.timeline.end) this.timeline.advanceTo(this.sim.now)
  }

  snapshot(): ClusterSnapshot {
    const store = this.sim.ctx.store
    const list = <T extends KubeObject>(kind: string) => store.list<T>(kind)
    return {
      now: this.sim.now,
      end: this.timeline.end,
      resourceVersion: store.resourceVersion,
      pods: list<Pod>('Pod'),
      statefulSets: list<StatefulSet>('StatefulSet'),
      controllerRevisions: list<ControllerRevision>('ControllerRevision'),
      deployments: list<Deployment>('Deployment'),
      replicaSets: list<ReplicaSet>('ReplicaSet'),
      services: list<Service>('Service'),
      claims: list<PersistentVolumeClaim>('PersistentVolumeClaim'),
      volumes: list<PersistentVolume>('PersistentVolume'),
      storageClasses: list<StorageClass>('StorageClass'),
      nodes: list<Node>('Node'),
      stoppedNodes: stoppedNodes(this.sim.ctx),
      endpointSlices: list<EndpointSlice>('EndpointSlice'),
      events: list<Event>('Event'),
    }
  }

  private write(stream: Stream, text: string, pane = 0): void {
    const line: ConsoleLine = { id: ++this.lineId, stream, text, ...(pane ? { pane } : {}) }
    for (const l of this.listeners) l(line)
  }
}
