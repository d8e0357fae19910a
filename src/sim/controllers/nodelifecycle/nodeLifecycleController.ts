// pkg/controller/nodelifecycle/node_lifecycle_controller.go: every node-monitor-period (5 s) it
// checks each node's health signal — the kubelet's Lease renewals and the Ready condition's
// lastHeartbeatTime — and when neither moved for node-monitor-grace-period (50 s in v1.34) it sets
// the Ready, MemoryPressure, DiskPressure and PIDPressure conditions to Unknown ("Kubelet stopped
// posting node status."), records NodeNotReady and marks the node's pods not Ready
// (MarkPodsNotReady). Node conditions and cordons become NoSchedule taints at once
// (doNoScheduleTaintingPass); a NotReady/Unknown node gets the not-ready/unreachable NoExecute
// taint through a rate-limited queue (0.1 nodes per second per zone), which the taint eviction
// controller acts on. When every node is NotReady it stops tainting and removes those taints
// (master disruption mode). Simplification: zones are never PartialDisruption (too few nodes).
import type { KubeObject, Node, NodeCondition, Pod } from '../../model'
import type { WatchEvent } from '../../api/store'
import type { Task } from '../../runtime/taskQueue'
import type { SimContext } from '../../simContext'
import { simTimeOf } from '../../runtime/time'
import { Controller } from '../controller'
import { lastLeaseRenewal } from '../../kubelet/nodePower'
import { NOT_READY_TAINT, UNREACHABLE_TAINT, taintExists } from './taints'
import { desiredNoScheduleTaints, managedNoScheduleTaints, swapNodeTaints, taintsMissing } from './nodeTaints'
import { markPodsNotReady } from './markPodsNotReady'

export const NODE_MONITOR_PERIOD_MS = 5_000
export const NODE_MONITOR_GRACE_PERIOD_MS = 50_000
export const NODE_STARTUP_GRACE_PERIOD_MS = 60_000
/** NodeEvictionPeriod: the NoExecute tainting pass runs this often. */
const NODE_EVICTION_PERIOD_MS = 100
/** --node-eviction-rate 0.1 (burst 1): one node tainted per 10 s per zone. */
const EVICTION_INTERVAL_MS = 10_000

const COMPONENT = 'node-controller'
const MONITOR = 'nodelifecycle.monitor'
const TAINT_PASS = 'nodelifecycle.noExecuteTaint'
const CONDITION_TYPES = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure']

interface NodeHealth {
  /** When this controller last saw a sign of life (a new heartbeat or Lease renewal). */
  readonly probeTimestamp: number
  readonly readyTransitionTimestamp: number
  /** The Ready condition as last observed. */
  readonly ready?: NodeCondition
  readonly leaseRenewTime: number
}

interface Tainting {
  /** Nodes waiting for their NoExecute taint, per zone, in order. */
  readonly queue: ReadonlyMap<string, readonly string[]>
  readonly lastTaintAt: ReadonlyMap<string, number>
  readonly zoneStates: ReadonlyMap<string, 'Initial' | 'Normal' | 'FullDisruption'>
}

export class NodeLifecycleController extends Controller {
  readonly name = 'node-lifecycle-controller'
  readonly handlers: Record<string, (task: Task) => void>

  constructor(ctx: SimContext) {
    super(ctx)
    this.handlers = {
      [MONITOR]: () => this.monitorNodeHealth(),
      [TAINT_PASS]: () => this.doNoExecuteTaintingPass(),
    }
    ctx.schedule(NODE_MONITOR_PERIOD_MS, MONITOR, '')
  }

  get controller(): Controller {
    return this
  }

  onWatch(e: WatchEvent): void {
    if (e.type === 'DELETED') return
    if (e.object.kind === 'Node') this.enqueue(`node/${e.object.metadata.name}`)
    else if (e.object.kind === 'Pod') {
      const pod = e.object as Pod
      const before = (e.oldObject as Pod | undefined)?.spec.nodeName
      if (pod.spec.nodeName && pod.spec.nodeName !== before)
        this.enqueue(`pod/${pod.metadata.namespace}/${pod.metadata.name}`)
    }
  }

  sync(key: string): void {
    const [kind, a, b] = key.split('/') as [string, string, string?]
    if (kind === 'node') this.doNoScheduleTaintingPass(a)
    else this.processPod(a, b!)
  }

