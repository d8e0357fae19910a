// The kubelets of every node, as one component: admits pods bound to a node, creates the
// sandbox (pod IP), pulls images (a per-node cache: the first pull takes time, later ones say
// "already present"), creates and starts containers, runs readiness probes, restarts exited
// containers with back-off, and on deletion stops containers and removes the pod object.
// Event texts are the kubelet's (v1.33/1.34). Durations come from Timings, jittered.
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
import { Prober } from './prober'

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
}

export class Kubelet implements Component {
  private readonly ipam: Ipam
  readonly runtime: ContainerRuntime
  private readonly prober: Prober
  readonly handlers: Record<string, (task: Task) => void>

  constructor(private readonly ctx: SimContext) {
    this.ipam = new Ipam(ctx)
    this.runtime = new ContainerRuntime(ctx)
    this.prober = new Prober(ctx, this)
    const guarded = (fn: (pod: Pod, rt: PodRuntime, t: PodTask) => void) => (task: Task) => {
      const t = task.data as PodTask
      const rt = this.pods().get(t.uid)
      if (!rt || rt.epoch !== t.epoch) return
      const pod = this.ctx.store.get<Pod>('Pod', rt.namespace, rt.name)
      if (!pod || pod.metadata.uid !== rt.uid) return
      fn(pod, rt, t)
    }
    this.handlers = {
      'kubelet.admit': guarded((pod, rt) => this.admit(pod, rt)),
      'kubelet.sandbox': guarded((pod, rt) => this.sandboxReady(pod, rt)),
      'kubelet.pulled': guarded((pod, rt, t) => this.imagePulled(pod, rt, t.container!, t.pullMs)),
      'kubelet.started': guarded((pod, rt, t) => this.containerStarted(pod, rt, t.container!, !!t.restarted)),
      'kubelet.exited': guarded((pod, rt, t) => this.containerExited(pod, rt, t.container!, t.exitCode ?? 0)),
      'kubelet.backoff': guarded((pod, rt, t) => this.backOff(pod, rt, t.container!)),
      'kubelet.restart': guarded((pod, rt, t) => this.startContainer(pod, rt, t.container!, true)),
      'kubelet.probe': guarded((pod, rt, t) => this.prober.probe(pod, rt, t.container!)),
      'kubelet.kill': guarded((pod, rt) => this.kill(pod, rt)),
      'kubelet.stopped': guarded((pod, rt, t) => this.stopped(pod, rt, t.exitCode ?? 0)),
    }
  }

  pods(): Map<string, PodRuntime> {
    return this.ctx.state.get('kubelet.pods', () => new Map<string, PodRuntime>())
  }

  /** Schedules a kubelet task for the pod's current epoch. */
  schedule(delayMs: number, type: string, rt: PodRuntime, extra: Partial<PodTask> = {}): void {
    this.ctx.schedule(delayMs, type, rt.uid, { uid: rt.uid, epoch: rt.epoch, ...extra } satisfies PodTask)
  }

