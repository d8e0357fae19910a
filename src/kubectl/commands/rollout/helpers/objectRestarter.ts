// polymorphichelpers/objectrestarter.go, objectpauser.go, objectresumer.go: the change each
// rollout verb makes to an object, or the error kubectl reports for a kind that has none.
// Each returns a modified copy; the caller patches it (set.CalculatePatches).
import type { KubeObject, PodTemplateSpec } from '../../../../sim/model'

export const RESTARTED_AT_ANNOTATION = 'kubectl.kubernetes.io/restartedAt'

type WithTemplate = KubeObject & { spec: { template: PodTemplateSpec; paused?: boolean } }

/** Kinds whose rollout restart stamps the pod template (Deployment, DaemonSet, StatefulSet). */
const RESTARTABLE = new Set(['StatefulSet', 'Deployment', 'DaemonSet'])
/** Only Deployments can be paused and resumed. */
const PAUSABLE = new Set(['Deployment'])

/** defaultObjectRestarter: the template annotation `restartedAt` set to `now` (RFC 3339). */
export function restartObject(obj: KubeObject, now: string): KubeObject {
  if (!RESTARTABLE.has(obj.kind)) throw new Error('restarting is not supported')
  const o = obj as WithTemplate
  if (o.kind === 'Deployment' && o.spec.paused)
    throw new Error("can't restart paused deployment (run rollout resume first)")
  const template = o.spec.template
  return {
    ...o,
    spec: {
      ...o.spec,
      template: {
        ...template,
        metadata: {
          ...template.metadata,
          annotations: { ...template.metadata?.annotations, [RESTARTED_AT_ANNOTATION]: now },
        },
      },
    },
  } as KubeObject
}

/** defaultObjectPauser. */
export function pauseObject(obj: KubeObject): KubeObject {
  if (!PAUSABLE.has(obj.kind)) throw new Error('pausing is not supported')
  const o = obj as WithTemplate
  if (o.spec.paused) throw new Error('is already paused')
  return { ...o, spec: { ...o.spec, paused: true } } as KubeObject
}

/** defaultObjectResumer. */
export function resumeObject(obj: KubeObject): KubeObject {
  if (!PAUSABLE.has(obj.kind)) throw new Error('resuming is not supported')
  const o = obj as WithTemplate
  if (!o.spec.paused) throw new Error('is not paused')
  // Go omits a false `paused`, so the patch removes the field.
  const { paused: _paused, ...spec } = o.spec
  return { ...o, spec } as KubeObject
}
