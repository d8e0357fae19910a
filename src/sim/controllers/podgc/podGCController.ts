// pkg/controller/podgc/gc_controller.go, the parts a failed node needs: every 20 s it force-deletes
// the pods bound to a Node that no longer exists (after a 40 s quarantine, with DisruptionTarget
// "PodGC: node no longer exists"), and the terminating pods of a NotReady node carrying the
// node.kubernetes.io/out-of-service taint (non-graceful node shutdown). Both are marked Failed
// first, as there is no kubelet to do it. Simplification: terminated pods are not collected (the
// threshold of 12,500 is never reached here).
import type { Node, Pod } from '../../model'
import type { SimContext } from '../../simContext'
import type { Task } from '../../runtime/taskQueue'
import { withDisruptionTarget } from '../../api/eviction'

const GC_PERIOD_MS = 20_000
const QUARANTINE_MS = 40_000
const PASS = 'podgc.pass'
export const TAINT_NODE_OUT_OF_SERVICE = 'node.kubernetes.io/out-of-service'

export class PodGCController {
  readonly handlers: Record<string, (task: Task) => void> = { [PASS]: () => this.gc() }

  constructor(private readonly ctx: SimContext) {
    ctx.schedule(GC_PERIOD_MS, PASS, '')
  }

  /** Missing node name → when it was first found missing. */
  private quarantine(): Map<string, number> {
    return this.ctx.state.get('podgc.quarantine', () => new Map<string, number>())
  }

  private gc(): void {
    this.ctx.schedule(GC_PERIOD_MS, PASS, '')
    const pods = this.ctx.store.list<Pod>('Pod')
    this.gcTerminating(pods)
    this.gcOrphaned(pods)
  }

  private gcTerminating(pods: Pod[]): void {
    for (const pod of pods) {
      if (!pod.metadata.deletionTimestamp || !pod.spec.nodeName) continue
      const node = this.ctx.store.get<Node>('Node', undefined, pod.spec.nodeName)
      if (!node || isReady(node)) continue
      const outOfService = (node.spec.taints ?? []).some(
        (t) => t.key === TAINT_NODE_OUT_OF_SERVICE && t.effect === 'NoExecute',
      )
      if (outOfService) this.markFailedAndDelete(pod)
    }
  }

  private gcOrphaned(pods: Pod[]): void {
    const now = this.ctx.queue.now
    const quarantine = this.quarantine()
    const missing = new Set<string>()
    for (const pod of pods) {
      const name = pod.spec.nodeName
      if (name && !this.ctx.store.get('Node', undefined, name)) missing.add(name)
    }
    for (const name of [...quarantine.keys()]) if (!missing.has(name)) quarantine.delete(name)
    for (const name of missing) if (!quarantine.has(name)) quarantine.set(name, now)
    for (const pod of pods) {
      const since = quarantine.get(pod.spec.nodeName ?? '')
      if (since === undefined || now < since + QUARANTINE_MS) continue
      this.markFailedAndDelete(pod, 'PodGC: node no longer exists')
    }
  }

  /** markFailedAndDeletePod(WithCondition): phase Failed (and the condition), then a delete with grace 0. */
  private markFailedAndDelete(pod: Pod, message?: string): void {
    const api = this.ctx.api
    if (pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed') {
      const conditions = message
        ? withDisruptionTarget(pod.status.conditions, api.now(), 'DeletionByPodGC', message)
        : pod.status.conditions
      api.updateStatus<Pod>({ ...pod, status: { ...pod.status, phase: 'Failed', conditions } })
    }
    if (api.tryGet('Pod', pod.metadata.namespace, pod.metadata.name))
      api.delete('Pod', pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 0 })
  }
}

function isReady(node: Node): boolean {
  return node.status.conditions?.find((c) => c.type === 'Ready')?.status === 'True'
}
