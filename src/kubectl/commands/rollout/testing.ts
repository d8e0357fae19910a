// Test helpers for the rollout and set commands (imported by tests only): the tutorial's web
// StatefulSet, running, and small readers of what the cluster holds.
import type { ControllerRevision, Pod, StatefulSet } from '../../../sim/model'
import { KubectlHarness, WEB_YAML } from '../../testing/kubectlHarness'

export const IMAGE_07 = 'registry.k8s.io/nginx-slim:0.7'
export const IMAGE_08 = 'registry.k8s.io/nginx-slim:0.8'
export const IMAGE_24 = 'registry.k8s.io/nginx-slim:0.24'

/** web (2 replicas, nginx-slim:0.7) created and settled: Running, Ready, revision 1. */
export function runningWeb(replicas = 2): KubectlHarness {
  const k = new KubectlHarness({ files: { 'web.yaml': WEB_YAML } })
  k.kubectl('apply -f web.yaml')
  if (replicas !== 2) k.kubectl(`scale sts web --replicas=${replicas}`)
  k.settle()
  return k
}

/** Changes the image, then waits for the rollout to finish. */
export function rollTo(k: KubectlHarness, image: string): void {
  k.kubectl(`set image sts/web nginx=${image}`)
  k.kubectl('rollout status sts/web')
}

export const web = (k: KubectlHarness): StatefulSet =>
  k.sim.ctx.api.get<StatefulSet>('StatefulSet', 'default', 'web')

export const images = (k: KubectlHarness): string[] =>
  k.sim.ctx.api.list<Pod>('Pod', 'default').map((p) => p.spec.containers[0]!.image ?? '')

export const revisions = (k: KubectlHarness): Record<string, number> =>
  Object.fromEntries(
    k.sim.ctx.api
      .list<ControllerRevision>('ControllerRevision', 'default')
      .map((r) => [templateImage(r), r.revision]),
  )

function templateImage(r: ControllerRevision): string {
  const data = r.data as { spec: { template: { spec: { containers: { image: string }[] } } } }
  return data.spec.template.spec.containers[0]!.image
}
