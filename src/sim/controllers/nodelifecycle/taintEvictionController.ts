// pkg/controller/tainteviction/taint_eviction.go (the "taint manager"): pods on a node with
// NoExecute taints are deleted — at once when they do not tolerate them, after the smallest
// tolerationSeconds when they do (300 s for the default tolerations), never when they tolerate
// them forever. Removing the taints in time cancels the deletion. A deletion marks the pod with
// DisruptionTarget (DeletionByTaintManager) and deletes it gracefully; on a stopped node no
// kubelet confirms it, so the pod stays Terminating.
import type { KubeObject, Node, Pod, Taint } from '../../model'
import type { WatchEvent } from '../../api/store'
import type { Task } from '../../runtime/taskQueue'
import { withDisruptionTarget } from '../../api/eviction'
import { Controller } from '../controller'
import { getMatchingTolerations, minTolerationMs } from './taints'

const COMPONENT = 'taint-eviction-controller'
const FIRE = 'tainteviction.delete'

interface Eviction {
  readonly createdAt: number
  readonly fireAt: number
  readonly id: number
  /** The deletion ran; the entry stays so the pod is not evicted twice (TimedWorkerQueue keeps a nil worker). */
  readonly fired?: boolean
}

export class TaintEvictionController extends Controller {
  readonly name = COMPONENT
  readonly handlers: Record<string, (task: Task) => void> = {
    [FIRE]: (task) => this.deletePod(task.key, task.data as number),
  }

  get controller(): Controller {
    return this
  }

  onWatch(e: WatchEvent): void {
    if (e.object.kind === 'Node') {
      const before = JSON.stringify(noExecuteTaints(e.oldObject as Node | undefined))
      const after = JSON.stringify(noExecuteTaints(e.type === 'DELETED' ? undefined : (e.object as Node)))
      if (e.type !== 'MODIFIED' || before !== after) this.enqueue(`node/${e.object.metadata.name}`)
    } else if (e.object.kind === 'Pod') {
      const pod = e.object as Pod
      const old = e.oldObject as Pod | undefined
      // An unscheduled pod runs nowhere, so no taint concerns it (the taint manager returns early too).
      if (!pod.spec.nodeName && !old?.spec.nodeName) return
      const same =
        e.type === 'MODIFIED' &&
        old?.spec.nodeName === pod.spec.nodeName &&
        (old?.spec.tolerations === pod.spec.tolerations ||
          JSON.stringify(old?.spec.tolerations) === JSON.stringify(pod.spec.tolerations))
      if (!same) this.enqueue(`pod/${pod.metadata.namespace}/${pod.metadata.name}/${pod.spec.nodeName ?? ''}`)
    }
  }

  sync(key: string): void {
    const [kind, a, b, c] = key.split('/') as [string, string, string?, string?]
    if (kind === 'node') this.handleNodeUpdate(a)
    else this.handlePodUpdate(a, b!, c ?? '')
  }

  private evictions(): Map<string, Eviction> {
    return this.ctx.state.get('tainteviction.work', () => new Map<string, Eviction>())
  }

  private handleNodeUpdate(name: string): void {
    const node = this.ctx.store.get<Node>('Node', undefined, name)
    if (!node) return
    const taints = noExecuteTaints(node)
    const pods = [...this.ctx.store.scan<Pod>('Pod')].filter((p) => p.spec.nodeName === name)
    pods.sort((x, y) => (keyOf(x) < keyOf(y) ? -1 : 1))
    for (const pod of pods) {
      if (taints.length === 0) this.cancel(keyOf(pod))
      else this.processPodOnNode(pod, taints)
    }
  }

  private handlePodUpdate(namespace: string, name: string, nodeName: string): void {
    const pod = this.ctx.store.get<Pod>('Pod', namespace, name)
    if (!pod) return this.cancel(`${namespace}/${name}`)
    if (!pod.spec.nodeName || pod.spec.nodeName !== nodeName) return
    const taints = noExecuteTaints(this.ctx.store.get<Node>('Node', undefined, nodeName))
    if (taints.length > 0) this.processPodOnNode(pod, taints)
  }

  private processPodOnNode(pod: Pod, taints: Taint[]): void {
    const key = keyOf(pod)
    const now = this.ctx.queue.now
    const { allTolerated, used } = getMatchingTolerations(taints, pod.spec.tolerations)
    if (!allTolerated) {
      this.cancel(key)
      return this.addWork(key, now, now)
    }
    const min = minTolerationMs(used)
    if (min < 0) return this.cancel(key)
    const existing = this.evictions().get(key)
    if (existing?.fired) return
    if (!existing) return this.addWork(key, now, now + min)
    if (existing.createdAt + min < now + min) return
    this.cancel(key)
    this.addWork(key, existing.createdAt, now + min)
  }

  private addWork(key: string, createdAt: number, fireAt: number): void {
    const id = this.ctx.state.get('tainteviction.seq', () => 0) + 1
    this.ctx.state.set('tainteviction.seq', id)
    this.evictions().set(key, { createdAt, fireAt, id })
    this.ctx.schedule(fireAt - this.ctx.queue.now, FIRE, key, id)
  }

  /** cancelWorkWithEvent: drops the pod's scheduled (or already done) deletion, saying so. */
  private cancel(key: string): void {
    if (!this.evictions().delete(key)) return
    this.event(key, `Cancelling deletion of Pod ${key}`)
  }

  private deletePod(key: string, id: number): void {
    const work = this.evictions().get(key)
    if (!work || work.id !== id || work.fired) return
    this.event(key, `Marking for deletion Pod ${key}`)
    const [namespace, name] = key.split('/') as [string, string]
    const pod = this.ctx.store.get<Pod>('Pod', namespace, name)
    if (!pod) return void this.evictions().delete(key)
    this.evictions().set(key, { ...work, fired: true })
    const conditions = withDisruptionTarget(
      pod.status.conditions,
      this.ctx.api.now(),
      'DeletionByTaintManager',
      'Taint manager: deleting due to NoExecute taint',
    )
    const marked = this.ctx.api.updateStatus<Pod>({ ...pod, status: { ...pod.status, conditions } })
    this.ctx.api.delete('Pod', namespace, marked.metadata.name)
  }

  /** Events about the pod by reference (namespace and name, no uid), as the controller files them. */
  private event(key: string, message: string): void {
    const [namespace, name] = key.split('/') as [string, string]
    const ref: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace, uid: '', resourceVersion: '', creationTimestamp: '' },
    }
    this.ctx.recorder.record(ref, 'Normal', 'TaintManagerEviction', message, COMPONENT)
  }
}

function noExecuteTaints(node: Node | undefined): Taint[] {
  return (node?.spec.taints ?? []).filter((t) => t.effect === 'NoExecute')
}

function keyOf(pod: Pod): string {
  return `${pod.metadata.namespace}/${pod.metadata.name}`
}
