// The node status the kubelet posts (pkg/kubelet/kubelet_node_status.go and nodestatus/setters.go):
// the MemoryPressure, DiskPressure, PIDPressure and Ready conditions of a healthy node, in the
// order the setters run, and the `Node <name> status is now: <event>` events recorded when a
// condition changes — as after the node lifecycle controller marked them Unknown.
// Simplification: a running kubelet posts status only when something changes (Kubernetes also
// posts every 5 minutes), so lastHeartbeatTime is the time of the last change.
import type { KubeObject, Node, NodeCondition } from '../model'
import type { SimContext } from '../simContext'

interface Healthy {
  readonly type: string
  readonly status: 'True' | 'False'
  readonly reason: string
  readonly message: string
  /** The event recorded when the condition changes to this state. */
  readonly event: string
}

const HEALTHY: readonly Healthy[] = [
  {
    type: 'MemoryPressure',
    status: 'False',
    reason: 'KubeletHasSufficientMemory',
    message: 'kubelet has sufficient memory available',
    event: 'NodeHasSufficientMemory',
  },
  {
    type: 'DiskPressure',
    status: 'False',
    reason: 'KubeletHasNoDiskPressure',
    message: 'kubelet has no disk pressure',
    event: 'NodeHasNoDiskPressure',
  },
  {
    type: 'PIDPressure',
    status: 'False',
    reason: 'KubeletHasSufficientPID',
    message: 'kubelet has sufficient PID available',
    event: 'NodeHasSufficientPID',
  },
  {
    type: 'Ready',
    status: 'True',
    reason: 'KubeletReady',
    message: 'kubelet is posting ready status',
    event: 'NodeReady',
  },
]

/** The conditions of a node whose kubelet has just posted a healthy status at `now`. */
export function healthyNodeConditions(now: string): NodeCondition[] {
  return HEALTHY.map(({ type, status, reason, message }) => ({
    type,
    status,
    lastHeartbeatTime: now,
    lastTransitionTime: now,
    reason,
    message,
  }))
}

/** The kubelet posts a healthy status for `name`, recording an event for each condition that changes. */
export function postNodeStatus(ctx: SimContext, name: string): void {
  const node = ctx.store.get<Node>('Node', undefined, name)
  if (!node) return
  const now = ctx.api.now()
  const fresh = healthyNodeConditions(now)
  const changed: string[] = []
  const conditions = fresh.map((c, i) => {
    const old = node.status.conditions.find((x) => x.type === c.type)
    if (old?.status === c.status) return { ...c, lastTransitionTime: old.lastTransitionTime }
    changed.push(HEALTHY[i]!.event)
    return c
  })
  const others = node.status.conditions.filter((c) => !HEALTHY.some((h) => h.type === c.type))
  ctx.api.updateStatus<Node>({ ...node, status: { ...node.status, conditions: [...conditions, ...others] } })
  // The kubelet's node reference carries the node name as its uid.
  const ref: KubeObject = { ...node, metadata: { ...node.metadata, uid: name } }
  for (const event of changed)
    ctx.recorder.record(ref, 'Normal', event, `Node ${name} status is now: ${event}`, 'kubelet', name)
}