  private healths(): Map<string, NodeHealth> {
    return this.ctx.state.get('nodelifecycle.health', () => new Map<string, NodeHealth>())
  }

  private tainting(): Tainting {
    return this.ctx.state.get<Tainting>('nodelifecycle.tainting', () => ({
      queue: new Map(),
      lastTaintAt: new Map(),
      zoneStates: new Map(),
    }))
  }

  private setTainting(t: Partial<Tainting>): void {
    this.ctx.state.set('nodelifecycle.tainting', { ...this.tainting(), ...t })
  }

  private monitorNodeHealth(): void {
    this.ctx.schedule(NODE_MONITOR_PERIOD_MS, MONITOR, '')
    const now = this.ctx.queue.now
    const zones = new Map<string, (NodeCondition | undefined)[]>()
    const nodes = this.ctx.store.list<Node>('Node')
    this.registerNew(nodes)
    for (const listed of nodes) {
      const { observed, current } = this.tryUpdateNodeHealth(listed, now)
      const node = this.ctx.store.get<Node>('Node', undefined, listed.metadata.name)!
      if (node.metadata.labels?.['node.kubernetes.io/exclude-disruption'] === undefined) {
        const zone = zoneKey(node)
        zones.set(zone, [...(zones.get(zone) ?? []), current])
      }
      if (!current) continue
      this.processTaintBaseEviction(node, observed)
      if (current.status !== 'True' && observed.status === 'True') {
        this.nodeEvent(node, 'NodeNotReady', `Node ${node.metadata.name} status is now: NodeNotReady`)
        markPodsNotReady(this.ctx, this.podsOn(node.metadata.name), node.metadata.name, COMPONENT)
      }
    }
    this.handleDisruption(zones, nodes)
  }

  /** Nodes created after the controller started get RegisteredNode; the cluster's own are known. */
  private registerNew(nodes: Node[]): void {
    const known = this.ctx.state.get('nodelifecycle.known', () => new Set<string>())
    for (const node of nodes) {
      if (known.has(node.metadata.name)) continue
      known.add(node.metadata.name)
      if (simTimeOf(node.metadata.creationTimestamp) > 0) {
        const name = node.metadata.name
        this.nodeEvent(node, 'RegisteredNode', `Node ${name} event: Registered Node ${name} in Controller`)
      }
    }
  }

  /** tryUpdateNodeHealth: the Ready condition before and after this pass. */
  private tryUpdateNodeHealth(node: Node, now: number): { observed: NodeCondition; current?: NodeCondition } {
    const name = node.metadata.name
    const created = simTimeOf(node.metadata.creationTimestamp)
    const currentReady = node.status.conditions?.find((c) => c.type === 'Ready')
    const observed: NodeCondition = currentReady
      ? { ...currentReady }
      : {
          type: 'Ready',
          status: 'Unknown',
          lastHeartbeatTime: node.metadata.creationTimestamp,
          lastTransitionTime: node.metadata.creationTimestamp,
        }
    const grace = currentReady ? NODE_MONITOR_GRACE_PERIOD_MS : NODE_STARTUP_GRACE_PERIOD_MS
    let h = this.healths().get(name)
    const saved = h?.ready
    if (!h && !currentReady)
      h = { probeTimestamp: created, readyTransitionTimestamp: created, leaseRenewTime: -Infinity }
    if (!h || (!saved && currentReady) || (saved && !currentReady)) {
      h = {
        probeTimestamp: now,
        readyTransitionTimestamp: now,
        ready: currentReady,
        leaseRenewTime: -Infinity,
      }
    } else if (saved && currentReady && saved.lastHeartbeatTime !== currentReady.lastHeartbeatTime) {
      const transitioned = saved.lastTransitionTime !== currentReady.lastTransitionTime
      h = {
        ...h,
        probeTimestamp: now,
        readyTransitionTimestamp: transitioned ? now : h.readyTransitionTimestamp,
        ready: currentReady,
      }
    }
    const renewed = lastLeaseRenewal(this.ctx, name, now)
    if (renewed > h.leaseRenewTime) h = { ...h, leaseRenewTime: renewed, probeTimestamp: now }
    let current = currentReady
    if (now > h.probeTimestamp + grace) {
      const conditions = unknownConditions(node, this.ctx.api.now())
      current = conditions.find((c) => c.type === 'Ready')
      if (JSON.stringify(current) !== JSON.stringify(currentReady)) {
        this.ctx.api.updateStatus<Node>({ ...node, status: { ...node.status, conditions } })
        h = { ...h, ready: current, readyTransitionTimestamp: now }
      }
    }
    this.healths().set(name, h)
    return { observed, current }
  }

