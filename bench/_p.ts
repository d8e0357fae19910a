import { Simulation } from '../src/sim/simulation'
import type { KubeObject } from '../src/sim/model'
const n = Number(process.argv[2] ?? 5000)
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
const t0 = performance.now()
sim.advanceUntil(
  () => (sim.ctx.store.get('StatefulSet', 'default', 'web') as any)?.status?.readyReplicas === n,
  10_000_000,
)
console.log('wall', performance.now() - t0)
