// Scenario tests of a node that stops (statefulset-behaviour.md §11): the node lifecycle
// controller marks it NotReady after the grace period and taints it, its pods leave the Service,
// the taint eviction controller deletes them after 300 s, they stay Terminating, the StatefulSet
// waits, a force delete lets it recreate the pod, and a node that starts again recovers.
import { describe, expect, test } from 'vitest'
import type { Endpoints, Node, Pod, Taint } from '../../model'
import { TestCluster, WEB_YAML } from '../../testing/testCluster'
import { DnsResolver } from '../../dns/resolver'
import { startNode, stopNode } from '../../kubelet/nodePower'
import { NODE_MONITOR_GRACE_PERIOD_MS } from './nodeLifecycleController'

/** The tutorial set with three replicas, one per node, all Running and Ready. */
function webCluster(yaml = WEB_YAML): TestCluster {
  const cluster = new TestCluster()
  cluster.apply(yaml.replace('replicas: 2', 'replicas: 3'))
  cluster.runUntil(() => cluster.readyPods().length === 3)
  return cluster
}

/** The set without volume claim templates, so its pods can run on any node. */
const STATELESS_WEB = WEB_YAML.slice(0, WEB_YAML.indexOf('        volumeMounts:'))

const node = (c: TestCluster, name: string) => c.api.get<Node>('Node', undefined, name)
const ready = (n: Node) => n.status.conditions.find((c) => c.type === 'Ready')!
const taints = (n: Node) => (n.spec.taints ?? []).map((t: Taint) => `${t.key}:${t.effect}`)
const nodeOf = (c: TestCluster, pod: string) => c.pod(pod)!.spec.nodeName!
const podReady = (p: Pod) => p.status.conditions?.find((c) => c.type === 'Ready')?.status

