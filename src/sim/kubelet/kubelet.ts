// The kubelets of every node, as one component: admits pods bound to a node, creates the
// sandbox (pod IP), has the image manager pull images, creates and starts containers, runs
// readiness probes, restarts exited containers with back-off (CrashLoopBackOff), and on deletion
// stops containers and removes the pod object. A stopped node's kubelet is frozen (nodePower.ts):
// what it would do waits until the node starts again (resume.ts). Event texts are the kubelet's
// (v1.33/1.34). Durations come from Timings, jittered.
import type { Container, ContainerStatus, Node, Pod } from '../model'
import type { WatchEvent } from '../api/store'
import type { Task } from '../runtime/taskQueue'
import type { SimContext } from '../simContext'
import type { Component } from '../components'
import { Ipam } from './ipam'
import { imageInfo, normalizedImage } from './images'
import { containerProcess, type ContainerProcess } from './containerProcess'
import {
  condition,
  containerId,
  podPhase,
  readinessConditions,
  setCondition,
  waitingStatus,
} from './podStatus'
import { ContainerRuntime } from './containerRuntime'
import { formatBackoff, goDuration, imageDigest } from './statusText'
import { Prober } from './prober'
import { ImagePuller } from './imagePuller'
import { BackOff } from './backOff'
import { isNodeStopped } from './nodePower'
import { resumeNode } from './resume'

const COMPONENT = 'kubelet'

/** What the kubelet remembers of a pod it runs (the rest is in pod.status). */
export interface PodRuntime {
  readonly uid: string
  readonly namespace: string
  readonly name: string
  readonly node: string
  /** Bumped when the pod is being stopped, so tasks scheduled before are ignored. */
  readonly epoch: number
  readonly ip?: string
  readonly stopping?: boolean
}

interface PodTask {
  uid: string
  epoch: number
  container?: number
  exitCode?: number
  pullMs?: number
  /** The container is being started again after it exited. */
  restarted?: boolean
  /** The pod's first attempt at this container (the next container's image follows it). */
  first?: boolean
  /** When the container exited (simulated ms), for the restart back-off. */
  exitedAt?: number
}

/** Container waiting reasons of an image that could not be pulled. */
const IMAGE_ERRORS = new Set(['ErrImagePull', 'ImagePullBackOff', 'ErrImageNeverPull'])

export class Kubelet implements Component {
  private readonly ipam: Ipam
  readonly runtime: ContainerRuntime
  private readonly prober: Prober
  private readonly images: ImagePuller
  /** Container restart back-off: 10 s doubling to 5 min, reset after 10 min without a restart. */
  private readonly restartBackOff: BackOff
  readonly handlers: Record<string, (task: Task) => void>