  private processTaintBaseEviction(node: Node, observed: NodeCondition): void {
    const taints = node.spec.taints
    const name = node.metadata.name
    if (observed.status === 'False') {
      if (taintExists(taints, UNREACHABLE_TAINT))
        swapNodeTaints(this.ctx, name, [NOT_READY_TAINT], [UNREACHABLE_TAINT])
      else if (!taintExists(taints, NOT_READY_TAINT)) this.markNodeForTainting(node)
    } else if (observed.status === 'Unknown') {
      if (taintExists(taints, NOT_READY_TAINT))
        swapNodeTaints(this.ctx, name, [UNREACHABLE_TAINT], [NOT_READY_TAINT])
      else if (!taintExists(taints, UNREACHABLE_TAINT)) this.markNodeForTainting(node)
    } else this.markNodeAsReachable(node)
  }

  /** Queues the node for its NoExecute taint (once: a tainted or queued node is not queued again). */
  private markNodeForTainting(node: Node): void {
    const zone = zoneKey(node)
    const queue = new Map(this.tainting().queue)
    const waiting = queue.get(zone) ?? []
    if (!waiting.includes(node.metadata.name)) {
      queue.set(zone, [...waiting, node.metadata.name])
      this.setTainting({ queue })
    }
    if (!this.evictionsStopped()) this.ctx.schedule(NODE_EVICTION_PERIOD_MS, TAINT_PASS, '')
  }

  /** markNodeAsReachable: no NoExecute taint for not-ready/unreachable, nothing queued. */
  private markNodeAsReachable(node: Node): void {
    const zone = zoneKey(node)
    const queue = new Map(this.tainting().queue)
    const waiting = queue.get(zone) ?? []
    if (waiting.includes(node.metadata.name)) {
      queue.set(
        zone,
        waiting.filter((n) => n !== node.metadata.name),
      )
      this.setTainting({ queue })
    }
    swapNodeTaints(this.ctx, node.metadata.name, [], [UNREACHABLE_TAINT, NOT_READY_TAINT])
  }

  /** doNoExecuteTaintingPass: taints queued nodes as their Ready condition says, one per 10 s per zone. */
  private doNoExecuteTaintingPass(): void {
    const t = this.tainting()
    const now = this.ctx.queue.now
    const queue = new Map(t.queue)
    const lastTaintAt = new Map(t.lastTaintAt)
    let retryAt = Infinity
    for (const [zone, waiting] of t.queue) {
      if (waiting.length === 0 || this.evictionsStopped()) continue
      const allowedAt = (lastTaintAt.get(zone) ?? -Infinity) + EVICTION_INTERVAL_MS
      if (now < allowedAt) {
        retryAt = Math.min(retryAt, allowedAt)
        continue
      }
      const [name, ...rest] = waiting
      queue.set(zone, rest)
      lastTaintAt.set(zone, now)
      if (rest.length) retryAt = Math.min(retryAt, now + EVICTION_INTERVAL_MS)
      const node = this.ctx.store.get<Node>('Node', undefined, name!)
      const ready = node?.status.conditions?.find((c) => c.type === 'Ready')
      if (ready?.status === 'False') swapNodeTaints(this.ctx, name!, [NOT_READY_TAINT], [UNREACHABLE_TAINT])
      else if (ready?.status === 'Unknown')
        swapNodeTaints(this.ctx, name!, [UNREACHABLE_TAINT], [NOT_READY_TAINT])
    }
    this.setTainting({ queue, lastTaintAt })
    if (retryAt < Infinity) this.ctx.schedule(retryAt - now, TAINT_PASS, '')
  }

  private evictionsStopped(): boolean {
    const states = [...this.tainting().zoneStates.values()]
    return states.length > 0 && states.every((s) => s === 'FullDisruption')
  }

