// The kubelet's image manager (pkg/kubelet/images/image_manager.go EnsureImageExists): a per-node
// image cache (the first pull takes time, later starts say "already present"), pull policies,
// pulls that fail (images.ts decides which), and the image pull back-off — 10 s doubling to 5 min
// per pod and image — during which the container waits in ImagePullBackOff. Event texts are the
// kubelet's (v1.34). Simplification: after a failed start the pod is synced again after 1 s (the
// next PLEG relist), then every 10 s (the pod worker's back-off period, without its jitter).
import type { Pod } from '../model'
import type { SimContext } from '../simContext'
import type { Kubelet, PodRuntime } from './kubelet'
import { BackOff } from './backOff'
import { imageInfo, imagePullError } from './images'
import { condition, podPhase, readinessConditions, setCondition, waitingStatus } from './podStatus'

const POD_WORKER_RETRY_MS = 10_000
const RELIST_MS = 1_000

export class ImagePuller {
  private readonly backOff: BackOff

  constructor(
    private readonly ctx: SimContext,
    private readonly kubelet: Kubelet,
  ) {
    this.backOff = new BackOff(ctx, 'kubelet.imageBackOff', 10_000, 300_000)
  }

  /** The last pull error per back-off key, for the ImagePullBackOff message. */
  private lastErrors(): Map<string, string> {
    return this.ctx.state.get('kubelet.imagePullErrors', () => new Map<string, string>())
  }

  private cache(): Set<string> {
    return this.ctx.state.get('kubelet.images', () => new Set<string>())
  }

  /**
   * EnsureImageExists for container `i`, then (via `kubelet.pulled`) its start. `first` is the
   * pod's first attempt at this container: the next container's image is looked at after it.
   */
  ensure(pod: Pod, rt: PodRuntime, i: number, first: boolean): void {
    const c = pod.spec.containers[i]!
    const image = c.image ?? ''
    const present = this.cache().has(`${rt.node}|${image}`)
    const policy = c.imagePullPolicy ?? 'IfNotPresent'
    const k = this.kubelet
    if (present && policy !== 'Always') {
      k.event(pod, 'Normal', 'Pulled', `Container image "${image}" already present on machine`)
      k.schedule(k.jitter(this.ctx.timings.containerCreate), 'kubelet.pulled', rt, { container: i, first })
      return
    }
    if (policy === 'Never') {
      const message = `Container image "${image}" is not present with pull policy of Never`
      k.event(pod, 'Warning', 'ErrImageNeverPull', message)
      this.failed(pod, rt, i, 'ErrImageNeverPull', message, first, POD_WORKER_RETRY_MS)
      return
    }
    const key = `${pod.metadata.uid}_${image}`
    if (this.backOff.isInBackOffSinceUpdate(key)) {
      const message = `Back-off pulling image "${image}"`
      k.event(pod, 'Normal', 'BackOff', message)
      const previous = this.lastErrors().get(key)
      const detailed = previous ? `${message}: ${previous}` : message
      this.failed(pod, rt, i, 'ImagePullBackOff', detailed, first, POD_WORKER_RETRY_MS)
      return
    }
    this.lastErrors().delete(key)
    k.event(pod, 'Normal', 'Pulling', `Pulling image "${image}"`)
    if (imagePullError(image) !== undefined) {
      // Resolving a missing reference fails fast: the registry answers with no manifest.
      k.schedule(k.jitter(this.ctx.timings.imagePull / 5), 'kubelet.pullFailed', rt, { container: i, first })
      return
    }
    const size = imageInfo(image).size
    const ms = k.jitter(this.ctx.timings.imagePull * (0.5 + Math.min(2, size / 20_000_000)))
    this.cache().add(`${rt.node}|${image}`)
    k.schedule(ms, 'kubelet.pulled', rt, { container: i, pullMs: ms, first })
  }

  /** The registry did not have the image: ErrImagePull, and the back-off grows. */
  pullFailed(pod: Pod, rt: PodRuntime, i: number, first: boolean): void {
    const image = pod.spec.containers[i]!.image ?? ''
    const error = imagePullError(image) ?? 'unknown error'
    this.kubelet.event(pod, 'Warning', 'Failed', `Failed to pull image "${image}": ${error}`)
    const key = `${pod.metadata.uid}_${image}`
    this.backOff.next(key)
    this.lastErrors().set(key, `ErrImagePull: ${error}`)
    this.failed(pod, rt, i, 'ErrImagePull', error, first, RELIST_MS)
  }

  /** The container cannot start: it waits with `reason`, and the pod is synced again after `retryMs`. */
  private failed(
    pod: Pod,
    rt: PodRuntime,
    i: number,
    reason: string,
    message: string,
    first: boolean,
    retryMs: number,
  ): void {
    const k = this.kubelet
    k.event(pod, 'Warning', 'Failed', `Error: ${reason}`)
    const c = pod.spec.containers[i]!
    const prev = pod.status.containerStatuses?.[i]
    const waiting = waitingStatus(c.name, c.image ?? '', reason, prev, message)
    const containerStatuses = pod.spec.containers.map((_, j) =>
      j === i ? waiting : pod.status.containerStatuses![j]!,
    )
    // The sandbox is up: the pod has its IP even though no container runs.
    const now = k.now()
    const status = {
      ...pod.status,
      containerStatuses,
      phase: podPhase(pod, containerStatuses),
      ...(rt.ip ? { podIP: rt.ip, podIPs: [{ ip: rt.ip }] } : {}),
    }
    status.conditions = setCondition(status.conditions, condition('PodReadyToStartContainers', true, now))
    status.conditions = readinessConditions(status, now)
    const updated = k.writeStatus(pod, status)
    k.schedule(retryMs, 'kubelet.imageSync', rt, { container: i })
    if (first && i + 1 < pod.spec.containers.length) this.ensure(updated, rt, i + 1, true)
  }
}
