// Scenario tests of the simulated kube-scheduler on the headless TestCluster: volume binding,
// cordoned nodes, node selectors, taints and tolerations, and spreading.
import { describe, expect, test } from 'vitest'
import type { Node, PersistentVolume, PersistentVolumeClaim, Pod, PodSpec, StorageClass } from '../model'
import { TestCluster, WEB_YAML } from '../testing/testCluster'

const NGINX = 'registry.k8s.io/nginx-slim:0.7'

function createPod(cluster: TestCluster, name: string, spec: Partial<PodSpec> = {}): Pod {
  return cluster.api.create<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { containers: [{ name: 'nginx', image: NGINX }], ...spec },
  } as Pod)
}

/** A pod whose volume `data` is the claim `claimName`. */
function createPodWithClaim(cluster: TestCluster, name: string, claimName: string): Pod {
  return createPod(cluster, name, { volumes: [{ name: 'data', persistentVolumeClaim: { claimName } }] })
}

/** A class nothing provisions for, binding claims as soon as they are created. */
function createImmediateClass(cluster: TestCluster): void {
  cluster.api.create<StorageClass>({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'manual' },
    provisioner: 'kubernetes.io/no-provisioner',
    volumeBindingMode: 'Immediate',
  } as StorageClass)
}

function createClaim(cluster: TestCluster, name: string, storageClassName: string): PersistentVolumeClaim {
  return cluster.api.create<PersistentVolumeClaim>({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: 'default' },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName },
    status: { phase: 'Pending' },
  })
}

function cordon(cluster: TestCluster, nodeName: string): void {
  const node = cluster.api.get<Node>('Node', undefined, nodeName)
  cluster.api.update<Node>({ ...node, spec: { ...node.spec, unschedulable: true } })
}

function failedScheduling(cluster: TestCluster, pod: string): string[] {
  return cluster.eventMessages(pod).filter((m) => m.startsWith('Warning FailedScheduling '))
}

const preemption = (n: number) =>
  `preemption: 0/${n} nodes are available: ${n} Preemption is not helpful for scheduling.`

describe('volume binding (F77, F87)', () => {
  test('a pod whose Immediate-class claim has no volume stays Pending: pod has unbound immediate PersistentVolumeClaims (F87)', () => {
    const cluster = new TestCluster()
    createImmediateClass(cluster)
    createClaim(cluster, 'data', 'manual')
    createPodWithClaim(cluster, 'app', 'data')
    cluster.run(30_000)

    const pod = cluster.pod('app')!
    expect(pod.spec.nodeName).toBeUndefined()
    expect(pod.status.phase).toBe('Pending')
    const message = `0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. ${preemption(3)}`
    expect(failedScheduling(cluster, 'app')).toEqual([`Warning FailedScheduling ${message}`])
    expect(pod.status.conditions?.find((c) => c.type === 'PodScheduled')).toMatchObject({
      status: 'False',
      reason: 'Unschedulable',
      message,
    })
    expect(cluster.violations).toEqual([])
  })

  test('the waiting pod is scheduled once a matching volume appears and the claim binds (F66)', () => {
    const cluster = new TestCluster()
    createImmediateClass(cluster)
    createClaim(cluster, 'data', 'manual')
    createPodWithClaim(cluster, 'app', 'data')
    cluster.run(10_000)
    cluster.api.create<PersistentVolume>({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'pv-1' },
      spec: {
        capacity: { storage: '1Gi' },
        accessModes: ['ReadWriteOnce'],
        storageClassName: 'manual',
        persistentVolumeReclaimPolicy: 'Retain',
        hostPath: { path: '/mnt/data' },
      },
      status: { phase: 'Pending' },
    })
    cluster.runUntil(() => cluster.readyPods().includes('app'), 60_000)

    expect(
      cluster.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', 'data').spec.volumeName,
    ).toBe('pv-1')
    expect(cluster.eventMessages('app').filter((m) => m.startsWith('Normal Scheduled'))).toHaveLength(1)
    expect(cluster.violations).toEqual([])
  })

  test('a WaitForFirstConsumer claim gets the chosen node, and the pod is bound to that node once the volume exists (F77, F83)', () => {
    const cluster = new TestCluster()
    createClaim(cluster, 'data', 'standard')
    createPodWithClaim(cluster, 'app', 'data')
    cluster.runUntil(() => cluster.readyPods().includes('app'), 60_000)

    const claim = cluster.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', 'data')
    const node = cluster.pod('app')!.spec.nodeName
    expect(claim.metadata.annotations?.['volume.kubernetes.io/selected-node']).toBe(node)
    expect(claim.status.phase).toBe('Bound')
    expect(failedScheduling(cluster, 'app')).toEqual([])
    expect(cluster.violations).toEqual([])
  })
})

