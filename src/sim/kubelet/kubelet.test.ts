// Scenario tests of the simulated kubelet on the headless TestCluster: pod phases, pod IPs,
// graceful deletion, and containers that exit.
import { describe, expect, test } from 'vitest'
import type { Node, Pod, PodSpec } from '../model'
import { TestCluster } from '../testing/testCluster'

const NGINX = 'registry.k8s.io/nginx-slim:0.7'
const BUSYBOX = 'busybox:1.28'

/** A bare pod with one container `c`; `spec` is merged over the pod spec. */
function createPod(
  cluster: TestCluster,
  name: string,
  image: string,
  spec: Partial<PodSpec> = {},
  command?: string[],
): Pod {
  return cluster.api.create<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { containers: [{ name: 'c', image, ...(command ? { command } : {}) }], ...spec },
  } as Pod)
}

function node(cluster: TestCluster, name: string): Node {
  return cluster.api.get<Node>('Node', undefined, name)
}

function cidrPrefix(n: Node): string {
  return n.spec.podCIDR!.split('/')[0]!.split('.').slice(0, 3).join('.') + '.'
}

function isReady(p: Pod): boolean {
  return !!p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')
}

/** The pod's states as the watch reports them: phase, whether bound, the container's state. */
function recordStates(cluster: TestCluster, name: string): string[] {
  const states: string[] = []
  cluster.sim.ctx.store.watch((e) => {
    if (e.object.kind !== 'Pod' || e.object.metadata.name !== name || e.type === 'DELETED') return
    const p = e.object as Pod
    const c = p.status.containerStatuses?.[0]?.state
    const container = c?.waiting
      ? `waiting:${c.waiting.reason}`
      : c?.running
        ? 'running'
        : c?.terminated
          ? `terminated:${c.terminated.reason}`
          : '-'
    const state = `${p.status.phase} ${p.spec.nodeName ? 'bound' : 'unbound'} ${container}${isReady(p) ? ' Ready' : ''}`
    if (states[states.length - 1] !== state) states.push(state)
  })
  return states
}

describe('pod startup', () => {
  test('a pod goes Pending unbound → Pending bound → ContainerCreating → Running and Ready', () => {
    const cluster = new TestCluster()
    const states = recordStates(cluster, 'web')
    createPod(cluster, 'web', NGINX)
    cluster.runUntil(() => cluster.pod('web')?.status.phase === 'Running')
    cluster.run(1000)

    expect(states).toEqual([
      'Pending unbound -',
      'Pending bound -',
      'Pending bound waiting:ContainerCreating',
      'Running bound running Ready',
    ])
    const pod = cluster.pod('web')!
    expect(pod.status.conditions?.find((c) => c.type === 'PodScheduled')?.status).toBe('True')
    expect(pod.status.containerStatuses?.[0]).toMatchObject({
      name: 'c',
      ready: true,
      started: true,
      restartCount: 0,
    })
    expect(cluster.violations).toEqual([])
  })

  test('the pod IP comes from its node’s podCIDR and hostIP is the node’s InternalIP', () => {
    const cluster = new TestCluster()
    for (const name of ['a', 'b', 'c', 'd']) createPod(cluster, name, NGINX)
    cluster.runUntil(() => cluster.readyPods().length === 4)

    const ips = new Set<string>()
    for (const pod of cluster.pods()) {
      const n = node(cluster, pod.spec.nodeName!)
      expect(pod.status.podIP!.startsWith(cidrPrefix(n))).toBe(true)
      expect(pod.status.podIPs).toEqual([{ ip: pod.status.podIP }])
      expect(pod.status.hostIP).toBe(n.status.addresses.find((a) => a.type === 'InternalIP')!.address)
      ips.add(pod.status.podIP!)
    }
    expect(ips.size).toBe(4)
    expect(cluster.violations).toEqual([])
  })

  test('a pod recreated on the same node gets a different IP (F20)', () => {
    const cluster = new TestCluster()
    createPod(cluster, 'web', NGINX, { nodeName: 'node-1' })
    cluster.runUntil(() => cluster.readyPods().includes('web'))
    const first = cluster.pod('web')!.status.podIP!
    cluster.api.delete('Pod', 'default', 'web')
    cluster.runUntil(() => !cluster.pod('web'))

    createPod(cluster, 'web', NGINX, { nodeName: 'node-1' })
    cluster.runUntil(() => cluster.readyPods().includes('web'))
    const second = cluster.pod('web')!.status.podIP!
    expect(second.startsWith(cidrPrefix(node(cluster, 'node-1')))).toBe(true)
    expect(second).not.toBe(first)
    expect(cluster.violations).toEqual([])
  })
})

