// Scenario tests of OrderedReady pod management (statefulset-behaviour.md §4) on the headless
// TestCluster: each test drives the tutorial StatefulSet and asserts the fact it cites.
import { describe, expect, test } from 'vitest'
import type { WatchEventType } from '../../api/store'
import type { Node, Pod, StatefulSet } from '../../model'
import { TestCluster, WEB_YAML } from '../../testing/testCluster'

interface PodChange {
  t: number
  type: WatchEventType
  name: string
  uid: string
  phase?: string
  ready: boolean
  terminating: boolean
  ip?: string
  node?: string
}

/** WEB_YAML with `replicas`, extra spec lines and extra lines for the nginx container. */
function webYaml(opts: { replicas?: number; spec?: string[]; container?: string[] } = {}): string {
  const spec = [`  replicas: ${opts.replicas ?? 2}`, ...(opts.spec ?? []).map((l) => `  ${l}`)].join('\n')
  let yaml = WEB_YAML.replace('  replicas: 2', spec)
  if (opts.container) {
    yaml = yaml.replace(/^( {8}image: .*)$/m, (line) =>
      [line, ...opts.container!.map((l) => `        ${l}`)].join('\n'),
    )
  }
  return yaml
}

/** A readiness probe nothing answers: nginx listens on 80, not 8080. */
const NEVER_READY = ['readinessProbe:', '  httpGet:', '    path: /', '    port: 8080', '  periodSeconds: 2']

function isReady(p: Pod): boolean {
  return (
    p.status.phase === 'Running' &&
    !!p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')
  )
}

/** Every pod write from now on, as the API server's watch reports it. */
function recordPods(cluster: TestCluster): PodChange[] {
  const changes: PodChange[] = []
  cluster.sim.ctx.store.watch((e) => {
    if (e.object.kind !== 'Pod') return
    const p = e.object as Pod
    changes.push({
      t: cluster.sim.now,
      type: e.type,
      name: p.metadata.name,
      uid: p.metadata.uid,
      phase: p.status.phase,
      ready: isReady(p),
      terminating: !!p.metadata.deletionTimestamp,
      ip: p.status.podIP,
      node: p.spec.nodeName,
    })
  })
  return changes
}

function statefulSet(cluster: TestCluster): StatefulSet {
  return cluster.api.get<StatefulSet>('StatefulSet', 'default', 'web')
}

function scale(cluster: TestCluster, replicas: number): void {
  const set = statefulSet(cluster)
  cluster.api.update<StatefulSet>({ ...set, spec: { ...set.spec, replicas } })
}

/** A readiness probe that passes until someone creates /tmp/broken in the container. */
const BREAKABLE = [
  'readinessProbe:',
  '  exec:',
  '    command: ["sh", "-c", "test ! -e /tmp/broken"]',
  '  periodSeconds: 2',
]

/** Breaks `name`'s readiness probe (as the E2E tests do) and runs until the kubelet reports it unready. */
function breakReadiness(cluster: TestCluster, ...names: string[]): void {
  for (const name of names) {
    const pod = cluster.pod(name)!
    const result = cluster.sim.containerRuntime!.exec(pod, pod.spec.containers[0]!, ['touch', '/tmp/broken'])
    expect(result.exitCode).toBe(0)
  }
  cluster.runUntil(() => names.every((n) => !cluster.readyPods().includes(n)), 30_000)
}

function cordon(cluster: TestCluster, nodeName: string): void {
  const node = cluster.api.get<Node>('Node', undefined, nodeName)
  cluster.api.update<Node>({ ...node, spec: { ...node.spec, unschedulable: true } })
}

/** A cluster running the tutorial set with `replicas` pods, all Running and Ready. */
function runningWeb(replicas: number, opts: { spec?: string[]; container?: string[] } = {}): TestCluster {
  const cluster = new TestCluster()
  cluster.apply(webYaml({ replicas, ...opts }))
  cluster.runUntil(() => cluster.readyPods().length === replicas)
  cluster.run(1000)
  return cluster
}

/**
 * Walks each name's watch history (starting from the uids live in `initial`) and lists every
 * moment a second object with that name appeared, or an event named an object that was not the
 * live one. Empty when identities never overlapped.
 */
function identityOverlaps(changes: PodChange[], initial: Map<string, string>): string[] {
  const live = new Map(initial)
  const problems: string[] = []
  for (const c of changes) {
    const current = live.get(c.name)
    if (c.type === 'ADDED') {
      if (current) problems.push(`t=${c.t}: ${c.name} ADDED (${c.uid}) while ${current} existed`)
      live.set(c.name, c.uid)
    } else {
      if (current !== c.uid) problems.push(`t=${c.t}: ${c.type} of ${c.name} ${c.uid}, live was ${current}`)
      if (c.type === 'DELETED') live.delete(c.name)
    }
  }
  return problems
}

