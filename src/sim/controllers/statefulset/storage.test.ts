// Scenario tests of a StatefulSet's claims and volumes (statefulset-behaviour.md §9,
// dns-storage-validation.md §8–§13) on the headless TestCluster with kind's `standard` class
// (rancher.io/local-path, WaitForFirstConsumer, Delete).
import { describe, expect, test } from 'vitest'
import type { PersistentVolume, PersistentVolumeClaim, Pod, StatefulSet } from '../../model'
import { TestCluster, WEB_YAML } from '../../testing/testCluster'

function webYaml(replicas: number): string {
  return WEB_YAML.replace('  replicas: 2', `  replicas: ${replicas}`)
}

function runningWeb(replicas: number): TestCluster {
  const cluster = new TestCluster()
  cluster.apply(webYaml(replicas))
  cluster.runUntil(() => cluster.readyPods().length === replicas)
  cluster.run(1000)
  return cluster
}

function statefulSet(cluster: TestCluster): StatefulSet {
  return cluster.api.get<StatefulSet>('StatefulSet', 'default', 'web')
}

function scale(cluster: TestCluster, replicas: number): void {
  const set = statefulSet(cluster)
  cluster.api.update<StatefulSet>({ ...set, spec: { ...set.spec, replicas } })
}

function claim(cluster: TestCluster, name: string): PersistentVolumeClaim {
  return cluster.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', name)
}

function claims(cluster: TestCluster): PersistentVolumeClaim[] {
  return cluster.api.list<PersistentVolumeClaim>('PersistentVolumeClaim', 'default')
}

function volume(cluster: TestCluster, name: string): PersistentVolume {
  return cluster.api.get<PersistentVolume>('PersistentVolume', undefined, name)
}

/** The node a local-path volume is pinned to. */
function volumeNode(pv: PersistentVolume): string | undefined {
  const affinity = pv.spec.nodeAffinity as {
    required: { nodeSelectorTerms: { matchExpressions: { key: string; values: string[] }[] }[] }
  }
  return affinity.required.nodeSelectorTerms[0]!.matchExpressions.find(
    (e) => e.key === 'kubernetes.io/hostname',
  )?.values[0]
}

/** Busy pods pinned to `node`, so that least-loaded scoring would steer new pods away from it. */
function loadNode(cluster: TestCluster, node: string, count: number): void {
  for (let i = 0; i < count; i++) {
    cluster.api.create<Pod>({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `filler-${node}-${i}`, namespace: 'default', labels: { app: 'filler' } },
      spec: { nodeName: node, containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.7' }] },
      status: { phase: 'Pending' },
    })
  }
}

function isReplacement(cluster: TestCluster, name: string, oldUid: string): boolean {
  const p = cluster.pod(name)
  return !!p && p.metadata.uid !== oldUid && cluster.readyPods().includes(name)
}

