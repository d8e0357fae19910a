// polymorphichelpers/updatepodspec.go: where each kind keeps its pod spec — a Pod's own spec, a
// controller's spec.template.spec, a CronJob's job template — so `set image` can change it.
import type { KubeObject, PodSpec } from '../../../sim/model'

const TEMPLATE_KINDS = new Set([
  'StatefulSet',
  'Deployment',
  'ReplicaSet',
  'DaemonSet',
  'Job',
  'ReplicationController',
])

/**
 * UpdatePodSpecForObject: a copy of `obj` whose pod spec `change` has edited in place. Throws
 * kubectl's error for a kind without a pod spec.
 */
export function updatePodSpecForObject(obj: KubeObject, change: (spec: PodSpec) => void): KubeObject {
  const copy = JSON.parse(JSON.stringify(obj)) as KubeObject & { spec?: Record<string, unknown> }
  const spec = podSpecOf(copy)
  if (!spec) throw new Error(`the object is not a pod or does not have a pod template: *v1.${obj.kind}`)
  change(spec)
  return copy
}

function podSpecOf(obj: KubeObject & { spec?: Record<string, unknown> }): PodSpec | undefined {
  const spec = obj.spec as
    { template?: { spec?: PodSpec }; jobTemplate?: { spec?: { template?: { spec?: PodSpec } } } } | undefined
  if (obj.kind === 'Pod') return obj.spec as unknown as PodSpec
  if (TEMPLATE_KINDS.has(obj.kind)) return spec?.template?.spec
  if (obj.kind === 'CronJob') return spec?.jobTemplate?.spec?.template?.spec
  return undefined
}