describe('graceful deletion (§4.16)', () => {
  test('a process that ignores SIGTERM (busybox sleep) is killed only when terminationGracePeriodSeconds runs out', () => {
    const cluster = new TestCluster()
    createPod(cluster, 'sleeper', BUSYBOX, { terminationGracePeriodSeconds: 20 }, ['sleep', '3600'])
    cluster.runUntil(() => cluster.readyPods().includes('sleeper'))
    cluster.run(1000)
    let last: Pod | undefined
    cluster.sim.ctx.store.watch((e) => {
      if (e.object.kind === 'Pod' && e.object.metadata.name === 'sleeper') last = e.object as Pod
    })

    const deletedAt = cluster.sim.now
    cluster.api.delete('Pod', 'default', 'sleeper')
    const marked = cluster.pod('sleeper')!
    expect(marked.metadata.deletionGracePeriodSeconds).toBe(20)
    expect(Date.parse(marked.metadata.deletionTimestamp!) - Date.parse(cluster.api.now())).toBe(20_000)

    cluster.run(19_000)
    expect(cluster.pod('sleeper')).toBeDefined()
    cluster.runUntil(() => !cluster.pod('sleeper'), 5000)
    expect(cluster.sim.now - deletedAt).toBeGreaterThanOrEqual(20_000)
    expect(last!.status.containerStatuses![0]!.state.terminated).toMatchObject({
      exitCode: 137,
      reason: 'Error',
    })
    expect(cluster.eventMessages('sleeper')).toContain('Normal Killing Stopping container c')
    expect(cluster.violations).toEqual([])
  })

  test('nginx exits on SIGTERM, so its pod is gone long before the grace period ends', () => {
    const cluster = new TestCluster()
    createPod(cluster, 'web', NGINX)
    cluster.runUntil(() => cluster.readyPods().includes('web'))
    cluster.api.delete('Pod', 'default', 'web')
    expect(cluster.pod('web')!.metadata.deletionGracePeriodSeconds).toBe(30)
    cluster.runUntil(() => !cluster.pod('web'), 2000)
    expect(cluster.eventMessages('web')).toContain('Normal Killing Stopping container c')
    expect(cluster.violations).toEqual([])
  })

  test('an unscheduled pod is removed at once, with nothing to wait for', () => {
    const cluster = new TestCluster()
    // Not scheduled: it names a scheduler that does not run.
    createPod(cluster, 'idle', NGINX, { schedulerName: 'other-scheduler' })
    cluster.run(1000)
    cluster.api.delete('Pod', 'default', 'idle')
    expect(cluster.pod('idle')).toBeUndefined()
    expect(cluster.violations).toEqual([])
  })
})

describe('containers that exit', () => {
  test('restartPolicy Never with `exit 3` ends Failed with exit code 3 and is not restarted', () => {
    const cluster = new TestCluster()
    createPod(cluster, 'once', BUSYBOX, { restartPolicy: 'Never' }, ['sh', '-c', 'exit 3'])
    cluster.runUntil(() => cluster.pod('once')?.status.phase === 'Failed', 30_000)
    cluster.run(60_000)

    const pod = cluster.pod('once')!
    expect(pod.status.phase).toBe('Failed')
    expect(pod.status.containerStatuses![0]).toMatchObject({
      ready: false,
      restartCount: 0,
      state: { terminated: { exitCode: 3, reason: 'Error' } },
    })
    expect(pod.status.conditions?.find((c) => c.type === 'Ready')).toMatchObject({
      status: 'False',
      reason: 'PodCompleted',
    })
    expect(cluster.eventMessages('once').filter((m) => m.includes('Started'))).toHaveLength(1)
    expect(cluster.violations).toEqual([])
  })

  test('restartPolicy OnFailure with `exit 0` ends Succeeded (Completed)', () => {
    const cluster = new TestCluster()
    createPod(cluster, 'job', BUSYBOX, { restartPolicy: 'OnFailure' }, ['sh', '-c', 'exit 0'])
    cluster.runUntil(() => cluster.pod('job')?.status.phase === 'Succeeded', 30_000)
    expect(cluster.pod('job')!.status.containerStatuses![0]!.state.terminated).toMatchObject({
      exitCode: 0,
      reason: 'Completed',
    })
    expect(cluster.violations).toEqual([])
  })

  test('restartPolicy Always with `exit 3` goes CrashLoopBackOff with restartCount growing and BackOff events', () => {
    const cluster = new TestCluster()
    const states = recordStates(cluster, 'crash')
    const pod = createPod(cluster, 'crash', BUSYBOX, { restartPolicy: 'Always' }, ['sh', '-c', 'exit 3'])
    const restartCounts: number[] = []
    cluster.sim.ctx.store.watch((e) => {
      if (e.object.kind === 'Pod' && e.object.metadata.name === 'crash')
        restartCounts.push((e.object as Pod).status.containerStatuses?.[0]?.restartCount ?? 0)
    })
    cluster.run(90_000)

    expect(states.some((s) => s.includes('waiting:CrashLoopBackOff'))).toBe(true)
    expect(Math.max(...restartCounts)).toBeGreaterThanOrEqual(3)
    // restartCount never goes down.
    expect(restartCounts).toEqual([...restartCounts].sort((a, b) => a - b))
    const status = cluster.pod('crash')!.status.containerStatuses![0]!
    expect(status.lastState.terminated).toMatchObject({ exitCode: 3, reason: 'Error' })
    expect(cluster.readyPods()).toEqual([])
    expect(cluster.eventMessages('crash')).toContain(
      `Warning BackOff Back-off restarting failed container c in pod crash_default(${pod.metadata.uid})`,
    )
    expect(cluster.violations).toEqual([])
  })

  // Kubernetes' getPhase (kubelet_pods.go) counts a waiting container with a
  // lastState.terminated as stopped, and with restartPolicy Always that is phase Running
  // (§4.8: a crash-looping StatefulSet pod is Running with Ready=False).
  test('a crash-looping pod stays in phase Running (§4.8)', () => {
    const cluster = new TestCluster()
    const phases: string[] = []
    cluster.sim.ctx.store.watch((e) => {
      if (e.object.kind === 'Pod' && e.object.metadata.name === 'crash')
        phases.push((e.object as Pod).status.phase)
    })
    createPod(cluster, 'crash', BUSYBOX, { restartPolicy: 'Always' }, ['sh', '-c', 'exit 3'])
    cluster.runUntil(() => cluster.pod('crash')?.status.phase === 'Running', 30_000)
    cluster.run(60_000)

    const sinceRunning = phases.slice(phases.indexOf('Running'))
    expect(new Set(sinceRunning)).toEqual(new Set(['Running']))
    expect(cluster.pod('crash')!.status.containerStatuses![0]!.state.waiting?.reason).toBe('CrashLoopBackOff')
    expect(cluster.violations).toEqual([])
  })
})
