import { Simulation } from '../src/sim/simulation'
import type { KubeObject } from '../src/sim/model'
const n = Number(process.argv[2] ?? 3000)
const sim = new Simulation({ seed: 1, cluster: { nodes: Math.ceil(n / 100) } })
sim.ctx.api.create({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    replicas: n,
    podManagementPolicy: process.argv[3] ?? 'Parallel',
    serviceName: 'nginx',
    selector: { matchLabels: { app: 'nginx' } },
    template: {
      metadata: { labels: { app: 'nginx' } },
      spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.7' }] },
    },
  },
} as unknown as KubeObject)
const counts = new Map<string, number>()
const t0 = performance.now()
while ((sim.ctx.store.get('StatefulSet', 'default', 'web') as any)?.status?.readyReplicas !== n) {
  const t = sim.step()!
  const k = t.type === 'controller-sync' ? String(t.data) : t.type
  counts.set(k, (counts.get(k) ?? 0) + 1)
}
console.log('wall', performance.now() - t0, 'sim', sim.now, [...counts])
import { StatefulSetController } from '../src/sim/controllers/statefulset/statefulSetController'
const ctrl = (sim as any).controllers.get('statefulset-controller') as StatefulSetController
for (let i = 0; i < 3; i++) {
  const t = performance.now()
  ctrl.sync('default/web')
  console.log('steady sync ms', (performance.now() - t).toFixed(1))
}
const times: Record<string, number> = {}
for (const m of ['claimPods', 'syncRevisions', 'truncateHistory']) {
  const o = (ctrl as any)[m].bind(ctrl)
  ;(ctrl as any)[m] = (...a: any[]) => {
    const t = performance.now()
    const r = o(...a)
    times[m] = (times[m] ?? 0) + performance.now() - t
    return r
  }
}
const ctl = (ctrl as any).control
const ou = ctl.updateStatefulSet.bind(ctl)
ctl.updateStatefulSet = (...a: any[]) => {
  const t = performance.now()
  const r = ou(...a)
  times.update = (times.update ?? 0) + performance.now() - t
  return r
}
ctrl.sync('default/web')
console.log(times)
