// Port of pkg/controller/controller_utils.go RealPodControl (CreatePods, DeletePod,
// GetPodFromTemplate): the only writer of a ReplicaSet's pods. The API server names each pod from
// `<set>-` plus five characters of the seeded generator; every create and delete records an event
// on the ReplicaSet in the controller's words ("Created pod: web-5d8f9c-abcde").
import type { OwnerReference, Pod, ReplicaSet } from '../../model'
import { StatusError } from '../../api/errors'
import { nameIsDNSSubdomain } from '../../api/validation/names'
import type { SimContext } from '../../simContext'

export const RS_COMPONENT = 'replicaset-controller'

/** getPodsPrefix: `<name>-`, or the bare name when the dash would make an invalid prefix. */
function podsPrefix(name: string): string {
  const prefix = `${name}-`
  return nameIsDNSSubdomain(prefix, true).length ? name : prefix
}

/** GetPodFromTemplate: the template's labels, annotations and spec under a generated name. */
export function podFromTemplate(rs: ReplicaSet, ref: OwnerReference): Pod {
  const t = rs.spec.template
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: podsPrefix(rs.metadata.name),
      namespace: rs.metadata.namespace,
      ...(t.metadata?.labels ? { labels: { ...t.metadata.labels } } : {}),
      ...(t.metadata?.annotations ? { annotations: { ...t.metadata.annotations } } : {}),
      ownerReferences: [ref],
    },
    // Stored objects are immutable, so the pod may share the template's spec.
    spec: t.spec,
    status: { phase: 'Pending' },
  } as unknown as Pod
}

export function errorText(e: unknown): string {
  if (e instanceof StatusError) return e.message
  return e instanceof Error ? e.message : String(e)
}

export class PodControl {
  constructor(private readonly ctx: SimContext) {}

  /** CreatePods: one pod from the set's template; returns the error text on failure. */
  createPod(rs: ReplicaSet, ref: OwnerReference): string | undefined {
    let created: Pod
    try {
      created = this.ctx.api.create<Pod>(podFromTemplate(rs, ref))
    } catch (e) {
      const msg = errorText(e)
      this.ctx.recorder.record(rs, 'Warning', 'FailedCreate', `Error creating: ${msg}`, RS_COMPONENT)
      return msg
    }
    const message = `Created pod: ${created.metadata.name}`
    this.ctx.recorder.record(rs, 'Normal', 'SuccessfulCreate', message, RS_COMPONENT)
    return undefined
  }

  /** DeletePod: a pod already gone is not an error (and records nothing). */
  deletePod(rs: ReplicaSet, pod: Pod): string | undefined {
    try {
      this.ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name)
    } catch (e) {
      if (e instanceof StatusError && e.reason === 'NotFound') return undefined
      const msg = errorText(e)
      this.ctx.recorder.record(rs, 'Warning', 'FailedDelete', `Error deleting: ${msg}`, RS_COMPONENT)
      return msg
    }
    const message = `Deleted pod: ${pod.metadata.name}`
    this.ctx.recorder.record(rs, 'Normal', 'SuccessfulDelete', message, RS_COMPONENT)
    return undefined
  }
}
