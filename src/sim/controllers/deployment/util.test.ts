import { describe, expect, it } from 'vitest'
import type { Deployment, PodTemplateSpec, ReplicaSet } from '../../model'
import { canonicalJson, computeHash, fnv1a32 } from './hash'
import {
  equalIgnoreHash,
  getProportion,
  maxSurge,
  maxUnavailable,
  newRSNewReplicas,
  resolveFenceposts,
  setNewReplicaSetAnnotations,
} from './util'

const bytes = (s: string) => [...s].map((c) => c.charCodeAt(0))

function deployment(replicas: number, surge: number | string, unavailable: number | string): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', uid: 'd', resourceVersion: '1', creationTimestamp: '' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [] } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: surge, maxUnavailable: unavailable } },
    },
  }
}

function rs(replicas: number, annotations: Record<string, string> = {}): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `rs-${replicas}`,
      uid: `u${replicas}`,
      resourceVersion: '1',
      creationTimestamp: '',
      annotations,
    },
    spec: { replicas, selector: {}, template: { spec: { containers: [] } } },
  }
}

describe('maxSurge and maxUnavailable (ResolveFenceposts)', () => {
  it('rounds a percent surge up and a percent unavailable down', () => {
    expect(resolveFenceposts(deployment(10, '25%', '25%'))).toEqual({ surge: 3, unavailable: 2 })
    expect(resolveFenceposts(deployment(3, '25%', '25%'))).toEqual({ surge: 1, unavailable: 0 })
    expect(resolveFenceposts(deployment(5, 2, 1))).toEqual({ surge: 2, unavailable: 1 })
  })

  it('makes unavailable 1 when both resolve to 0', () => {
    expect(resolveFenceposts(deployment(3, 0, '10%'))).toEqual({ surge: 0, unavailable: 1 })
  })

  it('caps maxUnavailable at replicas, is 0 at 0 replicas, and both are 0 for Recreate', () => {
    expect(maxUnavailable(deployment(2, 0, 5))).toBe(2)
    expect(maxUnavailable(deployment(0, 1, 1))).toBe(0)
    const recreate = {
      ...deployment(4, 1, 1),
      spec: { ...deployment(4, 1, 1).spec, strategy: { type: 'Recreate' as const } },
    }
    expect([maxSurge(recreate), maxUnavailable(recreate)]).toEqual([0, 0])
  })
})

describe('NewRSNewReplicas', () => {
  it('grows the new set up to replicas + maxSurge in all, never past replicas', () => {
    const d = deployment(10, 3, 2)
    const newRS = rs(0)
    expect(newRSNewReplicas(d, [rs(10), newRS], newRS)).toBe(3)
    expect(newRSNewReplicas(d, [rs(13), newRS], newRS)).toBe(0)
    const half = rs(8)
    expect(newRSNewReplicas(d, [rs(3), half], half)).toBe(10)
  })
})

describe('GetProportion', () => {
  it('gives a set its share of the added replicas, by its size against max-replicas', () => {
    const d = deployment(20, 2, 0)
    const big = rs(8, { 'deployment.kubernetes.io/max-replicas': '12' })
    // 8 × 22 / 12 = 14.67 → 15: seven more, within the ten to add.
    expect(getProportion(big, d, 10, 0)).toBe(7)
    expect(getProportion(big, d, 10, 8)).toBe(2)
    expect(getProportion(rs(0), d, 10, 0)).toBe(0)
  })
})

describe('revision annotations (SetNewReplicaSetAnnotations)', () => {
  it('copies the deployment annotations but the skipped ones, and raises the revision keeping history', () => {
    const d = deployment(3, 1, 0)
    d.metadata.annotations = {
      'kubernetes.io/change-cause': 'bump',
      'kubectl.kubernetes.io/last-applied-configuration': '{}',
      'deployment.kubernetes.io/revision': '7',
    }
    const a: Record<string, string> = { 'deployment.kubernetes.io/revision': '2' }
    expect(setNewReplicaSetAnnotations(d, a, '5', true)).toBe(true)
    expect(a).toEqual({
      'kubernetes.io/change-cause': 'bump',
      'deployment.kubernetes.io/revision': '5',
      'deployment.kubernetes.io/revision-history': '2',
    })
    const fresh: Record<string, string> = {}
    setNewReplicaSetAnnotations(d, fresh, '1', false)
    expect(fresh['deployment.kubernetes.io/desired-replicas']).toBe('3')
    expect(fresh['deployment.kubernetes.io/max-replicas']).toBe('4')
  })
})

describe('pod-template-hash (ComputeHash)', () => {
  const template: PodTemplateSpec = {
    metadata: { labels: { app: 'web' } },
    spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] },
  }

  it('is FNV-1a 32', () => {
    expect(fnv1a32([])).toBe(0x811c9dc5)
    expect(fnv1a32(bytes('a'))).toBe(0xe40c292c)
    expect(fnv1a32(bytes('foobar'))).toBe(0xbf9cf968)
  })

  it('depends on the template only, not its key order, and changes with the collision count', () => {
    const reordered: PodTemplateSpec = {
      spec: { containers: [{ image: 'nginx:1.25', name: 'nginx' }] },
      metadata: { labels: { app: 'web' } },
    }
    expect(canonicalJson(reordered)).toBe(canonicalJson(template))
    expect(computeHash(reordered)).toBe(computeHash(template))
    expect(computeHash(template)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/)
    expect(computeHash(template, 1)).not.toBe(computeHash(template))
    const other = { ...template, spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } }
    expect(computeHash(other)).not.toBe(computeHash(template))
  })

  it('EqualIgnoreHash ignores only the pod-template-hash label', () => {
    const labelled = { ...template, metadata: { labels: { app: 'web', 'pod-template-hash': 'abc' } } }
    expect(equalIgnoreHash(labelled, template)).toBe(true)
    expect(equalIgnoreHash({ ...template, metadata: { labels: { app: 'api' } } }, template)).toBe(false)
  })
})