describe('claims from volumeClaimTemplates (§9.1–§9.5)', () => {
  test('each pod gets a claim www-web-N labelled with the selector only, with the template’s spec and the default class (§9.1–§9.3)', () => {
    const cluster = runningWeb(2)
    expect(claims(cluster).map((c) => c.metadata.name)).toEqual(['www-web-0', 'www-web-1'])
    for (const c of claims(cluster)) {
      expect(c.metadata.labels).toEqual({ app: 'nginx' })
      expect(c.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection'])
      expect(c.spec).toMatchObject({
        accessModes: ['ReadWriteOnce'],
        resources: { requests: { storage: '1Gi' } },
        storageClassName: 'standard',
        volumeMode: 'Filesystem',
      })
      // No owner: the default retention policy (Retain/Retain) adds no ownerReferences (§9.7).
      expect(c.metadata.ownerReferences).toBeUndefined()
    }
    expect(cluster.violations).toEqual([])
  })

  test('claim labels merge the template’s labels with the selector, the selector winning (§9.2, §14.11)', () => {
    const cluster = new TestCluster()
    cluster.apply(
      WEB_YAML.replace(
        '  - metadata:\n      name: www\n',
        '  - metadata:\n      name: www\n      labels:\n        app: other\n        tier: storage\n',
      ),
    )
    cluster.runUntil(() => cluster.readyPods().length === 2)
    expect(claims(cluster).map((c) => c.metadata.labels)).toEqual([
      { app: 'nginx', tier: 'storage' },
      { app: 'nginx', tier: 'storage' },
    ])
    expect(cluster.violations).toEqual([])
  })

  test('the claim is created before its pod, in the API and in the set’s events (§9.4, §9.5)', () => {
    const cluster = new TestCluster()
    const added: string[] = []
    cluster.sim.ctx.store.watch((e) => {
      if (e.type === 'ADDED' && (e.object.kind === 'Pod' || e.object.kind === 'PersistentVolumeClaim'))
        added.push(`${e.object.kind} ${e.object.metadata.name}`)
    })
    cluster.apply(webYaml(2))
    cluster.runUntil(() => cluster.readyPods().length === 2)

    expect(added).toEqual([
      'PersistentVolumeClaim www-web-0',
      'Pod web-0',
      'PersistentVolumeClaim www-web-1',
      'Pod web-1',
    ])
    expect(cluster.eventMessages('web').slice(0, 2)).toEqual([
      'Normal SuccessfulCreate create Claim www-web-0 Pod web-0 in StatefulSet web success',
      'Normal SuccessfulCreate create Pod web-0 in StatefulSet web successful',
    ])
    expect(cluster.violations).toEqual([])
  })

  test('an existing claim with the right name is used as it is, not re-created or compared with the template (§9.4)', () => {
    const cluster = new TestCluster()
    const existing = cluster.api.create<PersistentVolumeClaim>({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'www-web-0', namespace: 'default' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '2Gi' } } },
      status: { phase: 'Pending' },
    })
    cluster.apply(webYaml(1))
    cluster.runUntil(() => cluster.readyPods().length === 1)

    expect(claim(cluster, 'www-web-0').metadata.uid).toBe(existing.metadata.uid)
    expect(claim(cluster, 'www-web-0').spec.resources?.requests?.storage).toBe('2Gi')
    expect(claim(cluster, 'www-web-0').metadata.labels).toBeUndefined()
    expect(cluster.eventMessages('web')).toEqual([
      'Normal SuccessfulCreate create Pod web-0 in StatefulSet web successful',
    ])
    expect(cluster.violations).toEqual([])
  })
})

describe('volumes (§9.11, F79, F82)', () => {
  test('each claim is Bound to a provisioned volume pvc-<claim uid> of class standard on its pod’s node (§9.11)', () => {
    const cluster = runningWeb(2)
    for (const [i, c] of claims(cluster).entries()) {
      const pvName = `pvc-${c.metadata.uid}`
      expect(c.spec.volumeName).toBe(pvName)
      expect(c.status).toEqual({
        phase: 'Bound',
        accessModes: ['ReadWriteOnce'],
        capacity: { storage: '1Gi' },
      })
      const pv = volume(cluster, pvName)
      expect(pv.status.phase).toBe('Bound')
      expect(pv.spec).toMatchObject({
        storageClassName: 'standard',
        capacity: { storage: '1Gi' },
        accessModes: ['ReadWriteOnce'],
        persistentVolumeReclaimPolicy: 'Delete',
        claimRef: {
          kind: 'PersistentVolumeClaim',
          namespace: 'default',
          name: `www-web-${i}`,
          uid: c.metadata.uid,
        },
      })
      expect(pv.metadata.annotations?.['pv.kubernetes.io/provisioned-by']).toBe('rancher.io/local-path')
      // WaitForFirstConsumer: the scheduler picked the node, the volume was made there.
      const node = cluster.pod(`web-${i}`)!.spec.nodeName
      expect(c.metadata.annotations?.['volume.kubernetes.io/selected-node']).toBe(node)
      expect(volumeNode(pv)).toBe(node)
    }
    expect(cluster.violations).toEqual([])
  })

  test('the claim records local-path’s Provisioning and ProvisioningSucceeded events (F81, F82)', () => {
    const cluster = runningWeb(1)
    const uid = claim(cluster, 'www-web-0').metadata.uid
    const messages = cluster.eventMessages('www-web-0')
    expect(messages).toContain(
      'Normal Provisioning External provisioner is provisioning volume for claim "default/www-web-0"',
    )
    expect(messages).toContain(`Normal ProvisioningSucceeded Successfully provisioned volume pvc-${uid}`)
    expect(
      messages.indexOf(
        'Normal Provisioning External provisioner is provisioning volume for claim "default/www-web-0"',
      ),
    ).toBeLessThan(
      messages.indexOf(`Normal ProvisioningSucceeded Successfully provisioned volume pvc-${uid}`),
    )
    expect(cluster.violations).toEqual([])
  })
})

