// MarkPodsNotReady (pkg/controller/util/node/controller_utils.go): the pods of a node that stopped
// reporting get Ready=False — so Endpoints and DNS drop them — and a `NodeNotReady` event. Only
// the Ready condition changes; container statuses stay as the kubelet last reported them.
import type { Pod } from '../../model'
import type { SimContext } from '../../simContext'

export function markPodsNotReady(
  ctx: SimContext,
  pods: readonly Pod[],
  nodeName: string,
  component: string,
): void {
  const now = ctx.api.now()
  for (const pod of pods) {
    if (pod.spec.nodeName !== nodeName) continue
    const conditions = pod.status.conditions ?? []
    const ready = conditions.find((c) => c.type === 'Ready')
    if (!ready || ready.status === 'False') continue
    const next = { ...ready, status: 'False' as const, lastTransitionTime: now }
    const updated = ctx.api.updateStatus<Pod>({
      ...pod,
      status: { ...pod.status, conditions: conditions.map((c) => (c === ready ? next : c)) },
    })
    ctx.recorder.record(updated, 'Warning', 'NodeNotReady', 'Node is not ready', component)
  }
}