  constructor(private readonly ctx: SimContext) {
    this.ipam = new Ipam(ctx)
    this.runtime = new ContainerRuntime(ctx)
    this.prober = new Prober(ctx, this)
    this.images = new ImagePuller(ctx, this)
    this.restartBackOff = new BackOff(ctx, 'kubelet.restartBackOff', 10_000, 300_000)
    const guarded = (fn: (pod: Pod, rt: PodRuntime, t: PodTask) => void) => (task: Task) => {
      const t = task.data as PodTask
      const rt = this.pods().get(t.uid)
      if (!rt || rt.epoch !== t.epoch) return
      if (isNodeStopped(this.ctx, rt.node)) return this.freeze(rt.node, task)
      const pod = this.ctx.store.get<Pod>('Pod', rt.namespace, rt.name)
      if (!pod || pod.metadata.uid !== rt.uid) return
      fn(pod, rt, t)
    }
    this.handlers = {
      'kubelet.admit': guarded((pod, rt) => this.admit(pod, rt)),
      'kubelet.sandbox': guarded((pod, rt) => this.sandboxReady(pod, rt)),
      'kubelet.pulled': guarded((pod, rt, t) =>
        this.imagePulled(pod, rt, t.container!, t.first ?? true, t.pullMs),
      ),
      'kubelet.pullFailed': guarded((pod, rt, t) =>
        this.images.pullFailed(pod, rt, t.container!, t.first ?? true),
      ),
      'kubelet.imageSync': guarded((pod, rt, t) => {
        if (!pod.status.containerStatuses?.[t.container!]?.state.running)
          this.images.ensure(pod, rt, t.container!, false)
      }),
      'kubelet.started': guarded((pod, rt, t) => this.containerStarted(pod, rt, t.container!, !!t.restarted)),
      'kubelet.exited': guarded((pod, rt, t) => this.containerExited(pod, rt, t.container!, t.exitCode ?? 0)),
      'kubelet.backoff': guarded((pod, rt, t) => this.backOff(pod, rt, t.container!, t.exitedAt ?? 0)),
      'kubelet.restart': guarded((pod, rt, t) => this.restart(pod, rt, t.container!, t.exitedAt ?? 0)),
      'kubelet.probe': guarded((pod, rt, t) => this.prober.probe(pod, rt, t.container!)),
      'kubelet.kill': guarded((pod, rt) => this.kill(pod, rt)),
      'kubelet.stopped': guarded((pod, rt, t) => this.stopped(pod, rt, t.exitCode ?? 0)),
      'kubelet.resume': (task) => resumeNode(this, this.ctx, task.data as string),
    }
  }

  pods(): Map<string, PodRuntime> {
    return this.ctx.state.get('kubelet.pods', () => new Map<string, PodRuntime>())
  }

  /** Schedules a kubelet task for the pod's current epoch. */
  schedule(delayMs: number, type: string, rt: PodRuntime, extra: Partial<PodTask> = {}): void {
    this.ctx.schedule(delayMs, type, rt.uid, { uid: rt.uid, epoch: rt.epoch, ...extra } satisfies PodTask)
  }

  /** A task that came due on a stopped node: it runs when the node starts again. */
  private freeze(node: string, task: Task): void {
    const frozen = this.frozen()
    frozen.set(node, [...(frozen.get(node) ?? []), task])
  }

  frozen(): Map<string, readonly Task[]> {
    return this.ctx.state.get('kubelet.frozen', () => new Map<string, readonly Task[]>())
  }

  onWatch(e: WatchEvent): void {
    if (e.object.kind !== 'Pod') return
    const pod = e.object as Pod
    const rt = this.pods().get(pod.metadata.uid)
    const node = rt?.node ?? pod.spec.nodeName
    // A stopped kubelet sees nothing; it catches up when its node starts (resume.ts).
    if (node && isNodeStopped(this.ctx, node)) return
    if (e.type === 'DELETED') {
      if (rt) this.forget(rt)
      return
    }
    this.observe(pod)
  }