  /** handleDisruption: enter or leave master disruption mode when every zone is fully NotReady. */
  private handleDisruption(zones: Map<string, (NodeCondition | undefined)[]>, nodes: Node[]): void {
    const zoneStates = new Map(this.tainting().zoneStates)
    const newStates = new Map<string, 'Normal' | 'FullDisruption'>()
    let allAre = true
    for (const [zone, conditions] of zones) {
      const ready = conditions.filter((c) => c?.status === 'True').length
      const state = ready === 0 && conditions.length > 0 ? 'FullDisruption' : 'Normal'
      if (state !== 'FullDisruption') allAre = false
      newStates.set(zone, state)
      if (!zoneStates.has(zone)) zoneStates.set(zone, 'Initial')
    }
    let allWas = true
    for (const [zone, state] of [...zoneStates]) {
      if (!zones.has(zone)) zoneStates.delete(zone)
      else if (state !== 'FullDisruption') allWas = false
    }
    if (allAre && allWas) return this.setTainting({ zoneStates })
    if (allAre) {
      for (const node of nodes)
        swapNodeTaints(this.ctx, node.metadata.name, [], [UNREACHABLE_TAINT, NOT_READY_TAINT])
      for (const zone of zoneStates.keys()) zoneStates.set(zone, 'FullDisruption')
      return this.setTainting({ zoneStates })
    }
    if (allWas) {
      // Leaving disruption mode: every node gets a fresh grace period.
      const now = this.ctx.queue.now
      for (const [name, h] of this.healths())
        this.healths().set(name, { ...h, probeTimestamp: now, readyTransitionTimestamp: now })
    }
    for (const zone of zoneStates.keys()) zoneStates.set(zone, newStates.get(zone) ?? 'Normal')
    this.setTainting({ zoneStates })
  }

  private doNoScheduleTaintingPass(name: string): void {
    const node = this.ctx.store.get<Node>('Node', undefined, name)
    if (!node) return
    const desired = desiredNoScheduleTaints(node)
    const existing = managedNoScheduleTaints(node)
    const add = taintsMissing(desired, existing)
    const remove = taintsMissing(existing, desired)
    if (add.length || remove.length) swapNodeTaints(this.ctx, name, add, remove)
  }

  /** processPod: a pod bound to a node that is not Ready is marked not Ready too. */
  private processPod(namespace: string, name: string): void {
    const pod = this.ctx.store.get<Pod>('Pod', namespace, name)
    const nodeName = pod?.spec.nodeName
    if (!pod || !nodeName) return
    const ready = this.healths().get(nodeName)?.ready
    if (!ready || !this.ctx.store.get<Node>('Node', undefined, nodeName)) return
    if (ready.status !== 'True') markPodsNotReady(this.ctx, [pod], nodeName, COMPONENT)
  }

  private podsOn(nodeName: string): Pod[] {
    return [...this.ctx.store.scan<Pod>('Pod')].filter((p) => p.spec.nodeName === nodeName)
  }

  private nodeEvent(node: KubeObject, reason: string, message: string): void {
    this.ctx.recorder.record(node, 'Normal', reason, message, COMPONENT)
  }
}

/** The Ready, MemoryPressure, DiskPressure and PIDPressure conditions as Unknown (the controller's words). */
function unknownConditions(node: Node, now: string): NodeCondition[] {
  const conditions = [...(node.status.conditions ?? [])]
  for (const type of CONDITION_TYPES) {
    const i = conditions.findIndex((c) => c.type === type)
    if (i < 0) {
      conditions.push({
        type,
        status: 'Unknown',
        lastHeartbeatTime: node.metadata.creationTimestamp,
        lastTransitionTime: now,
        reason: 'NodeStatusNeverUpdated',
        message: 'Kubelet never posted node status.',
      })
    } else if (conditions[i]!.status !== 'Unknown') {
      conditions[i] = {
        ...conditions[i]!,
        status: 'Unknown',
        reason: 'NodeStatusUnknown',
        message: 'Kubelet stopped posting node status.',
        lastTransitionTime: now,
      }
    }
  }
  return conditions
}

/** nodetopology.GetZoneKey: region and zone labels. */
function zoneKey(node: Node): string {
  const labels = node.metadata.labels ?? {}
  const region = labels['topology.kubernetes.io/region'] ?? ''
  const zone = labels['topology.kubernetes.io/zone'] ?? ''
  return region || zone ? `${region}:\u0000:${zone}` : ''
}