describe('node filtering', () => {
  test('a cordoned node (spec.unschedulable) gets no new pods', () => {
    const cluster = new TestCluster()
    cordon(cluster, 'node-1')
    for (let i = 0; i < 6; i++) createPod(cluster, `p${i}`)
    cluster.runUntil(() => cluster.readyPods().length === 6, 60_000)

    const nodes = cluster.pods().map((p) => p.spec.nodeName)
    expect(nodes).not.toContain('node-1')
    expect(new Set(nodes)).toEqual(new Set(['node-2', 'node-3']))
    expect(cluster.violations).toEqual([])
  })

  test('with every node cordoned the pod stays Pending: node(s) were unschedulable', () => {
    const cluster = new TestCluster()
    for (const n of ['node-1', 'node-2', 'node-3']) cordon(cluster, n)
    createPod(cluster, 'p')
    cluster.run(20_000)

    expect(cluster.pod('p')!.spec.nodeName).toBeUndefined()
    expect(failedScheduling(cluster, 'p')).toEqual([
      `Warning FailedScheduling 0/3 nodes are available: 3 node(s) were unschedulable. ${preemption(3)}`,
    ])
    expect(cluster.violations).toEqual([])
  })

  test('a nodeSelector no node matches leaves the pod Pending with the selector message', () => {
    const cluster = new TestCluster()
    createPod(cluster, 'p', { nodeSelector: { disktype: 'ssd' } })
    cluster.run(20_000)

    expect(cluster.pod('p')!.spec.nodeName).toBeUndefined()
    expect(failedScheduling(cluster, 'p')).toEqual([
      `Warning FailedScheduling 0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. ${preemption(3)}`,
    ])
    expect(cluster.violations).toEqual([])
  })
})

describe('taints and tolerations', () => {
  function taint(cluster: TestCluster, nodeName: string, taints: Node['spec']['taints']): void {
    const node = cluster.api.get<Node>('Node', undefined, nodeName)
    cluster.api.update<Node>({ ...node, spec: { ...node.spec, taints } })
  }

  test('a NoSchedule taint keeps pods off a node unless they tolerate it', () => {
    const cluster = new TestCluster()
    taint(cluster, 'node-1', [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }])
    for (let i = 0; i < 4; i++) createPod(cluster, `p${i}`)
    createPod(cluster, 'db', {
      nodeSelector: { 'kubernetes.io/hostname': 'node-1' },
      tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'db', effect: 'NoSchedule' }],
    })
    cluster.runUntil(() => cluster.readyPods().length === 5, 60_000)

    expect(
      cluster
        .pods()
        .filter((p) => p.spec.nodeName === 'node-1')
        .map((p) => p.metadata.name),
    ).toEqual(['db'])
    expect(cluster.violations).toEqual([])
  })

  test('untolerated taints and cordons are counted per node, sorted as "<count> <reason>" strings', () => {
    const cluster = new TestCluster()
    // (Not a key the node lifecycle controller manages: it would take its own taints off a Ready node.)
    taint(cluster, 'node-1', [{ key: 'example.com/maintenance', effect: 'NoExecute' }])
    taint(cluster, 'node-2', [{ key: 'example.com/maintenance', effect: 'NoExecute' }])
    cordon(cluster, 'node-3')
    createPod(cluster, 'p')
    cluster.run(20_000)

    expect(failedScheduling(cluster, 'p')).toEqual([
      `Warning FailedScheduling 0/3 nodes are available: 1 node(s) were unschedulable, 2 node(s) had untolerated taint {example.com/maintenance: }. ${preemption(3)}`,
    ])
    expect(cluster.violations).toEqual([])
  })

  test('a pod tolerating the unschedulable taint may land on a cordoned node', () => {
    const cluster = new TestCluster()
    for (const n of ['node-1', 'node-2', 'node-3']) cordon(cluster, n)
    createPod(cluster, 'p', {
      tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }],
    })
    cluster.runUntil(() => cluster.readyPods().includes('p'), 60_000)
    expect(cluster.violations).toEqual([])
  })

  test('the scheduler retries an unschedulable pod on its own period, not on its own status write', () => {
    const cluster = new TestCluster()
    for (const n of ['node-1', 'node-2', 'node-3']) cordon(cluster, n)
    createPod(cluster, 'p')
    cluster.run(12_000)
    const event = cluster
      .events()
      .find((e) => e.involvedObject.name === 'p' && e.reason === 'FailedScheduling')!
    expect(event.count).toBe(3)
    expect(cluster.violations).toEqual([])
  })
})

describe('spreading', () => {
  test('three pods land on three different nodes', () => {
    const cluster = new TestCluster()
    for (let i = 0; i < 3; i++) createPod(cluster, `p${i}`)
    cluster.runUntil(() => cluster.readyPods().length === 3, 60_000)

    expect(new Set(cluster.pods().map((p) => p.spec.nodeName))).toEqual(
      new Set(['node-1', 'node-2', 'node-3']),
    )
    expect(cluster.violations).toEqual([])
  })

  test('the tutorial StatefulSet with 3 replicas has one pod per node', () => {
    const cluster = new TestCluster()
    cluster.apply(WEB_YAML.replace('  replicas: 2', '  replicas: 3'))
    cluster.runUntil(() => cluster.readyPods().length === 3)

    expect(new Set(cluster.pods().map((p) => p.spec.nodeName)).size).toBe(3)
    expect(cluster.violations).toEqual([])
  })

  test('a node already running pods is passed over for an empty one', () => {
    const cluster = new TestCluster()
    for (let i = 0; i < 2; i++) createPod(cluster, `busy${i}`, { nodeName: 'node-1' })
    createPod(cluster, 'quiet', { nodeName: 'node-2' })
    cluster.runUntil(() => cluster.readyPods().length === 3)
    createPod(cluster, 'new')
    cluster.runUntil(() => cluster.readyPods().includes('new'))

    expect(cluster.pod('new')!.spec.nodeName).toBe('node-3')
    expect(cluster.violations).toEqual([])
  })
})
