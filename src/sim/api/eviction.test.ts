import { describe, expect, test } from 'vitest'
import type { Pod } from '../model'
import { TestCluster } from '../testing/testCluster'
import { evictPod } from './eviction'
import { withDefaultTolerations } from './defaultTolerationSeconds'

function createPod(cluster: TestCluster, name: string, spec: Partial<Pod['spec']> = {}): Pod {
  return cluster.api.create<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { containers: [{ name: 'c', image: 'registry.k8s.io/nginx-slim:0.7' }], ...spec },
  } as Pod)
}

describe('DefaultTolerationSeconds admission', () => {
  test('a new pod tolerates not-ready and unreachable NoExecute for 300 s', () => {
    const cluster = new TestCluster()
    expect(createPod(cluster, 'p').spec.tolerations).toEqual([
      {
        key: 'node.kubernetes.io/not-ready',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
      {
        key: 'node.kubernetes.io/unreachable',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
    ])
  })

  test('a pod with its own toleration for a key keeps it, and one tolerating everything gets none', () => {
    const own = {
      key: 'node.kubernetes.io/unreachable',
      operator: 'Exists' as const,
      effect: 'NoExecute',
      tolerationSeconds: 6000,
    }
    const pod = { spec: { containers: [], tolerations: [own] } } as unknown as Pod
    expect(withDefaultTolerations(pod).spec.tolerations!.map((t) => t.key)).toEqual([
      'node.kubernetes.io/unreachable',
      'node.kubernetes.io/not-ready',
    ])
    const all = { spec: { containers: [], tolerations: [{ operator: 'Exists' }] } } as unknown as Pod
    expect(withDefaultTolerations(all)).toBe(all)
  })
})

describe('the Eviction API', () => {
  test('marks the pod DisruptionTarget (EvictionByEvictionAPI) and deletes it gracefully', () => {
    const cluster = new TestCluster()
    createPod(cluster, 'p')
    cluster.runUntil(() => cluster.readyPods().includes('p'))
    const evicted = evictPod(cluster.api, 'default', 'p', { gracePeriodSeconds: 5 })
    expect(evicted.metadata.deletionGracePeriodSeconds).toBe(5)
    expect(evicted.status.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({
      status: 'True',
      reason: 'EvictionByEvictionAPI',
      message: 'Eviction API: evicting',
    })
    cluster.runUntil(() => !cluster.pod('p'), 30_000)
    expect(cluster.violations).toEqual([])
  })

  test('a missing pod is NotFound', () => {
    const cluster = new TestCluster()
    expect(() => evictPod(cluster.api, 'default', 'nope')).toThrow('pods "nope" not found')
  })
})
