// rollingUpdate.maxUnavailable (statefulset-behaviour.md §8.12): ignored with the
// MaxUnavailableStatefulSet gate off (v1.34's default); with it on, up to that many pods are
// replaced at once, highest ordinal first, never below the partition.
import { describe, expect, test } from 'vitest'
import type { StatefulSet } from '../../model'
import { TestCluster, WEB_YAML } from '../../testing/testCluster'
import { getMaxUnavailable } from './statefulSetControl'

function web(gate: boolean, maxUnavailable: number | string, partition = 0): TestCluster {
  const cluster = new TestCluster({ featureGates: { MaxUnavailableStatefulSet: gate } })
  cluster.apply(
    WEB_YAML.replace('  replicas: 2', '  replicas: 5').replace(
      '  serviceName: "nginx"',
      `  serviceName: "nginx"\n  podManagementPolicy: Parallel\n  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate:\n      partition: ${partition}\n      maxUnavailable: ${JSON.stringify(maxUnavailable)}`,
    ),
  )
  cluster.runUntil(() => cluster.readyPods().length === 5)
  cluster.run(1000)
  return cluster
}

function changeImage(cluster: TestCluster): void {
  const s = cluster.api.get<StatefulSet>('StatefulSet', 'default', 'web')
  const template = s.spec.template
  const containers = template.spec.containers.map((c) => ({ ...c, image: 'registry.k8s.io/nginx-slim:0.8' }))
  cluster.api.update<StatefulSet>({
    ...s,
    spec: { ...s.spec, template: { ...template, spec: { ...template.spec, containers } } },
  })
}

/** Runs the rollout to its end, returning the most pods seen terminating at once and their order. */
function rollout(cluster: TestCluster, expectUpdated: number): { maxTerminating: number; order: string[] } {
  let maxTerminating = 0
  const order: string[] = []
  cluster.runUntil(() => {
    const terminating = cluster.pods().filter((p) => p.metadata.deletionTimestamp)
    maxTerminating = Math.max(maxTerminating, terminating.length)
    for (const p of terminating) if (!order.includes(p.metadata.name)) order.push(p.metadata.name)
    const s = cluster.api.get<StatefulSet>('StatefulSet', 'default', 'web')
    const updated = cluster.pods().filter((p) => p.spec.containers[0]?.image?.endsWith(':0.8')).length
    return (
      s.status?.observedGeneration === s.metadata.generation &&
      updated === expectUpdated &&
      cluster.readyPods().length === 5
    )
  })
  return { maxTerminating, order }
}

describe('maxUnavailable', () => {
  test('gate off (v1.34): one pod at a time, in reverse ordinal order', () => {
    const cluster = web(false, 2)
    changeImage(cluster)
    expect(rollout(cluster, 5)).toEqual({
      maxTerminating: 1,
      order: ['web-4', 'web-3', 'web-2', 'web-1', 'web-0'],
    })
    expect(cluster.violations).toEqual([])
  })

  test('gate on: up to maxUnavailable pods replaced at once, highest first', () => {
    const cluster = web(true, 2)
    changeImage(cluster)
    const { maxTerminating, order } = rollout(cluster, 5)
    expect(maxTerminating).toBe(2)
    expect(order.slice(0, 2).sort()).toEqual(['web-3', 'web-4'])
    expect(cluster.violations).toEqual([])
  })

  test('gate on: the partition still holds', () => {
    const cluster = web(true, 3, 3)
    changeImage(cluster)
    const { order } = rollout(cluster, 2)
    expect(order.sort()).toEqual(['web-3', 'web-4'])
    expect(cluster.pod('web-0')!.spec.containers[0]!.image).toBe('registry.k8s.io/nginx-slim:0.7')
  })

  test('percentages round down, never below 1 (the code, not the docs)', () => {
    expect(getMaxUnavailable(undefined, 5)).toBe(1)
    expect(getMaxUnavailable(3, 5)).toBe(3)
    expect(getMaxUnavailable('50%', 5)).toBe(2)
    expect(getMaxUnavailable('10%', 5)).toBe(1)
    expect(getMaxUnavailable('100%', 5)).toBe(5)
  })
})