  onWatch(e: WatchEvent): void {
    if (e.object.kind !== 'Pod') return
    const pod = e.object as Pod
    const uid = pod.metadata.uid
    const rt = this.pods().get(uid)
    if (e.type === 'DELETED') {
      if (rt) this.forget(rt)
      return
    }
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

  private jitter(ms: number): number {
    return this.ctx.rng.jitter(ms, this.ctx.timings.jitter)
  }

  private now(): string {
    return this.ctx.api.now()
  }

  private writeStatus(pod: Pod, status: Pod['status']): Pod {
    return this.ctx.api.updateStatus<Pod>({ ...pod, status })
  }

  private event(pod: Pod, type: 'Normal' | 'Warning', reason: string, message: string): void {
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
    this.pullImage(pod, withIp, 0)
  }

  /** Pulls container `i`'s image unless the node has it (imagePullPolicy IfNotPresent). */
  private pullImage(pod: Pod, rt: PodRuntime, i: number): void {
    const c = pod.spec.containers[i]!
    const image = c.image ?? ''
    const cache = this.ctx.state.get('kubelet.images', () => new Set<string>())
    const cached = cache.has(`${rt.node}|${image}`)
    if (cached && c.imagePullPolicy !== 'Always') {
      this.event(pod, 'Normal', 'Pulled', `Container image "${image}" already present on machine`)
      this.schedule(this.jitter(this.ctx.timings.containerCreate), 'kubelet.pulled', rt, { container: i })
      return
    }
    this.event(pod, 'Normal', 'Pulling', `Pulling image "${image}"`)
    const size = imageInfo(image).size
    const ms = this.jitter(this.ctx.timings.imagePull * (0.5 + Math.min(2, size / 20_000_000)))
    cache.add(`${rt.node}|${image}`)
    this.schedule(ms, 'kubelet.pulled', rt, { container: i, pullMs: ms })
  }

  private imagePulled(pod: Pod, rt: PodRuntime, i: number, pullMs?: number): void {
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
    if (i + 1 < pod.spec.containers.length) this.pullImage(pod, rt, i + 1)
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
      this.schedule(this.jitter(this.ctx.timings.kubeletLatency), 'kubelet.backoff', rt, { container: i })
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

  /** CrashLoopBackOff: 10 s after the second exit, doubling up to 5 minutes. */
  private backOff(pod: Pod, rt: PodRuntime, i: number): void {
    const c = pod.spec.containers[i]!
    const prev = pod.status.containerStatuses![i]!
    if (prev.restartCount === 0) {
      this.startContainer(pod, rt, i, true)
      return
    }
    const backoff = Math.min(300, 10 * 2 ** (prev.restartCount - 1))
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
    this.schedule(backoff * 1000, 'kubelet.restart', rt, { container: i })
  }

  /** Graceful stop: SIGTERM now; processes that ignore it are killed when the grace period ends. */
  private kill(pod: Pod, rt: PodRuntime): void {
    const grace = pod.metadata.deletionGracePeriodSeconds ?? 30
    let slowest = 0
    let exitCode = 0
    for (const c of pod.spec.containers) {
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
        s.state.terminated
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

  private release(rt: PodRuntime): void {
    if (rt.ip) this.ipam.release(rt.node, rt.ip)
    this.pods().set(rt.uid, { ...rt, ip: undefined, epoch: rt.epoch + 1, stopping: true })
  }

  private forget(rt: PodRuntime): void {
    if (rt.ip) this.ipam.release(rt.node, rt.ip)
    this.pods().delete(rt.uid)
  }
}

function isTerminal(pod: Pod): boolean {
  return pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed'
}

/** Go's time.Duration String for a whole number of milliseconds (`845ms`, `1.532s`, `1m2.5s`). */
export function goDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`
  const minutes = Math.floor(ms / 60000)
  const seconds = ((ms % 60000) / 1000).toFixed(3).replace(/\.?0+$/, '')
  return minutes > 0 ? `${minutes}m${seconds}s` : `${seconds}s`
}

function formatBackoff(seconds: number): string {
  return seconds >= 60
    ? `${Math.floor(seconds / 60)}m${seconds % 60 ? `${seconds % 60}s` : '0s'}`
    : `${seconds}s`
}

const digests = new Map<string, string>()

/** A stable fake digest per image name (remembered: every container start needs one). */
function imageDigest(image: string): string {
  let digest = digests.get(image)
  if (digest === undefined) digests.set(image, (digest = computeDigest(image)))
  return digest
}

function computeDigest(image: string): string {
  let h = 0x811c9dc5
  let out = ''
  for (let round = 0; round < 8; round++) {
    for (let i = 0; i < image.length; i++) h = Math.imul(h ^ image.charCodeAt(i), 0x01000193) >>> 0
    h = Math.imul(h ^ round, 0x01000193) >>> 0
    out += h.toString(16).padStart(8, '0')
  }
  return out
}
