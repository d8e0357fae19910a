// kube-scheduler, reduced to what a StatefulSet lesson shows: the filter plugins in their order
// (NodeUnschedulable, TaintToleration for NoSchedule/NoExecute taints, nodeSelector, a bound
// volume's node affinity; each node reports its first failure), least-loaded scoring with
// seeded tie-breaking, and volume binding — an unbound Immediate claim makes the pod
// unschedulable; a WaitForFirstConsumer claim gets `volume.kubernetes.io/selected-node` and the
// pod is bound once the claim is (the PreBind wait). No preemption, no resources accounting.
import type { Node, PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from '../model'
import { Controller } from '../controllers/controller'
import { ANN_SELECTED_NODE } from '../controllers/volume/persistentVolumeController'
import { objectKey, type WatchEvent } from '../api/store'
import {
  TAINT_NODE_UNSCHEDULABLE,
  doNotSchedule,
  findMatchingUntoleratedTaint,
  tolerationsTolerateTaint,
} from '../controllers/nodelifecycle/taints'

const COMPONENT = 'default-scheduler'

export class Scheduler extends Controller {
  readonly name = COMPONENT

  /** Pods per node, derived from the store (rebuilt after a restore). */
  private load: Map<string, number> | undefined

  get controller(): Controller {
    return this
  }

  reset(): void {
    this.load = undefined
  }

  onWatch(e: WatchEvent): void {
    const obj = e.object
    if (obj.kind === 'Pod') {
      const pod = obj as Pod
      if (this.load) {
        const before = (e.oldObject as Pod | undefined)?.spec.nodeName
        const after = e.type === 'DELETED' ? undefined : pod.spec.nodeName
        if (before !== after) {
          if (before) this.load.set(before, (this.load.get(before) ?? 0) - 1)
          if (after) this.load.set(after, (this.load.get(after) ?? 0) + 1)
        }
      }
      // A status-only update (the scheduler's own Unschedulable condition) does not requeue the
      // pod (isPodUpdated ignores status); its retry is already pending.
      const statusOnly = e.type === 'MODIFIED' && (e.oldObject as Pod | undefined)?.spec === pod.spec
      if (e.type !== 'DELETED' && !statusOnly && this.wantsScheduling(pod))
        this.enqueue(objectKey(pod.metadata.namespace, pod.metadata.name), this.ctx.timings.schedulerLatency)
    } else if (
      obj.kind === 'PersistentVolumeClaim' ||
      obj.kind === 'PersistentVolume' ||
      obj.kind === 'Node'
    ) {
      // Cluster events that can make a waiting pod schedulable move it back to the active queue.
      // Only idle ones need it: the others are queued already, and queueing again changes nothing.
      for (const key of this.idle()) this.enqueue(key, this.ctx.timings.schedulerLatency)
    }
  }

  /** Queues a pod's key; a queued key is no longer idle (its sync will come). */
  override enqueue(key: string, delayMs = 0): void {
    this.idle().delete(key)
    super.enqueue(key, delayMs)
  }

  sync(key: string): void {
    const [namespace, name] = key.split('/') as [string, string]
    const pod = this.ctx.store.get<Pod>('Pod', namespace, name)
    this.idle().delete(key)
    if (!pod || !this.wantsScheduling(pod)) return
    const outcome = this.schedule(pod)
    if (outcome === 'bound') return
    if (outcome === 'waitingForVolumes') this.idle().add(key)
    else this.enqueue(key, this.ctx.timings.schedulerRetry)
  }

  private wantsScheduling(pod: Pod): boolean {
    return (
      !pod.spec.nodeName &&
      !pod.metadata.deletionTimestamp &&
      (pod.spec.schedulerName ?? COMPONENT) === COMPONENT
    )
  }

  private schedule(pod: Pod): 'bound' | 'unschedulable' | 'waitingForVolumes' {
    const ns = pod.metadata.namespace
    const claims: PersistentVolumeClaim[] = []
    for (const v of pod.spec.volumes ?? []) {
      if (!v.persistentVolumeClaim) continue
      const claimName = v.persistentVolumeClaim.claimName
      const claim = this.ctx.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', ns, claimName)
      if (!claim) return this.fail(pod, `persistentvolumeclaim "${claimName}" not found`)
      if (claim.metadata.deletionTimestamp)
        return this.fail(pod, `persistentvolumeclaim "${claimName}" is being deleted`)
      claims.push(claim)
    }
    const unbound = claims.filter((c) => !c.spec.volumeName)
    const delayed = unbound.filter((c) => this.isDelayBinding(c))
    if (unbound.length > delayed.length)
      return this.fail(pod, 'pod has unbound immediate PersistentVolumeClaims')

    const nodes = this.feasibleNodes(pod, claims)
    if (typeof nodes === 'string') return this.fail(pod, nodes)
    const selected = delayed.map((c) => c.metadata.annotations?.[ANN_SELECTED_NODE]).find((n) => n)
    const node = (selected && nodes.find((n) => n.metadata.name === selected)) || this.pickNode(nodes)
    if (delayed.length > 0) {
      for (const claim of delayed) {
        if (claim.metadata.annotations?.[ANN_SELECTED_NODE] !== node.metadata.name) {
          const annotations = {
            ...claim.metadata.annotations,
            [ANN_SELECTED_NODE]: node.metadata.name,
          }
          this.ctx.api.update<PersistentVolumeClaim>({
            ...claim,
            metadata: { ...claim.metadata, annotations },
          })
        }
      }
      return 'waitingForVolumes'
    }
    this.ctx.api.bindPod(pod, node.metadata.name)
    this.ctx.recorder.record(
      pod,
      'Normal',
      'Scheduled',
      `Successfully assigned ${ns}/${pod.metadata.name} to ${node.metadata.name}`,
      COMPONENT,
    )
    return 'bound'
  }

  private isDelayBinding(claim: PersistentVolumeClaim): boolean {
    const className = claim.spec.storageClassName
    if (!className) return false
    const cls = this.ctx.store.get<StorageClass>('StorageClass', undefined, className)
    return cls?.volumeBindingMode === 'WaitForFirstConsumer'
  }

  /** Filter plugins; returns the reason summary when no node fits. */
  private feasibleNodes(pod: Pod, claims: PersistentVolumeClaim[]): Node[] | string {
    const all = [...this.ctx.store.scan<Node>('Node')]
    const reasons = new Map<string, number>()
    const fail = (reason: string) => reasons.set(reason, (reasons.get(reason) ?? 0) + 1)
    const volumeNodes = claims.flatMap((c) => {
      const pv = c.spec.volumeName
        ? this.ctx.store.get<PersistentVolume>('PersistentVolume', undefined, c.spec.volumeName)
        : undefined
      const host = pv && volumeNodeName(pv)
      return host ? [host] : []
    })
    const feasible = all.filter((node) => {
      const unschedulable = { key: TAINT_NODE_UNSCHEDULABLE, effect: 'NoSchedule' as const }
      if (node.spec.unschedulable && !tolerationsTolerateTaint(pod.spec.tolerations, unschedulable))
        return (fail('node(s) were unschedulable'), false)
      const taint = findMatchingUntoleratedTaint(node.spec.taints, pod.spec.tolerations, doNotSchedule)
      if (taint) return (fail(`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`), false)
      for (const [k, v] of Object.entries(pod.spec.nodeSelector ?? {})) {
        if (node.metadata.labels?.[k] !== v)
          return (fail("node(s) didn't match Pod's node affinity/selector"), false)
      }
      if (volumeNodes.some((n) => n !== node.metadata.name))
        return (fail('node(s) had volume node affinity conflict'), false)
      return true
    })
    if (feasible.length > 0) return feasible
    // FitError.Error: "<count> <reason>" strings, sorted as strings.
    return [...reasons]
      .map(([r, n]) => `${n} ${r}`)
      .sort()
      .join(', ')
  }

  /** Least-allocated scoring by pod count; ties broken by the seeded rng like the scheduler's reservoir sampling. */
  private pickNode(nodes: Node[]): Node {
    const load = this.podsPerNode()
    let min = Infinity
    let best: Node[] = []
    for (const n of nodes) {
      const l = load.get(n.metadata.name) ?? 0
      if (l < min) {
        min = l
        best = [n]
      } else if (l === min) best.push(n)
    }
    return best[this.ctx.rng.int(0, best.length - 1)]!
  }

  private podsPerNode(): Map<string, number> {
    if (!this.load) {
      this.load = new Map()
      for (const p of this.ctx.store.scan<Pod>('Pod')) {
        if (p.spec.nodeName) this.load.set(p.spec.nodeName, (this.load.get(p.spec.nodeName) ?? 0) + 1)
      }
    }
    return this.load
  }

  private fail(pod: Pod, reason: string): 'unschedulable' {
    const total = this.ctx.store.count('Node')
    const message = `0/${total} nodes are available: ${reason}. preemption: 0/${total} nodes are available: ${total} Preemption is not helpful for scheduling.`
    this.ctx.recorder.record(pod, 'Warning', 'FailedScheduling', message, COMPONENT)
    const conditions = [
      ...(pod.status.conditions ?? []).filter((c) => c.type !== 'PodScheduled'),
      {
        type: 'PodScheduled',
        status: 'False' as const,
        reason: 'Unschedulable',
        message,
        lastProbeTime: null,
        lastTransitionTime: this.ctx.api.now(),
      },
    ]
    const existing = pod.status.conditions?.find((c) => c.type === 'PodScheduled')
    if (existing?.message !== message)
      this.ctx.api.updateStatus<Pod>({ ...pod, status: { ...pod.status, conditions } })
    return 'unschedulable'
  }

  /**
   * Unschedulable pods not queued since their last attempt, in the order those attempts ended.
   * Every other unschedulable pod is queued already, so a cluster event need only requeue these:
   * requeueing all of them (as the queue's unschedulable pool does) cost a pass over every waiting
   * pod per claim or volume change.
   */
  private idle(): Set<string> {
    return this.ctx.state.get<Set<string>>('scheduler.idle', () => new Set())
  }
}

/** The node a local volume is pinned to, from its required node affinity. */
function volumeNodeName(pv: PersistentVolume): string | undefined {
  const affinity = pv.spec.nodeAffinity as
    | { required?: { nodeSelectorTerms?: { matchExpressions?: { key: string; values?: string[] }[] }[] } }
    | undefined
  const expr = affinity?.required?.nodeSelectorTerms?.[0]?.matchExpressions?.find(
    (e) => e.key === 'kubernetes.io/hostname',
  )
  return expr?.values?.[0]
}
