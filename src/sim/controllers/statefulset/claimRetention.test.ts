// persistentVolumeClaimRetentionPolicy (statefulset-behaviour.md §9.7–§9.9): the owner references
// the controller puts on claims, and what the garbage collector then deletes.
import { describe, expect, test } from 'vitest'
import type { PersistentVolumeClaim, Pod, StatefulSet } from '../../model'
import { TestCluster, WEB_YAML } from '../../testing/testCluster'

type Policy = 'Retain' | 'Delete'

function webWithPolicy(replicas: number, whenScaled: Policy, whenDeleted: Policy): TestCluster {
  const cluster = new TestCluster()
  cluster.apply(
    WEB_YAML.replace('  replicas: 2', `  replicas: ${replicas}`).replace(
      '  serviceName: "nginx"',
      `  serviceName: "nginx"\n  persistentVolumeClaimRetentionPolicy:\n    whenScaled: ${whenScaled}\n    whenDeleted: ${whenDeleted}`,
    ),
  )
  cluster.runUntil(() => cluster.readyPods().length === replicas)
  cluster.run(1000)
  return cluster
}

function set(cluster: TestCluster): StatefulSet {
  return cluster.api.get<StatefulSet>('StatefulSet', 'default', 'web')
}

function updateSpec(cluster: TestCluster, spec: Partial<StatefulSet['spec']>): void {
  const s = set(cluster)
  cluster.api.update<StatefulSet>({ ...s, spec: { ...s.spec, ...spec } })
}

function claim(cluster: TestCluster, name: string): PersistentVolumeClaim | undefined {
  return cluster.api.tryGet<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', name)
}

function claimNames(cluster: TestCluster): string[] {
  return cluster.api
    .list<PersistentVolumeClaim>('PersistentVolumeClaim', 'default')
    .map((c) => c.metadata.name)
}

/** Owner kinds of a claim's controller-style references, e.g. ['StatefulSet/web']. */
function owners(cluster: TestCluster, name: string): string[] {
  return (claim(cluster, name)?.metadata.ownerReferences ?? []).map((r) => {
    expect(r.controller).toBe(true)
    expect(r.blockOwnerDeletion).toBe(true)
    return `${r.kind}/${r.name}`
  })
}

