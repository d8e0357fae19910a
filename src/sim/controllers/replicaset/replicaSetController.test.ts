import { describe, expect, it } from 'vitest'
import type { Pod, ReplicaSet } from '../../model'
import { TestCluster } from '../../testing/testCluster'

const FRONTEND = (replicas: number, extra = '') => `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: frontend
spec:
  replicas: ${replicas}
${extra}  selector:
    matchLabels:
      tier: frontend
  template:
    metadata:
      labels:
        tier: frontend
    spec:
      containers:
      - name: php
        image: nginx:1.25
`

const SUFFIX = /^frontend-[bcdfghjklmnpqrstvwxz2456789]{5}$/

function cluster(yaml: string, seed = 11): TestCluster {
  const c = new TestCluster({ seed })
  c.apply(yaml)
  return c
}

const rs = (c: TestCluster) => c.api.get<ReplicaSet>('ReplicaSet', 'default', 'frontend')
const live = (c: TestCluster) => c.pods().filter((p) => !p.metadata.deletionTimestamp)
const ready = (p: Pod) => p.status.conditions?.some((x) => x.type === 'Ready' && x.status === 'True')

describe('ReplicaSet controller', () => {
  it('creates its pods as `<name>-` plus five characters of the name-suffix alphabet, each owned and announced', () => {
    const c = cluster(FRONTEND(3))
    c.run(30_000)
    const pods = c.pods()
    expect(pods).toHaveLength(3)
    for (const p of pods) {
      expect(p.metadata.name).toMatch(SUFFIX)
      expect(p.metadata.generateName).toBe('frontend-')
      expect(p.metadata.labels).toEqual({ tier: 'frontend' })
      expect(p.metadata.ownerReferences).toEqual([
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: 'frontend',
          uid: rs(c).metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ])
    }
    const created = c
      .eventMessages('frontend')
      .map((m) => m.replace('Normal SuccessfulCreate Created pod: ', ''))
    expect(created.sort()).toEqual(pods.map((p) => p.metadata.name).sort())
    expect(c.violations).toEqual([])
  })

  it('reports replicas, fully labeled, ready and available pods, available only after minReadySeconds', () => {
    const c = cluster(FRONTEND(3, '  minReadySeconds: 10\n'))
    c.runUntil(() => c.readyPods().length === 3)
    c.run(100)
    expect(rs(c).status).toMatchObject({
      replicas: 3,
      fullyLabeledReplicas: 3,
      readyReplicas: 3,
      observedGeneration: 1,
    })
    expect(rs(c).status?.availableReplicas ?? 0).toBe(0)
    c.run(12_000)
    expect(rs(c).status?.availableReplicas).toBe(3)
  })

  it('replaces a deleted pod under a new random name', () => {
    const c = cluster(FRONTEND(2))
    c.run(30_000)
    const [victim, other] = c.pods().map((p) => p.metadata.name) as [string, string]
    c.api.delete('Pod', 'default', victim)
    c.run(30_000)
    const names = c.pods().map((p) => p.metadata.name)
    expect(names).toHaveLength(2)
    expect(names).toContain(other)
    expect(names).not.toContain(victim)
    expect(names.every((n) => SUFFIX.test(n))).toBe(true)
  })

  it('scales down not-ready pods first and says which it deleted', () => {
    const c = cluster(FRONTEND(3))
    c.run(30_000)
    const readyOnes = c.pods().map((p) => p.metadata.name)
    c.api.update({ ...rs(c), spec: { ...rs(c).spec, replicas: 5 } })
    c.run(50) // the two new pods exist but are not ready yet
    expect(live(c)).toHaveLength(5)
    c.api.update({ ...rs(c), spec: { ...rs(c).spec, replicas: 3 } })
    c.run(30_000)
    expect(
      live(c)
        .map((p) => p.metadata.name)
        .sort(),
    ).toEqual([...readyOnes].sort())
    const deleted = c
      .eventMessages('frontend')
      .filter((m) => m.startsWith('Normal SuccessfulDelete Deleted pod: '))
    expect(deleted).toHaveLength(2)
  })

  it('adopts a matching orphan instead of creating a pod, and releases a pod relabelled away', () => {
    const c = new TestCluster({ seed: 4 })
    c.apply(`apiVersion: v1
kind: Pod
metadata:
  name: stray
  labels:
    tier: frontend
spec:
  containers:
  - name: php
    image: nginx:1.25
`)
    c.run(100)
    c.apply(FRONTEND(2))
    c.run(30_000)
    const stray = c.pod('stray')!
    expect(stray.metadata.ownerReferences?.[0]?.uid).toBe(rs(c).metadata.uid)
    expect(c.pods()).toHaveLength(2)

    c.api.update({ ...stray, metadata: { ...stray.metadata, labels: { tier: 'debug' } } })
    c.run(30_000)
    expect(c.pod('stray')!.metadata.ownerReferences).toBeUndefined()
    const owned = c.pods().filter((p) => p.metadata.ownerReferences?.length)
    expect(owned).toHaveLength(2)
    expect(owned.every(ready)).toBe(true)
  })

  it('goes away with its pods (the garbage collector follows the owner references)', () => {
    const c = cluster(FRONTEND(2))
    c.run(30_000)
    c.api.delete('ReplicaSet', 'default', 'frontend')
    c.run(60_000)
    expect(c.pods()).toEqual([])
  })
})