describe('claims outlive pods (§9.6, §2.9)', () => {
  test('a deleted pod is recreated with the same claim and volume, on the volume’s node (§9.6, §9.8)', () => {
    const cluster = runningWeb(2)
    const before = claim(cluster, 'www-web-0')
    const node = cluster.pod('web-0')!.spec.nodeName!
    const oldUid = cluster.pod('web-0')!.metadata.uid
    loadNode(cluster, node, 3)
    cluster.api.delete('Pod', 'default', 'web-0')
    cluster.runUntil(() => isReplacement(cluster, 'web-0', oldUid))

    expect(claim(cluster, 'www-web-0')).toMatchObject({
      metadata: { uid: before.metadata.uid },
      spec: { volumeName: before.spec.volumeName },
    })
    expect(cluster.pod('web-0')!.spec.nodeName).toBe(node)
    expect(volumeNode(volume(cluster, before.spec.volumeName!))).toBe(node)
    expect(cluster.eventMessages('web').filter((m) => m.includes('create Claim'))).toHaveLength(2)
    expect(cluster.violations).toEqual([])
  })

  test('a scale-down keeps the claims and volumes; a scale-up mounts the same ones again on their nodes (§9.6)', () => {
    const cluster = runningWeb(3)
    const before = new Map(claims(cluster).map((c) => [c.metadata.name, c]))
    const nodes = new Map(cluster.pods().map((p) => [p.metadata.name, p.spec.nodeName!]))
    scale(cluster, 1)
    cluster.runUntil(() => cluster.pods().length === 1)
    cluster.run(30_000)

    expect(claims(cluster).map((c) => c.metadata.name)).toEqual(['www-web-0', 'www-web-1', 'www-web-2'])
    for (const c of claims(cluster)) {
      expect(c.metadata.uid).toBe(before.get(c.metadata.name)!.metadata.uid)
      expect(c.status.phase).toBe('Bound')
      expect(volume(cluster, c.spec.volumeName!).status.phase).toBe('Bound')
    }

    for (const name of ['web-1', 'web-2']) loadNode(cluster, nodes.get(name)!, 3)
    scale(cluster, 3)
    cluster.runUntil(() => cluster.readyPods().length === 3)
    for (const i of [1, 2]) {
      const pod = cluster.pod(`web-${i}`)!
      const c = claim(cluster, `www-web-${i}`)
      expect(pod.spec.volumes?.find((v) => v.name === 'www')?.persistentVolumeClaim?.claimName).toBe(
        `www-web-${i}`,
      )
      expect(c.metadata.uid).toBe(before.get(`www-web-${i}`)!.metadata.uid)
      expect(c.spec.volumeName).toBe(before.get(`www-web-${i}`)!.spec.volumeName)
      expect(pod.spec.nodeName).toBe(nodes.get(`web-${i}`))
    }
    expect(cluster.eventMessages('web').filter((m) => m.includes('create Claim'))).toHaveLength(3)
    expect(cluster.api.list('PersistentVolume')).toHaveLength(3)
    expect(cluster.violations).toEqual([])
  })

  test('deleting the StatefulSet removes its pods but keeps the claims and volumes (§9.6, F92)', () => {
    const cluster = runningWeb(2)
    const before = claims(cluster).map((c) => c.metadata.uid)
    cluster.api.delete('StatefulSet', 'default', 'web', { propagationPolicy: 'Background' })
    cluster.runUntil(() => cluster.pods().length === 0, 60_000)
    cluster.run(30_000)

    expect(claims(cluster).map((c) => c.metadata.uid)).toEqual(before)
    expect(claims(cluster).every((c) => c.status.phase === 'Bound')).toBe(true)
    expect(cluster.api.list<PersistentVolume>('PersistentVolume').map((pv) => pv.status.phase)).toEqual([
      'Bound',
      'Bound',
    ])
    expect(cluster.violations).toEqual([])
  })
})