/** First time a change matching `fn` was seen (Infinity when never). */
function firstTime(changes: PodChange[], fn: (c: PodChange) => boolean): number {
  return changes.find(fn)?.t ?? Infinity
}

describe('OrderedReady creation (§4.2, §4.3)', () => {
  test('pods are ADDED one at a time, web-n only once web-(n-1) is Running and Ready', () => {
    const cluster = new TestCluster()
    const changes = recordPods(cluster)
    cluster.apply(webYaml({ replicas: 3 }))
    cluster.runUntil(() => cluster.readyPods().length === 3)

    const added = changes.filter((c) => c.type === 'ADDED')
    expect(added.map((c) => c.name)).toEqual(['web-0', 'web-1', 'web-2'])
    for (const [i, add] of added.entries()) {
      if (i === 0) continue
      const readyAt = firstTime(changes, (c) => c.name === `web-${i - 1}` && c.ready)
      expect(readyAt).toBeLessThanOrEqual(add.t)
      // Nothing for web-i existed while web-(i-1) was still starting.
      expect(changes.filter((c) => c.name === `web-${i}` && c.t < readyAt)).toEqual([])
    }
    expect(cluster.violations).toEqual([])
  })

  test('creation timestamps follow ordinal order and each follows its predecessor becoming Ready', () => {
    const cluster = runningWeb(3)
    const pods = ['web-0', 'web-1', 'web-2'].map((n) => cluster.pod(n)!)
    for (let i = 1; i < pods.length; i++) {
      const readySince = pods[i - 1]!.status.conditions!.find((c) => c.type === 'Ready')!.lastTransitionTime!
      expect(Date.parse(pods[i]!.metadata.creationTimestamp)).toBeGreaterThanOrEqual(Date.parse(readySince))
      expect(Date.parse(pods[i]!.metadata.creationTimestamp)).toBeGreaterThanOrEqual(
        Date.parse(pods[i - 1]!.metadata.creationTimestamp),
      )
    }
    expect(cluster.violations).toEqual([])
  })

  test('with minReadySeconds, web-1 is created only after web-0 has been Ready that long (§4.3 iii)', () => {
    const cluster = new TestCluster()
    const changes = recordPods(cluster)
    cluster.apply(webYaml({ replicas: 2, spec: ['minReadySeconds: 10'] }))
    cluster.runUntil(() => cluster.readyPods().length === 2)

    const web0Ready = firstTime(changes, (c) => c.name === 'web-0' && c.ready)
    const web1Added = firstTime(changes, (c) => c.name === 'web-1' && c.type === 'ADDED')
    // Ready times are kept to the second, so allow the sub-second the timestamp dropped.
    expect(web1Added - web0Ready).toBeGreaterThanOrEqual(9000)
    expect(cluster.violations).toEqual([])
  })
})

describe('an unhealthy pod blocks scaling (§4.4, §4.11)', () => {
  test('a readiness probe that never passes keeps web-1 from being created', () => {
    const cluster = new TestCluster()
    cluster.apply(webYaml({ replicas: 3, container: NEVER_READY }))
    cluster.runUntil(() => cluster.pod('web-0')?.status.phase === 'Running')
    cluster.run(120_000)

    expect(cluster.pods().map((p) => p.metadata.name)).toEqual(['web-0'])
    expect(cluster.readyPods()).toEqual([])
    expect(cluster.eventMessages('web-0')).toContain(
      `Warning Unhealthy Readiness probe failed: Get "http://${cluster.pod('web-0')!.status.podIP}:8080/": dial tcp ${cluster.pod('web-0')!.status.podIP}:8080: connect: connection refused`,
    )
    expect(statefulSet(cluster).status).toMatchObject({ replicas: 1, availableReplicas: 0 })
    expect(statefulSet(cluster).status?.readyReplicas).toBeUndefined()
    expect(cluster.violations).toEqual([])
  })

  test('a lower pod whose readiness probe starts failing blocks a scale-down', () => {
    const cluster = runningWeb(3, { container: BREAKABLE })
    breakReadiness(cluster, 'web-0')
    scale(cluster, 2)
    cluster.run(60_000)

    expect(cluster.pod('web-2')).toBeDefined()
    expect(cluster.pod('web-2')!.metadata.deletionTimestamp).toBeUndefined()
    expect(cluster.eventMessages('web').filter((m) => m.includes('delete Pod'))).toEqual([])
    expect(cluster.violations).toEqual([])
  })

  test('a scale-down waits until a deleted lower pod is back and Ready', () => {
    const cluster = runningWeb(3)
    const changes = recordPods(cluster)
    cluster.api.delete('Pod', 'default', 'web-0')
    scale(cluster, 2)
    cluster.runUntil(() => !cluster.pod('web-2'))

    const oldUid = changes.find((c) => c.name === 'web-0')!.uid
    const web0BackReady = firstTime(changes, (c) => c.name === 'web-0' && c.uid !== oldUid && c.ready)
    const web2Terminating = firstTime(changes, (c) => c.name === 'web-2' && c.terminating)
    expect(web0BackReady).toBeLessThan(Infinity)
    expect(web2Terminating).toBeGreaterThanOrEqual(web0BackReady)
    expect(cluster.violations).toEqual([])
  })
})