describe('claim owner references per policy (§9.7)', () => {
  test('Retain/Retain (the default): no references, claims outlive scale-down and set deletion', () => {
    const cluster = webWithPolicy(3, 'Retain', 'Retain')
    expect(owners(cluster, 'www-web-0')).toEqual([])
    updateSpec(cluster, { replicas: 1 })
    cluster.runUntil(() => cluster.pods().length === 1)
    cluster.run(30_000)
    expect(claimNames(cluster)).toEqual(['www-web-0', 'www-web-1', 'www-web-2'])
    cluster.api.delete('StatefulSet', 'default', 'web')
    cluster.runUntil(() => cluster.pods().length === 0)
    cluster.run(30_000)
    expect(claimNames(cluster)).toEqual(['www-web-0', 'www-web-1', 'www-web-2'])
    expect(cluster.violations).toEqual([])
  })

  test('Retain/Delete: every claim is owned by the set; scale-down keeps them, set deletion removes them all', () => {
    const cluster = webWithPolicy(3, 'Retain', 'Delete')
    for (const n of [0, 1, 2]) expect(owners(cluster, `www-web-${n}`)).toEqual(['StatefulSet/web'])
    updateSpec(cluster, { replicas: 1 })
    cluster.runUntil(() => cluster.pods().length === 1)
    cluster.run(30_000)
    expect(claimNames(cluster)).toEqual(['www-web-0', 'www-web-1', 'www-web-2'])
    expect(owners(cluster, 'www-web-2')).toEqual(['StatefulSet/web'])
    cluster.api.delete('StatefulSet', 'default', 'web')
    cluster.runUntil(() => claimNames(cluster).length === 0)
    expect(cluster.pods()).toEqual([])
    expect(cluster.violations).toEqual([])
  })

  test('Delete/Retain: scaled-away claims go with their pod, in-range claims survive set deletion', () => {
    const cluster = webWithPolicy(3, 'Delete', 'Retain')
    expect(owners(cluster, 'www-web-2')).toEqual([])
    const web2 = cluster.pod('web-2')!
    updateSpec(cluster, { replicas: 1 })
    // Before web-2 goes, its claim is handed to it.
    cluster.runUntil(() => owners(cluster, 'www-web-2').length > 0)
    expect(claim(cluster, 'www-web-2')!.metadata.ownerReferences![0]!.uid).toBe(web2.metadata.uid)
    cluster.runUntil(() => claimNames(cluster).length === 1)
    expect(claimNames(cluster)).toEqual(['www-web-0'])
    cluster.api.delete('StatefulSet', 'default', 'web')
    cluster.runUntil(() => cluster.pods().length === 0)
    cluster.run(30_000)
    expect(claimNames(cluster)).toEqual(['www-web-0'])
    expect(cluster.violations).toEqual([])
  })

  test('Delete/Delete: the set owns in-range claims, the pod owns scaled-away ones (set reference removed)', () => {
    const cluster = webWithPolicy(2, 'Delete', 'Delete')
    expect(owners(cluster, 'www-web-1')).toEqual(['StatefulSet/web'])
    updateSpec(cluster, { replicas: 1 })
    cluster.runUntil(() => owners(cluster, 'www-web-1').includes('Pod/web-1'))
    expect(owners(cluster, 'www-web-1')).toEqual(['Pod/web-1'])
    cluster.runUntil(() => claimNames(cluster).length === 1)
    cluster.api.delete('StatefulSet', 'default', 'web')
    cluster.runUntil(() => claimNames(cluster).length === 0)
    expect(cluster.violations).toEqual([])
  })

  test('policies apply only to scale-down and set deletion: a deleted pod keeps its claim (§9.8)', () => {
    const cluster = webWithPolicy(2, 'Delete', 'Delete')
    const uid = cluster.pod('web-1')!.metadata.uid
    const claimUid = claim(cluster, 'www-web-1')!.metadata.uid
    cluster.api.delete('Pod', 'default', 'web-1')
    cluster.runUntil(() => {
      const p = cluster.pod('web-1')
      return !!p && p.metadata.uid !== uid && cluster.readyPods().includes('web-1')
    })
    expect(claim(cluster, 'www-web-1')!.metadata.uid).toBe(claimUid)
    expect(owners(cluster, 'www-web-1')).toEqual(['StatefulSet/web'])
  })

  test('the policy is mutable: switching to Delete adds references to existing claims, back to Retain removes them', () => {
    const cluster = webWithPolicy(2, 'Retain', 'Retain')
    updateSpec(cluster, {
      persistentVolumeClaimRetentionPolicy: { whenScaled: 'Retain', whenDeleted: 'Delete' },
    })
    cluster.runUntil(
      () => owners(cluster, 'www-web-0').length === 1 && owners(cluster, 'www-web-1').length === 1,
    )
    // Updating the claims counts as an update of the pod, as in Kubernetes.
    expect(cluster.eventMessages('web')).toContain(
      'Normal SuccessfulUpdate update Pod web-0 in StatefulSet web successful',
    )
    updateSpec(cluster, {
      persistentVolumeClaimRetentionPolicy: { whenScaled: 'Retain', whenDeleted: 'Retain' },
    })
    cluster.runUntil(
      () => owners(cluster, 'www-web-0').length === 0 && owners(cluster, 'www-web-1').length === 0,
    )
    expect(cluster.violations).toEqual([])
  })

  test('a claim owned by an earlier pod of the same name blocks creation until it is gone, then a fresh claim is made (§9.9)', () => {
    const cluster = webWithPolicy(2, 'Delete', 'Retain')
    const oldClaimUid = claim(cluster, 'www-web-1')!.metadata.uid
    const oldPodUid = cluster.pod('web-1')!.metadata.uid
    updateSpec(cluster, { replicas: 1 })
    cluster.runUntil(() => owners(cluster, 'www-web-1').includes('Pod/web-1'))
    // Scale back up at once: the old claim still names the old web-1.
    updateSpec(cluster, { replicas: 2 })
    cluster.runUntil(
      () => cluster.readyPods().includes('web-1') && cluster.pod('web-1')!.metadata.uid !== oldPodUid,
    )
    const fresh = claim(cluster, 'www-web-1')!
    expect(fresh.metadata.uid).not.toBe(oldClaimUid)
    expect(fresh.metadata.ownerReferences ?? []).toEqual([])
    const web1 = cluster.pod('web-1') as Pod
    expect(web1.spec.volumes?.[0]?.persistentVolumeClaim?.claimName).toBe('www-web-1')
    expect(cluster.violations).toEqual([])
  })

  test('a claim with another controller is left alone and the set says so', () => {
    const cluster = webWithPolicy(1, 'Retain', 'Retain')
    const c = claim(cluster, 'www-web-0')!
    cluster.api.update<PersistentVolumeClaim>({
      ...c,
      metadata: {
        ...c.metadata,
        ownerReferences: [
          { apiVersion: 'v1', kind: 'ConfigMap', name: 'keeper', uid: 'keeper-uid', controller: true },
        ],
      },
    })
    updateSpec(cluster, {
      persistentVolumeClaimRetentionPolicy: { whenScaled: 'Delete', whenDeleted: 'Delete' },
    })
    cluster.run(5_000)
    expect(claim(cluster, 'www-web-0')!.metadata.ownerReferences!.map((r) => r.kind)).toEqual(['ConfigMap'])
  })
})
