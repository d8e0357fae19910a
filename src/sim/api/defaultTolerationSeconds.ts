// The DefaultTolerationSeconds admission plugin (plugin/pkg/admission/defaulttolerationseconds):
// every pod created without a toleration for the not-ready or unreachable NoExecute taints gets
// one, for 300 s — the time a pod stays bound to a failed node before the taint eviction
// controller deletes it. Applied on create only, as the plugin is.
import type { Pod, Toleration } from '../model'

export const DEFAULT_TOLERATION_SECONDS = 300

const NOT_READY = 'node.kubernetes.io/not-ready'
const UNREACHABLE = 'node.kubernetes.io/unreachable'

/** The pod with the default tolerations appended where it has none of its own. */
export function withDefaultTolerations(pod: Pod): Pod {
  const tolerations = pod.spec.tolerations ?? []
  const tolerates = (key: string) =>
    tolerations.some((t) => (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect))
  const added: Toleration[] = []
  for (const key of [NOT_READY, UNREACHABLE]) {
    if (!tolerates(key))
      added.push({
        key,
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: DEFAULT_TOLERATION_SECONDS,
      })
  }
  if (added.length === 0) return pod
  return { ...pod, spec: { ...pod.spec, tolerations: [...tolerations, ...added] } }
}