describe('a stopped node', () => {
  test('turns Unknown only after node-monitor-grace-period (50 s) without a Lease renewal', () => {
    const cluster = webCluster()
    const victim = nodeOf(cluster, 'web-1')
    stopNode(cluster.sim, victim)
    cluster.run(NODE_MONITOR_GRACE_PERIOD_MS - 10_000)
    expect(ready(node(cluster, victim)).status).toBe('True')
    cluster.run(30_000)

    const n = node(cluster, victim)
    expect(n.status.conditions.map((c) => `${c.type}=${c.status} ${c.reason}: ${c.message}`)).toEqual([
      'MemoryPressure=Unknown NodeStatusUnknown: Kubelet stopped posting node status.',
      'DiskPressure=Unknown NodeStatusUnknown: Kubelet stopped posting node status.',
      'PIDPressure=Unknown NodeStatusUnknown: Kubelet stopped posting node status.',
      'Ready=Unknown NodeStatusUnknown: Kubelet stopped posting node status.',
    ])
    // The heartbeat stays the kubelet's last; the transition is the controller's.
    expect(ready(n).lastHeartbeatTime).toBe('2026-01-01T09:00:00Z')
    expect(cluster.eventMessages(victim)).toContain(
      `Normal NodeNotReady Node ${victim} status is now: NodeNotReady`,
    )
    expect(cluster.violations).toEqual([])
  })

  test('gets the unreachable NoSchedule taint at once and the NoExecute taint at the next monitor pass', () => {
    const cluster = webCluster()
    const victim = nodeOf(cluster, 'web-1')
    stopNode(cluster.sim, victim)
    cluster.runUntil(() => ready(node(cluster, victim)).status === 'Unknown', 120_000)
    cluster.run(1000)
    expect(taints(node(cluster, victim))).toEqual(['node.kubernetes.io/unreachable:NoSchedule'])
    cluster.run(5000)
    expect(taints(node(cluster, victim))).toEqual([
      'node.kubernetes.io/unreachable:NoSchedule',
      'node.kubernetes.io/unreachable:NoExecute',
    ])
    expect(node(cluster, victim).spec.taints!.every((t) => t.timeAdded)).toBe(true)
    expect(cluster.violations).toEqual([])
  })

  test('its pods become not Ready, leave the endpoints, and lose their DNS record', () => {
    const cluster = webCluster()
    const victim = nodeOf(cluster, 'web-1')
    const dns = new DnsResolver(cluster.api)
    expect(dns.lookupA('web-1.nginx.default.svc.cluster.local').rcode).toBe('NOERROR')
    stopNode(cluster.sim, victim)
    cluster.run(70_000)

    const pod = cluster.pod('web-1')!
    expect(podReady(pod)).toBe('False')
    // Only the Ready condition changes: the container status is the kubelet's last report.
    expect(pod.status.containerStatuses![0]!.ready).toBe(true)
    expect(cluster.eventMessages('web-1')).toContain('Warning NodeNotReady Node is not ready')
    const endpoints = cluster.api.get<Endpoints>('Endpoints', 'default', 'nginx')
    const readyIps = (endpoints.subsets ?? []).flatMap((s) =>
      (s.addresses ?? []).map((a) => a.targetRef?.name),
    )
    const notReady = (endpoints.subsets ?? []).flatMap((s) =>
      (s.notReadyAddresses ?? []).map((a) => a.targetRef?.name),
    )
    expect(readyIps.sort()).toEqual(['web-0', 'web-2'])
    expect(notReady).toEqual(['web-1'])
    expect(dns.lookupA('web-1.nginx.default.svc.cluster.local').rcode).toBe('NXDOMAIN')
    expect(cluster.violations).toEqual([])
  })

  test('after the 300 s toleration its pods are deleted but stay Terminating, and the StatefulSet waits', () => {
    const cluster = webCluster()
    const victim = nodeOf(cluster, 'web-1')
    const uid = cluster.pod('web-1')!.metadata.uid
    stopNode(cluster.sim, victim)
    cluster.run(60_000 + 290_000)
    expect(cluster.pod('web-1')!.metadata.deletionTimestamp).toBeUndefined()
    cluster.run(20_000)

    const pod = cluster.pod('web-1')!
    expect(pod.metadata.deletionTimestamp).toBeDefined()
    expect(pod.status.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({
      status: 'True',
      reason: 'DeletionByTaintManager',
      message: 'Taint manager: deleting due to NoExecute taint',
    })
    expect(pod.status.reason).toBeUndefined()
    expect(cluster.events().map((e) => `${e.reason} ${e.message}`)).toContain(
      'TaintManagerEviction Marking for deletion Pod default/web-1',
    )
    cluster.run(30 * 60_000)
    expect(cluster.pod('web-1')!.metadata.uid).toBe(uid)
    expect(cluster.pods().map((p) => p.metadata.name)).toEqual(['web-0', 'web-1', 'web-2'])
    expect(cluster.violations).toEqual([])
  })

  test('a force-deleted pod is recreated with its name and claim, and stays Pending: its local volume is on the stopped node', () => {
    const cluster = webCluster()
    const victim = nodeOf(cluster, 'web-1')
    stopNode(cluster.sim, victim)
    cluster.run(400_000)
    cluster.api.delete('Pod', 'default', 'web-1', { gracePeriodSeconds: 0 })
    cluster.run(20_000)

    const pod = cluster.pod('web-1')!
    expect(pod.metadata.deletionTimestamp).toBeUndefined()
    expect(pod.spec.nodeName).toBeUndefined()
    expect(pod.spec.volumes?.find((v) => v.name === 'www')?.persistentVolumeClaim?.claimName).toBe(
      'www-web-1',
    )
    const message =
      '0/3 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, 2 node(s) had volume node affinity conflict. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.'
    expect(pod.status.conditions?.find((c) => c.type === 'PodScheduled')?.message).toBe(message)
    expect(cluster.violations).toEqual([])
  })

  test('a force-deleted pod without volumes is recreated on a healthy node', () => {
    const cluster = webCluster(STATELESS_WEB)
    const victim = nodeOf(cluster, 'web-1')
    stopNode(cluster.sim, victim)
    cluster.run(400_000)
    cluster.api.delete('Pod', 'default', 'web-1', { gracePeriodSeconds: 0 })
    cluster.runUntil(() => cluster.readyPods().includes('web-1'), 60_000)

    expect(nodeOf(cluster, 'web-1')).not.toBe(victim)
    expect(cluster.violations).toEqual([])
  })

  test('started again, it is Ready, loses its taints, finishes the deletions, and its pod comes back on it', () => {
    const cluster = webCluster()
    const victim = nodeOf(cluster, 'web-1')
    const ip = cluster.pod('web-1')!.status.podIP
    stopNode(cluster.sim, victim)
    cluster.run(400_000)
    startNode(cluster.sim, victim)
    cluster.runUntil(
      () => cluster.readyPods().length === 3 && !cluster.pod('web-1')?.metadata.deletionTimestamp,
    )
    cluster.run(10_000)

    const n = node(cluster, victim)
    expect(ready(n)).toMatchObject({ status: 'True', reason: 'KubeletReady' })
    expect(n.spec.taints).toBeUndefined()
    expect(nodeOf(cluster, 'web-1')).toBe(victim)
    expect(cluster.pod('web-1')!.status.podIP).not.toBe(ip)
    expect(cluster.eventMessages(victim)).toEqual(
      expect.arrayContaining([
        `Normal NodeHasSufficientMemory Node ${victim} status is now: NodeHasSufficientMemory`,
        `Normal NodeReady Node ${victim} status is now: NodeReady`,
      ]),
    )
    expect(cluster.violations).toEqual([])
  })

  test('started again within 300 s, it keeps its pods: the evictions are cancelled and the pods are Ready again', () => {
    const cluster = webCluster()
    const victim = nodeOf(cluster, 'web-1')
    const uid = cluster.pod('web-1')!.metadata.uid
    stopNode(cluster.sim, victim)
    cluster.run(120_000)
    expect(podReady(cluster.pod('web-1')!)).toBe('False')
    startNode(cluster.sim, victim)
    cluster.run(10_000)

    expect(cluster.pod('web-1')!.metadata.uid).toBe(uid)
    expect(podReady(cluster.pod('web-1')!)).toBe('True')
    expect(cluster.events().map((e) => `${e.reason} ${e.message}`)).toContain(
      'TaintManagerEviction Cancelling deletion of Pod default/web-1',
    )
    cluster.run(600_000)
    expect(cluster.pod('web-1')!.metadata.uid).toBe(uid)
    expect(cluster.violations).toEqual([])
  })

  test('a force-deleted pod’s frozen container is killed when the node starts: its IP is free again', () => {
    const cluster = webCluster(STATELESS_WEB)
    const victim = nodeOf(cluster, 'web-1')
    stopNode(cluster.sim, victim)
    cluster.run(70_000)
    const ip = cluster.pod('web-1')!.status.podIP
    cluster.api.delete('Pod', 'default', 'web-1', { gracePeriodSeconds: 0 })
    cluster.runUntil(() => cluster.readyPods().includes('web-1'), 60_000)
    const runtimes = () => [
      ...cluster.sim.ctx.state
        .get('kubelet.pods', () => new Map<string, { node: string; ip?: string }>())
        .values(),
    ]
    // The stopped kubelet has not noticed: the container still holds its address.
    expect(
      runtimes()
        .filter((rt) => rt.node === victim)
        .map((rt) => rt.ip),
    ).toEqual([ip])
    startNode(cluster.sim, victim)
    cluster.run(10_000)

    expect(runtimes().filter((rt) => rt.node === victim)).toEqual([])
    expect(cluster.violations).toEqual([])
  })
})

describe('tolerations decide what the taint eviction controller does', () => {
  const podWith = (name: string, tolerations: Pod['spec']['tolerations']) =>
    ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default' },
      spec: {
        nodeName: 'node-1',
        containers: [{ name: 'c', image: 'registry.k8s.io/nginx-slim:0.7' }],
        ...(tolerations ? { tolerations } : {}),
      },
    }) as Pod

  test('a pod tolerating every taint stays; one tolerating unreachable for 0 s goes at once', () => {
    const cluster = new TestCluster()
    cluster.api.create(podWith('forever', [{ operator: 'Exists' }]))
    cluster.api.create(
      podWith('brief', [
        {
          key: 'node.kubernetes.io/unreachable',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 0,
        },
      ]),
    )
    cluster.api.create(podWith('default', undefined))
    cluster.runUntil(() => cluster.readyPods().length === 3)
    stopNode(cluster.sim, 'node-1')
    cluster.run(70_000)

    expect(cluster.pod('forever')!.metadata.deletionTimestamp).toBeUndefined()
    expect(cluster.pod('brief')!.metadata.deletionTimestamp).toBeDefined()
    expect(cluster.pod('default')!.metadata.deletionTimestamp).toBeUndefined()
    expect(cluster.violations).toEqual([])
  })
})

