// Scenario tests of Parallel pod management (statefulset-behaviour.md §5) on the headless
// TestCluster.
import { describe, expect, test } from 'vitest'
import type { WatchEventType } from '../../api/store'
import type { Pod, StatefulSet } from '../../model'
import { TestCluster, WEB_YAML } from '../../testing/testCluster'

interface PodChange {
  t: number
  type: WatchEventType
  name: string
  uid: string
  terminating: boolean
}

/** WEB_YAML with Parallel management, `replicas`, extra spec lines and extra nginx container lines. */
function parallelYaml(opts: { replicas?: number; spec?: string[]; container?: string[] } = {}): string {
  const spec = [
    `  replicas: ${opts.replicas ?? 2}`,
    '  podManagementPolicy: Parallel',
    ...(opts.spec ?? []).map((l) => `  ${l}`),
  ]
  let yaml = WEB_YAML.replace('  replicas: 2', spec.join('\n'))
  if (opts.container) {
    yaml = yaml.replace(/^( {8}image: .*)$/m, (line) =>
      [line, ...opts.container!.map((l) => `        ${l}`)].join('\n'),
    )
  }
  return yaml
}

/** A readiness probe nothing answers: nginx listens on 80, not 8080. */
const NEVER_READY = ['readinessProbe:', '  httpGet:', '    path: /', '    port: 8080', '  periodSeconds: 2']

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
      terminating: !!p.metadata.deletionTimestamp,
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

describe('Parallel pod management (§5)', () => {
  test('all pods are created in the same sync, before any of them runs (§5.1, §5.2)', () => {
    const cluster = new TestCluster()
    const changes = recordPods(cluster)
    cluster.apply(parallelYaml({ replicas: 4 }))
    cluster.runUntil(() => cluster.readyPods().length === 4)

    const added = changes.filter((c) => c.type === 'ADDED')
    expect(added.map((c) => c.name).sort()).toEqual(['web-0', 'web-1', 'web-2', 'web-3'])
    expect(new Set(added.map((c) => c.t)).size).toBe(1)
    expect(new Set(cluster.pods().map((p) => p.metadata.creationTimestamp)).size).toBe(1)
    const creates = cluster.eventMessages('web').filter((m) => m.includes('create Pod'))
    expect(creates).toHaveLength(4)
    expect(cluster.violations).toEqual([])
  })

  test('a scale-up adds every missing pod at once (§5.2)', () => {
    const cluster = new TestCluster()
    cluster.apply(parallelYaml({ replicas: 1 }))
    cluster.runUntil(() => cluster.readyPods().length === 1)
    const changes = recordPods(cluster)
    scale(cluster, 3)
    cluster.runUntil(() => cluster.readyPods().length === 3)

    const added = changes.filter((c) => c.type === 'ADDED')
    expect(added.map((c) => c.name).sort()).toEqual(['web-1', 'web-2'])
    expect(added[0]!.t).toBe(added[1]!.t)
    expect(cluster.violations).toEqual([])
  })

  test('a scale-down terminates every condemned pod at once (§5.3)', () => {
    const cluster = new TestCluster()
    cluster.apply(parallelYaml({ replicas: 4 }))
    cluster.runUntil(() => cluster.readyPods().length === 4)
    cluster.run(1000)
    const changes = recordPods(cluster)
    scale(cluster, 1)
    cluster.runUntil(() => cluster.pods().length === 1)

    const terminatingAt = ['web-1', 'web-2', 'web-3'].map(
      (n) => changes.find((c) => c.name === n && c.terminating)!.t,
    )
    expect(new Set(terminatingAt).size).toBe(1)
    // The last one started terminating before the first was gone.
    const firstGone = Math.min(...changes.filter((c) => c.type === 'DELETED').map((c) => c.t))
    expect(Math.max(...terminatingAt)).toBeLessThan(firstGone)
    expect(cluster.pods().map((p) => p.metadata.name)).toEqual(['web-0'])
    expect(cluster.eventMessages('web').filter((m) => m.includes('SuccessfulDelete'))).toHaveLength(3)
    expect(cluster.violations).toEqual([])
  })

  test('pods that never become Ready block neither scale-up nor scale-down (§5.4)', () => {
    const cluster = new TestCluster()
    cluster.apply(parallelYaml({ replicas: 1, container: NEVER_READY }))
    cluster.runUntil(() => cluster.pod('web-0')?.status.phase === 'Running')
    scale(cluster, 3)
    cluster.runUntil(() => cluster.pods().filter((p) => p.status.phase === 'Running').length === 3, 60_000)
    cluster.run(20_000)
    expect(cluster.pods().map((p) => p.metadata.name)).toEqual(['web-0', 'web-1', 'web-2'])
    expect(cluster.readyPods()).toEqual([])

    scale(cluster, 0)
    cluster.runUntil(() => cluster.pods().length === 0, 60_000)
    expect(cluster.violations).toEqual([])
  })

  test('a deleted pod is recreated only after its old object is gone (§5.5)', () => {
    const cluster = new TestCluster()
    cluster.apply(parallelYaml({ replicas: 3 }))
    cluster.runUntil(() => cluster.readyPods().length === 3)
    const old = cluster.pod('web-1')!
    const changes = recordPods(cluster)
    cluster.api.delete('Pod', 'default', 'web-1')
    cluster.runUntil(() => {
      const p = cluster.pod('web-1')
      return !!p && p.metadata.uid !== old.metadata.uid
    })

    const gone = changes.find((c) => c.type === 'DELETED' && c.uid === old.metadata.uid)!.t
    const added = changes.find((c) => c.type === 'ADDED' && c.name === 'web-1')!.t
    expect(gone).toBeLessThanOrEqual(added)
    expect(changes.some((c) => c.uid === old.metadata.uid && c.terminating)).toBe(true)
    expect(cluster.violations).toEqual([])
  })

  // syncStatefulSet requeues the set after minReadySeconds whenever availableReplicas != replicas,
  // even when no pass blocked on "not Available" (a Parallel pass never does).
  test('with minReadySeconds, availableReplicas catches up with readyReplicas after that long (§6.4)', () => {
    const cluster = new TestCluster()
    cluster.apply(parallelYaml({ replicas: 2, spec: ['minReadySeconds: 10'] }))
    cluster.runUntil(() => statefulSet(cluster).status?.readyReplicas === 2)
    expect(statefulSet(cluster).status?.availableReplicas).toBe(0)

    cluster.run(15_000)
    expect(statefulSet(cluster).status).toMatchObject({ readyReplicas: 2, availableReplicas: 2 })
    expect(cluster.violations).toEqual([])
  })
})