describe('replacing pods (§4.6, §4.7, §4.13, §4.14)', () => {
  test('a deleted middle pod comes back only after the old object is gone: same name, new uid, new IP, same claim (§4.6)', () => {
    const cluster = runningWeb(3)
    const before = new Map(cluster.pods().map((p) => [p.metadata.name, p]))
    const changes = recordPods(cluster)
    cluster.api.delete('Pod', 'default', 'web-1')
    cluster.runUntil(() => {
      const p = cluster.pod('web-1')
      return !!p && p.metadata.uid !== before.get('web-1')!.metadata.uid && isReady(p)
    })

    const old = before.get('web-1')!
    const gone = firstTime(changes, (c) => c.type === 'DELETED' && c.uid === old.metadata.uid)
    const added = firstTime(changes, (c) => c.type === 'ADDED' && c.name === 'web-1')
    expect(gone).toBeLessThanOrEqual(added)
    // It was Terminating (graceful) in between, not removed at once.
    expect(changes.some((c) => c.uid === old.metadata.uid && c.type === 'MODIFIED' && c.terminating)).toBe(
      true,
    )

    const fresh = cluster.pod('web-1')!
    expect(fresh.metadata.uid).not.toBe(old.metadata.uid)
    expect(fresh.status.podIP).toBeDefined()
    expect(fresh.status.podIP).not.toBe(old.status.podIP)
    expect(fresh.spec.hostname).toBe('web-1')
    expect(fresh.spec.volumes?.find((v) => v.name === 'www')?.persistentVolumeClaim?.claimName).toBe(
      'www-web-1',
    )
    for (const name of ['web-0', 'web-2']) {
      expect(cluster.pod(name)).toBe(before.get(name))
      expect(changes.filter((c) => c.name === name)).toEqual([])
    }
    expect(cluster.violations).toEqual([])
  })

  test('after all pods are deleted web-0 comes back first and web-1 only once web-0 is Ready (§4.7)', () => {
    const cluster = runningWeb(3)
    const oldUids = new Set(cluster.pods().map((p) => p.metadata.uid))
    const changes = recordPods(cluster)
    // kubectl delete pod -l app=nginx: one DELETE per pod, in list order.
    for (const p of cluster.pods()) cluster.api.delete('Pod', 'default', p.metadata.name)
    const deletedAt = cluster.sim.now
    cluster.runUntil(
      () => cluster.readyPods().length === 3 && cluster.pods().every((p) => !oldUids.has(p.metadata.uid)),
    )

    // The user's deletion terminates them concurrently.
    for (const name of ['web-0', 'web-1', 'web-2']) {
      expect(firstTime(changes, (c) => c.name === name && c.terminating)).toBe(deletedAt)
    }
    const added = changes.filter((c) => c.type === 'ADDED')
    expect(added.map((c) => c.name)).toEqual(['web-0', 'web-1', 'web-2'])
    const newReady = (name: string) =>
      firstTime(changes, (c) => c.name === name && !oldUids.has(c.uid) && c.ready)
    expect(added[1]!.t).toBeGreaterThanOrEqual(newReady('web-0'))
    expect(added[2]!.t).toBeGreaterThanOrEqual(newReady('web-1'))
    expect(cluster.violations).toEqual([])
  })

  test('there is never more than one pod object per identity, and a name is reused only after DELETED (§4.13)', () => {
    const cluster = runningWeb(3)
    const initial = new Map(cluster.pods().map((p) => [p.metadata.name, p.metadata.uid]))
    const changes = recordPods(cluster)
    cluster.api.delete('Pod', 'default', 'web-2')
    cluster.api.delete('Pod', 'default', 'web-0')
    cluster.run(2000)
    cluster.api.delete('Pod', 'default', 'web-1')
    cluster.run(90_000)

    expect(identityOverlaps(changes, initial)).toEqual([])
    // Every deleted pod was replaced.
    expect(
      changes
        .filter((c) => c.type === 'ADDED')
        .map((c) => c.name)
        .sort(),
    ).toEqual(['web-0', 'web-1', 'web-2'])
    expect(cluster.readyPods()).toEqual(['web-0', 'web-1', 'web-2'])
    expect(cluster.violations).toEqual([])
  })

  test('deleting healthy web-0 while web-1 is Running but not Ready recreates web-0: no deadlock (§4.14)', () => {
    const cluster = runningWeb(2, { container: BREAKABLE })
    breakReadiness(cluster, 'web-1')
    const oldWeb0 = cluster.pod('web-0')!.metadata.uid
    const web1 = cluster.pod('web-1')!
    cluster.api.delete('Pod', 'default', 'web-0')
    cluster.runUntil(() => {
      const p = cluster.pod('web-0')
      return !!p && p.metadata.uid !== oldWeb0 && isReady(p)
    }, 60_000)

    expect(cluster.pod('web-1')!.metadata.uid).toBe(web1.metadata.uid)
    expect(cluster.pod('web-1')!.metadata.deletionTimestamp).toBeUndefined()
    expect(cluster.readyPods()).toEqual(['web-0'])
    expect(cluster.violations).toEqual([])
  })
})