describe('every node stopped', () => {
  test('the controller stops evicting (master disruption mode): no NoExecute taints, no deletions', () => {
    const cluster = webCluster()
    for (const n of ['node-1', 'node-2', 'node-3']) stopNode(cluster.sim, n)
    cluster.run(600_000)

    for (const n of ['node-1', 'node-2', 'node-3']) {
      expect(ready(node(cluster, n)).status).toBe('Unknown')
      expect(taints(node(cluster, n))).toEqual(['node.kubernetes.io/unreachable:NoSchedule'])
    }
    expect(cluster.pods().every((p) => !p.metadata.deletionTimestamp)).toBe(true)
    expect(cluster.violations).toEqual([])
  })
})

describe('several nodes stopped', () => {
  test('the NoExecute taints are rate limited: one node per 10 s in a zone', () => {
    const cluster = webCluster()
    stopNode(cluster.sim, 'node-1')
    stopNode(cluster.sim, 'node-2')
    const tainted = new Map<string, number>()
    cluster.sim.ctx.store.watch((e) => {
      const n = e.object as Node
      if (
        n.kind === 'Node' &&
        !tainted.has(n.metadata.name) &&
        taints(n).includes('node.kubernetes.io/unreachable:NoExecute')
      )
        tainted.set(n.metadata.name, cluster.sim.now)
    })
    cluster.run(120_000)
    const [a, b] = [...tainted.values()]
    expect(tainted.size).toBe(2)
    expect(b! - a!).toBe(10_000)
    expect(cluster.violations).toEqual([])
  })

  test('leaving master disruption mode, the nodes still stopped get their NoExecute taints', () => {
    const cluster = webCluster()
    for (const n of ['node-1', 'node-2', 'node-3']) stopNode(cluster.sim, n)
    cluster.run(120_000)
    startNode(cluster.sim, 'node-1')
    cluster.run(30_000)
    for (const n of ['node-2', 'node-3'])
      expect(taints(node(cluster, n))).toContain('node.kubernetes.io/unreachable:NoExecute')
    expect(taints(node(cluster, 'node-1'))).toEqual([])
    expect(cluster.violations).toEqual([])
  })
})

describe('determinism', () => {
  const trace = (seed: number) => {
    const cluster = new TestCluster({ seed })
    cluster.apply(WEB_YAML.replace('replicas: 2', 'replicas: 3'))
    cluster.run(30_000)
    stopNode(cluster.sim, 'node-2')
    cluster.run(400_000)
    startNode(cluster.sim, 'node-2')
    cluster.run(60_000)
    return JSON.stringify([cluster.pods(), cluster.api.list('Node'), cluster.events()])
  }

  test('the same seed gives the same trace through a node failure and recovery', () => {
    expect(trace(3)).toBe(trace(3))
  })

  test('restoring a checkpoint taken while the node is stopped replays the same future', () => {
    const cluster = new TestCluster()
    cluster.apply(WEB_YAML)
    cluster.run(30_000)
    stopNode(cluster.sim, 'node-1')
    cluster.run(30_000)
    const cp = cluster.sim.checkpoint()
    cluster.run(400_000)
    const straight = JSON.stringify([cluster.pods(), cluster.api.list('Node')])
    cluster.sim.restore(cp)
    cluster.run(400_000)
    expect(JSON.stringify([cluster.pods(), cluster.api.list('Node')])).toBe(straight)
  })
})
