// The fuzzer's claim rule can fail: a claim deleted behind the user's back (no user delete, no
// owner reference from a retention policy) is reported; the user's own delete is not.
import { describe, expect, test } from 'vitest'
import type { KubeObject } from '../model'
import { TestCluster } from './testCluster'

const claim = (name: string) =>
  ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: 'default' },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
  }) as unknown as KubeObject

describe('claim deletion invariant', () => {
  test('a claim deleted by nobody who may is a violation', () => {
    const cluster = new TestCluster()
    cluster.api.create(claim('data'))
    cluster.run(1_000)
    cluster.api.delete('PersistentVolumeClaim', 'default', 'data')
    cluster.run(5_000)
    expect(cluster.violations.join('\n')).toMatch(
      /claim data deleted though neither the user nor a retention policy/,
    )
  })

  test('the user’s delete is allowed, and reported once', () => {
    const cluster = new TestCluster()
    cluster.api.create(claim('data'))
    cluster.run(1_000)
    cluster.claimsDeletedByUser.add('data')
    cluster.api.delete('PersistentVolumeClaim', 'default', 'data')
    cluster.run(5_000)
    expect(cluster.violations).toEqual([])
  })
})
