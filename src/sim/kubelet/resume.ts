// What a frozen kubelet does when its node starts again (nodePower.startNode): it posts node
// status (Ready again, `NodeReady` and the other condition events), kills the containers of pods
// that were deleted meanwhile (force-deleted pods: there is no object left to report on), admits
// pods bound to the node meanwhile, stops the pods marked for deletion, re-posts the pod statuses
// it knows (undoing the node controller's Ready=False), and carries on with what it was doing.
import type { Pod } from '../model'
import type { SimContext } from '../simContext'
import type { Kubelet } from './kubelet'
import { postNodeStatus } from './nodeStatus'
import { readinessConditions } from './podStatus'

export function resumeNode(kubelet: Kubelet, ctx: SimContext, node: string): void {
  postNodeStatus(ctx, node)
  const store = ctx.store
  for (const rt of [...kubelet.pods().values()]) {
    if (rt.node !== node) continue
    const pod = store.get<Pod>('Pod', rt.namespace, rt.name)
    if (pod?.metadata.uid !== rt.uid) kubelet.forget(rt)
  }
  const pods = store.list<Pod>('Pod').filter((p) => p.spec.nodeName === node)
  for (const pod of pods) kubelet.observe(pod)
  const now = ctx.api.now()
  for (const stale of pods) {
    const rt = kubelet.pods().get(stale.metadata.uid)
    const pod = store.get<Pod>('Pod', stale.metadata.namespace, stale.metadata.name)
    if (!rt || rt.stopping || !pod || pod.metadata.uid !== rt.uid || !pod.status.containerStatuses) continue
    if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') continue
    kubelet.writeStatus(pod, { ...pod.status, conditions: readinessConditions(pod.status, now) })
  }
  const frozen = kubelet.frozen().get(node) ?? []
  kubelet.frozen().delete(node)
  const delay = kubelet.jitter(ctx.timings.kubeletLatency)
  for (const task of frozen) ctx.schedule(delay, task.type, task.key, task.data)
}