describe('OrderedReady scale-down (§4.9, §4.10, §4.17)', () => {
  test('condemned pods go in reverse ordinal order, each gone before the next starts terminating (§4.9)', () => {
    const cluster = runningWeb(5)
    const changes = recordPods(cluster)
    scale(cluster, 3)
    cluster.runUntil(() => cluster.pods().length === 3)

    const terminating = (name: string) => firstTime(changes, (c) => c.name === name && c.terminating)
    const deleted = (name: string) => firstTime(changes, (c) => c.name === name && c.type === 'DELETED')
    expect(terminating('web-4')).toBeLessThan(terminating('web-3'))
    expect(deleted('web-4')).toBeLessThanOrEqual(terminating('web-3'))
    expect(changes.filter((c) => ['web-0', 'web-1', 'web-2'].includes(c.name))).toEqual([])
    expect(cluster.eventMessages('web').filter((m) => m.includes('SuccessfulDelete'))).toEqual([
      'Normal SuccessfulDelete delete Pod web-4 in StatefulSet web successful',
      'Normal SuccessfulDelete delete Pod web-3 in StatefulSet web successful',
    ])
    expect(cluster.violations).toEqual([])
  })

  test('a top pod that never became Ready can be scaled away (§4.10)', () => {
    const cluster = runningWeb(2)
    for (const n of ['node-1', 'node-2', 'node-3']) cordon(cluster, n)
    scale(cluster, 3)
    cluster.run(20_000)
    expect(cluster.pod('web-2')?.status.phase).toBe('Pending')

    scale(cluster, 2)
    cluster.run(20_000)
    expect(cluster.pod('web-2')).toBeUndefined()
    expect(cluster.readyPods()).toEqual(['web-0', 'web-1'])
    expect(cluster.violations).toEqual([])
  })

  // Condemned pods are sorted descending and the first-unhealthy scan walks them from the end
  // (lowest ordinal first): web-3 is the first unhealthy pod, web-4 is processed first, is not
  // it, and blocks the scale-down.
  test('only the lowest unhealthy pod is exempt: unhealthy web-3 and web-4 block a 5 → 3 scale-down (§4.10)', () => {
    const cluster = runningWeb(5, { container: BREAKABLE })
    breakReadiness(cluster, 'web-3', 'web-4')
    scale(cluster, 3)
    cluster.run(60_000)

    expect(cluster.pods().map((p) => p.metadata.name)).toEqual(['web-0', 'web-1', 'web-2', 'web-3', 'web-4'])
    expect(cluster.pod('web-4')!.metadata.deletionTimestamp).toBeUndefined()
    expect(cluster.violations).toEqual([])
  })

  test('scaling to 0 removes the pods from the highest ordinal down, one at a time (§4.17)', () => {
    const cluster = runningWeb(3)
    const changes = recordPods(cluster)
    scale(cluster, 0)
    cluster.runUntil(() => cluster.pods().length === 0)
    cluster.run(1000)

    const terminating = changes.filter((c) => c.terminating && c.type === 'MODIFIED')
    const order = [...new Set(terminating.map((c) => c.name))]
    expect(order).toEqual(['web-2', 'web-1', 'web-0'])
    for (const [higher, lower] of [
      ['web-2', 'web-1'],
      ['web-1', 'web-0'],
    ] as const) {
      const gone = firstTime(changes, (c) => c.name === higher && c.type === 'DELETED')
      expect(gone).toBeLessThanOrEqual(firstTime(changes, (c) => c.name === lower && c.terminating))
    }
    expect(statefulSet(cluster).status).toMatchObject({ replicas: 0, availableReplicas: 0 })
    expect(cluster.violations).toEqual([])
  })
})