  /** Acts on the pod as the kubelet now sees it: admit it, stop it, or finish its deletion. */
  observe(pod: Pod): void {
    const uid = pod.metadata.uid
    const rt = this.pods().get(uid)
    if (!rt && pod.spec.nodeName && !pod.metadata.deletionTimestamp && !isTerminal(pod)) {
      const fresh: PodRuntime = {
        uid,
        namespace: pod.metadata.namespace!,
        name: pod.metadata.name,
        node: pod.spec.nodeName,
        epoch: 0,
      }
      this.pods().set(uid, fresh)
      this.schedule(this.jitter(this.ctx.timings.kubeletLatency), 'kubelet.admit', fresh)
    } else if (rt && pod.metadata.deletionTimestamp && !rt.stopping) {
      const stopping = { ...rt, epoch: rt.epoch + 1, stopping: true }
      this.pods().set(uid, stopping)
      this.schedule(this.jitter(this.ctx.timings.kubeletLatency), 'kubelet.kill', stopping)
    } else if (!rt && pod.spec.nodeName && pod.metadata.deletionTimestamp) {
      // Never started here (deleted before admission): nothing to stop, finish the deletion.
      this.ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 0 })
    }
  }

  jitter(ms: number): number {
    return this.ctx.rng.jitter(ms, this.ctx.timings.jitter)
  }

  now(): string {
    return this.ctx.api.now()
  }

  writeStatus(pod: Pod, status: Pod['status']): Pod {
    return this.ctx.api.updateStatus<Pod>({ ...pod, status })
  }

  event(pod: Pod, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.ctx.recorder.record(pod, type, reason, message, COMPONENT, pod.spec.nodeName)
  }

  /** Pod admitted: ContainerCreating until the sandbox and containers are up. */
  private admit(pod: Pod, rt: PodRuntime): void {
    const node = this.ctx.store.get<Node>('Node', undefined, rt.node)
    const now = this.now()
    const hostIP = node?.status.addresses.find((a) => a.type === 'InternalIP')?.address
    let conditions = setCondition(pod.status.conditions, condition('PodReadyToStartContainers', false, now))
    conditions = setCondition(conditions, condition('Initialized', true, now))
    const containerStatuses = pod.spec.containers.map((c) =>
      waitingStatus(c.name, c.image ?? '', 'ContainerCreating'),
    )
    const status = {
      ...pod.status,
      phase: 'Pending' as const,
      ...(hostIP ? { hostIP, hostIPs: [{ ip: hostIP }] } : {}),
      startTime: now,
      containerStatuses,
    }
    status.conditions = readinessConditions({ ...status, conditions }, now)
    this.writeStatus(pod, status)
    this.schedule(this.jitter(this.ctx.timings.sandbox), 'kubelet.sandbox', rt)
  }

  private sandboxReady(pod: Pod, rt: PodRuntime): void {
    const node = this.ctx.store.get<Node>('Node', undefined, rt.node)
    const ip = node && this.ipam.allocate(node)
    if (!ip) {
      this.event(
        pod,
        'Warning',
        'FailedCreatePodSandBox',
        'Failed to create pod sandbox: no IP addresses available in range set',
      )
      return
    }
    const withIp = { ...rt, ip }
    this.pods().set(rt.uid, withIp)
    this.images.ensure(pod, withIp, 0, true)
  }

  private imagePulled(pod: Pod, rt: PodRuntime, i: number, first: boolean, pullMs?: number): void {
    const image = pod.spec.containers[i]!.image ?? ''
    if (pullMs !== undefined) {
      const d = goDuration(pullMs)
      this.event(
        pod,
        'Normal',
        'Pulled',
        `Successfully pulled image "${image}" in ${d} (${d} including waiting). Image size: ${imageInfo(image).size} bytes.`,
      )
    }
    this.startContainer(pod, rt, i)
    if (first && i + 1 < pod.spec.containers.length) this.images.ensure(pod, rt, i + 1, true)
  }

  /** Creates and starts container `i` (again, when `restarted`). */
  startContainer(pod: Pod, rt: PodRuntime, i: number, restarted = false): void {
    const c = pod.spec.containers[i]!
    if (restarted)
      this.event(pod, 'Normal', 'Pulled', `Container image "${c.image ?? ''}" already present on machine`)
    this.event(pod, 'Normal', 'Created', `Created container: ${c.name}`)
    this.schedule(this.jitter(this.ctx.timings.containerStart), 'kubelet.started', rt, {
      container: i,
      restarted,
    })
  }

  private containerStarted(pod: Pod, rt: PodRuntime, i: number, restarted: boolean): void {
    const c = pod.spec.containers[i]!
    this.event(pod, 'Normal', 'Started', `Started container ${c.name}`)
    const now = this.now()
    const before = pod.status.containerStatuses?.[i]
    const previousRun = before?.state.terminated ?? before?.lastState.terminated
    const prev =
      before && restarted
        ? {
            ...before,
            restartCount: before.restartCount + 1,
            lastState: previousRun ? { terminated: previousRun } : {},
          }
        : before
    const process = containerProcess(c)
    const ready = !c.readinessProbe && process.kind !== 'run'
    const image = normalizedImage(c.image ?? '')
    const running: ContainerStatus = {
      name: c.name,
      image,
      imageID: `${image.slice(0, image.lastIndexOf(':'))}@sha256:${imageDigest(c.image ?? '')}`,
      containerID: containerId(() => this.ctx.rng.next()),
      ready,
      started: true,
      restartCount: prev?.restartCount ?? 0,
      state: { running: { startedAt: now } },
      lastState: prev?.lastState ?? {},
    }
    const containerStatuses = pod.spec.containers.map((_, j) =>
      j === i ? running : pod.status.containerStatuses![j]!,
    )
    let status = { ...pod.status, containerStatuses, podIP: rt.ip, podIPs: rt.ip ? [{ ip: rt.ip }] : [] }
    status.conditions = setCondition(status.conditions, condition('PodReadyToStartContainers', true, now))
    status = { ...status, phase: podPhase(pod, containerStatuses) }
    status.conditions = readinessConditions(status, now)
    const updated = this.writeStatus(pod, status)
    this.runProcess(updated, rt, i, c, process)
    if (c.readinessProbe) this.prober.start(rt, i, c.readinessProbe)
  }

  private runProcess(pod: Pod, rt: PodRuntime, i: number, c: Container, process: ContainerProcess): void {
    if (process.kind === 'sleep' && Number.isFinite(process.seconds)) {
      this.schedule(process.seconds * 1000, 'kubelet.exited', rt, { container: i, exitCode: 0 })
    } else if (process.kind === 'run') {
      const result = this.runtime.runMain(pod, c, process.argv)
      this.schedule(this.jitter(100), 'kubelet.exited', rt, { container: i, exitCode: result.exitCode })
    }
  }

  private containerExited(pod: Pod, rt: PodRuntime, i: number, exitCode: number): void {
    const now = this.now()
    const prev = pod.status.containerStatuses![i]!
    const terminated = {
      exitCode,
      reason: exitCode === 0 ? 'Completed' : 'Error',
      startedAt: prev.state.running?.startedAt,
      finishedAt: now,
      ...(prev.containerID ? { containerID: prev.containerID } : {}),
    }
    const restartPolicy = pod.spec.restartPolicy ?? 'Always'
    const restarts = restartPolicy === 'Always' || (restartPolicy === 'OnFailure' && exitCode !== 0)
    const next: ContainerStatus = { ...prev, ready: false, started: false, state: { terminated } }
    // The kubelet's next sync restarts it: at once the first time, then with back-off.
    if (restarts)
      this.schedule(this.jitter(this.ctx.timings.kubeletLatency), 'kubelet.backoff', rt, {
        container: i,
        exitedAt: this.ctx.queue.now,
      })
    const containerStatuses = pod.spec.containers.map((_, j) =>
      j === i ? next : pod.status.containerStatuses![j]!,
    )
    const phase = podPhase(pod, containerStatuses)
    const terminal = phase === 'Succeeded' || phase === 'Failed'
    const status = { ...pod.status, containerStatuses, phase }
    status.conditions = readinessConditions(status, now, terminal)
    this.writeStatus(pod, status)
    if (terminal) this.release(rt)
  }

  /**
   * doBackOff: an exited container restarts at once unless it is within its back-off since it
   * exited — then it waits in CrashLoopBackOff until the back-off ends (10 s after the second
   * exit, doubling up to 5 minutes; a container that ran 10 minutes without a restart starts over).
   */
  private backOff(pod: Pod, rt: PodRuntime, i: number, exitedAt: number): void {
    const c = pod.spec.containers[i]!
    const prev = pod.status.containerStatuses![i]!
    const key = `${pod.metadata.uid}/${c.name}`
    if (!this.restartBackOff.isInBackOffSince(key, exitedAt)) {
      this.restart(pod, rt, i, exitedAt)
      return
    }
    const backoff = this.restartBackOff.get(key) / 1000
    const who = `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`
    const waiting: ContainerStatus = {
      ...waitingStatus(
        c.name,
        prev.image,
        'CrashLoopBackOff',
        prev,
        `back-off ${formatBackoff(backoff)} restarting failed container=${c.name} pod=${who}`,
      ),
      lastState: prev.state.terminated ? { terminated: prev.state.terminated } : prev.lastState,
      imageID: prev.imageID,
    }
    this.event(pod, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${who}`)
    const containerStatuses = pod.spec.containers.map((_, j) =>
      j === i ? waiting : pod.status.containerStatuses![j]!,
    )
    const status = { ...pod.status, containerStatuses, phase: podPhase(pod, containerStatuses) }
    status.conditions = readinessConditions(status, this.now())
    this.writeStatus(pod, status)
    const at = this.restartBackOff.endsAt(key, exitedAt)
    this.schedule(at - this.ctx.queue.now, 'kubelet.restart', rt, { container: i, exitedAt })
  }

  /** The back-off has run out (or there was none): Next, and the container starts again. */
  private restart(pod: Pod, rt: PodRuntime, i: number, exitedAt: number): void {
    this.restartBackOff.next(`${pod.metadata.uid}/${pod.spec.containers[i]!.name}`, exitedAt)
    this.startContainer(pod, rt, i, true)
  }

  /** Graceful stop: SIGTERM now; processes that ignore it are killed when the grace period ends. */
  private kill(pod: Pod, rt: PodRuntime): void {
    const grace = pod.metadata.deletionGracePeriodSeconds ?? 30
    let slowest = 0
    let exitCode = 0
    for (const [i, c] of pod.spec.containers.entries()) {
      // A container that never started (its image could not be pulled) has nothing to stop.
      if (IMAGE_ERRORS.has(pod.status.containerStatuses?.[i]?.state.waiting?.reason ?? '')) continue
      this.event(pod, 'Normal', 'Killing', `Stopping container ${c.name}`)
      const p = containerProcess(c)
      const stop = p.kind === 'server' && p.stopSeconds !== undefined ? p.stopSeconds : grace
      if (stop >= grace && p.kind !== 'run') exitCode = 137
      slowest = Math.max(slowest, Math.min(stop, grace))
    }
    this.schedule(slowest * 1000, 'kubelet.stopped', rt, { exitCode })
  }

  private stopped(pod: Pod, rt: PodRuntime, exitCode: number): void {
    const now = this.now()
    if (!isTerminal(pod)) {
      const containerStatuses = (pod.status.containerStatuses ?? []).map((s) =>
        s.state.terminated || IMAGE_ERRORS.has(s.state.waiting?.reason ?? '')
          ? { ...s, ready: false }
          : {
              ...s,
              ready: false,
              started: false,
              state: {
                terminated: {
                  exitCode,
                  reason: exitCode === 0 ? 'Completed' : 'Error',
                  ...(s.state.running?.startedAt ? { startedAt: s.state.running.startedAt } : {}),
                  finishedAt: now,
                  ...(s.containerID ? { containerID: s.containerID } : {}),
                },
              },
            },
      )
      const status = { ...pod.status, containerStatuses }
      status.conditions = readinessConditions(status, now)
      this.writeStatus(pod, status)
    }
    this.release(rt)
    this.ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 0 })
  }

  release(rt: PodRuntime): void {
    if (rt.ip) this.ipam.release(rt.node, rt.ip)
    this.pods().set(rt.uid, { ...rt, ip: undefined, epoch: rt.epoch + 1, stopping: true })
  }

  forget(rt: PodRuntime): void {
    if (rt.ip) this.ipam.release(rt.node, rt.ip)
    this.pods().delete(rt.uid)
  }
}

function isTerminal(pod: Pod): boolean {
  return pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed'
}
