import { describe, expect, it } from 'vitest'
import type { Deployment, Pod, ReplicaSet } from '../../model'
import { TestCluster } from '../../testing/testCluster'

interface Options {
  image?: string
  replicas?: number
  strategy?: string
  extra?: string
  volumes?: boolean
}

function webYaml(o: Options = {}): string {
  const volumeMounts = o.volumes
    ? '\n        volumeMounts:\n        - name: data\n          mountPath: /data'
    : ''
  const volumes = o.volumes
    ? '\n      volumes:\n      - name: data\n        persistentVolumeClaim:\n          claimName: data'
    : ''
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${o.replicas ?? 3}
${o.strategy ? `  strategy: ${o.strategy}\n` : ''}${o.extra ?? ''}  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: ${o.image ?? 'nginx:1.25'}${volumeMounts}${volumes}
`
}

const POD_NAME = /^web-([bcdfghjklmnpqrstvwxz2456789]+)-[bcdfghjklmnpqrstvwxz2456789]{5}$/

const deployment = (c: TestCluster) => c.api.get<Deployment>('Deployment', 'default', 'web')
const replicaSets = (c: TestCluster) => c.api.list<ReplicaSet>('ReplicaSet', 'default')
const active = (c: TestCluster) =>
  c
    .pods()
    .filter(
      (p) => !p.metadata.deletionTimestamp && p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed',
    )
const isReady = (p: Pod) => !!p.status.conditions?.some((x) => x.type === 'Ready' && x.status === 'True')
const image = (p: Pod) => p.spec.containers[0]!.image

/** Advances until the deployment has observed its spec and every desired replica is updated and available. */
function settle(c: TestCluster): void {
  c.runUntil(() => {
    const d = deployment(c)
    const r = d.spec.replicas ?? 1
    const s = d.status ?? {}
    return (
      (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 1) &&
      (s.updatedReplicas ?? 0) === r &&
      (s.availableReplicas ?? 0) === r &&
      (s.replicas ?? 0) === r &&
      c.pods().every((p) => !p.metadata.deletionTimestamp)
    )
  })
}

describe('Deployment controller', () => {
  it('creates a ReplicaSet named after the pod-template-hash, and N pods with random suffixes', () => {
    const c = new TestCluster({ seed: 21 })
    c.apply(webYaml())
    settle(c)
    const [rs, ...more] = replicaSets(c)
    expect(more).toEqual([])
    const hash = rs!.metadata.labels!['pod-template-hash']!
    expect(rs!.metadata.name).toBe(`web-${hash}`)
    expect(rs!.spec.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash })
    expect(rs!.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'Deployment',
      name: 'web',
      controller: true,
    })
    expect(rs!.metadata.annotations).toEqual({
      'deployment.kubernetes.io/revision': '1',
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
    })
    const pods = c.pods()
    expect(pods).toHaveLength(3)
    for (const p of pods) expect(POD_NAME.exec(p.metadata.name)?.[1]).toBe(hash)
    const d = deployment(c)
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1')
    expect(d.status).toMatchObject({
      observedGeneration: 1,
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
    })
    expect(d.status?.conditions?.map((x) => [x.type, x.status, x.reason, x.message])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      [
        'Progressing',
        'True',
        'NewReplicaSetAvailable',
        `ReplicaSet "web-${hash}" has successfully progressed.`,
      ],
    ])
    expect(c.eventMessages('web')).toEqual([
      `Normal ScalingReplicaSet Scaled up replica set web-${hash} to 3`,
    ])
    expect(c.violations).toEqual([])
  })

  it.each([
    ['25%/25% (the defaults)', undefined, 10, 3, 2],
    ['maxSurge 3, maxUnavailable 2', '{rollingUpdate: {maxSurge: 3, maxUnavailable: 2}}', 10, 3, 2],
    ['maxSurge 0, maxUnavailable 1', '{rollingUpdate: {maxSurge: 0, maxUnavailable: 1}}', 4, 0, 1],
    ['maxSurge 1, maxUnavailable 0', '{rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}', 4, 1, 0],
    [
      'maxSurge 50%, maxUnavailable 10% (rounds to 0)',
      '{rollingUpdate: {maxSurge: "50%", maxUnavailable: "10%"}}',
      5,
      3,
      0,
    ],
  ])(
    'rolls out with %s within the bounds at every step, ending with the old set at 0',
    (_name, strategy, replicas, surge, unavailable) => {
      const c = new TestCluster({ seed: 5 })
      c.apply(webYaml({ replicas, ...(strategy ? { strategy } : {}) }))
      settle(c)
      c.apply(webYaml({ replicas, image: 'nginx:1.26', ...(strategy ? { strategy } : {}) }))
      let lastTime = c.sim.now
      let lastActive = 0
      const problems: string[] = []
      c.runUntil(() => {
        const sets = replicaSets(c)
        // Kubernetes bounds the pods it asks for (the sets' spec.replicas) at every step …
        const asked = sets.reduce((n, rs) => n + (rs.spec.replicas ?? 1), 0)
        if (asked > replicas + surge) problems.push(`t=${c.sim.now}: ${asked} replicas asked for`)
        const available = active(c).filter(isReady).length
        if (available < replicas - unavailable) problems.push(`t=${c.sim.now}: only ${available} available`)
        // … and the pods that exist once every controller has acted at a given instant (in between,
        // a set may have grown before another one has deleted its pods, as in a real cluster).
        if (c.sim.now !== lastTime && lastActive > replicas + surge)
          problems.push(`t=${lastTime}: ${lastActive} active pods`)
        lastTime = c.sim.now
        lastActive = active(c).length
        const d = deployment(c)
        return (
          (d.status?.updatedReplicas ?? 0) === replicas &&
          (d.status?.availableReplicas ?? 0) === replicas &&
          sets.length === 2 &&
          sets.every(
            (rs) =>
              (rs.spec.replicas ?? 1) === 0 || rs.spec.template.spec.containers[0]!.image === 'nginx:1.26',
          ) &&
          c.pods().every((p) => !p.metadata.deletionTimestamp)
        )
      })
      expect(problems).toEqual([])
      const [older, newer] = replicaSets(c).sort((a, b) =>
        a.metadata.annotations!['deployment.kubernetes.io/revision']!.localeCompare(
          b.metadata.annotations!['deployment.kubernetes.io/revision']!,
        ),
      )
      expect([older!.spec.replicas, older!.status?.replicas]).toEqual([0, 0])
      expect(newer!.spec.replicas).toBe(replicas)
      expect(c.pods().every((p) => image(p) === 'nginx:1.26')).toBe(true)
      expect(deployment(c).metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2')
      expect(c.violations).toEqual([])
    },
  )

  it('tells each step of a rolling update in Kubernetes words', () => {
    const c = new TestCluster({ seed: 9 })
    c.apply(webYaml({ replicas: 4, strategy: '{rollingUpdate: {maxSurge: 1, maxUnavailable: 1}}' }))
    settle(c)
    const [old] = replicaSets(c)
    c.apply(
      webYaml({
        replicas: 4,
        image: 'nginx:1.26',
        strategy: '{rollingUpdate: {maxSurge: 1, maxUnavailable: 1}}',
      }),
    )
    settle(c)
    const neu = replicaSets(c).find((rs) => rs.metadata.uid !== old!.metadata.uid)!
    const o = old!.metadata.name
    const n = neu.metadata.name
    expect(c.eventMessages('web')).toEqual([
      `Normal ScalingReplicaSet Scaled up replica set ${o} to 4`,
      `Normal ScalingReplicaSet Scaled up replica set ${n} to 1`,
      `Normal ScalingReplicaSet Scaled down replica set ${o} to 3 from 4`,
      `Normal ScalingReplicaSet Scaled up replica set ${n} to 2 from 1`,
      `Normal ScalingReplicaSet Scaled down replica set ${o} to 2 from 3`,
      `Normal ScalingReplicaSet Scaled up replica set ${n} to 3 from 2`,
      `Normal ScalingReplicaSet Scaled down replica set ${o} to 1 from 2`,
      `Normal ScalingReplicaSet Scaled up replica set ${n} to 4 from 3`,
      `Normal ScalingReplicaSet Scaled down replica set ${o} to 0 from 1`,
    ])
  })

  it('Recreate: stops every old pod before the first new one starts', () => {
    const c = new TestCluster({ seed: 13 })
    c.apply(webYaml({ strategy: '{type: Recreate}' }))
    settle(c)
    c.apply(webYaml({ strategy: '{type: Recreate}', image: 'nginx:1.26' }))
    let mixed = false
    c.runUntil(() => {
      const images = new Set(c.pods().map(image))
      if (images.size > 1) mixed = true
      const d = deployment(c)
      return (
        (d.status?.observedGeneration ?? 0) === 2 &&
        (d.status?.updatedReplicas ?? 0) === 3 &&
        (d.status?.availableReplicas ?? 0) === 3
      )
    })
    expect(mixed).toBe(false)
    const [old, neu] = replicaSets(c).sort((a, b) =>
      a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp),
    )
    expect(c.eventMessages('web')).toEqual([
      `Normal ScalingReplicaSet Scaled up replica set ${old!.metadata.name} to 3`,
      `Normal ScalingReplicaSet Scaled down replica set ${old!.metadata.name} to 0 from 3`,
      `Normal ScalingReplicaSet Scaled up replica set ${neu!.metadata.name} to 3`,
    ])
    expect(c.violations).toEqual([])
  })

  it('rolls back by template equality: the old ReplicaSet is reused and gets the next revision', () => {
    const c = new TestCluster({ seed: 17 })
    c.apply(webYaml())
    settle(c)
    const [first] = replicaSets(c)
    c.apply(webYaml({ image: 'nginx:1.26' }))
    settle(c)
    c.apply(webYaml())
    settle(c)
    const sets = replicaSets(c)
    expect(sets).toHaveLength(2)
    const reused = sets.find((rs) => rs.metadata.uid === first!.metadata.uid)!
    expect(reused.spec.replicas).toBe(3)
    expect(reused.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3')
    expect(reused.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1')
    expect(deployment(c).metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3')
    expect(c.pods().every((p) => image(p) === 'nginx:1.25')).toBe(true)
  })

  it('scales the single active ReplicaSet, and proportionally in the middle of a rollout', () => {
    const c = new TestCluster({ seed: 23 })
    c.apply(webYaml({ replicas: 10 }))
    settle(c)
    c.apply(webYaml({ replicas: 5 }))
    settle(c)
    const [rs] = replicaSets(c)
    expect(c.eventMessages('web').at(-1)).toBe(
      `Normal ScalingReplicaSet Scaled down replica set ${rs!.metadata.name} to 5 from 10`,
    )

    // A rollout that cannot finish (the new image never becomes ready: its readiness probe
    // fails), then a scale to 10: both sets grow in proportion to their size.
    const stuck = `\n        readinessProbe:\n          exec:\n            command: ["false"]`
    c.apply(webYaml({ replicas: 5, image: `nginx:1.26${stuck}` }))
    c.run(30_000)
    const before = replicaSets(c).map((r) => r.spec.replicas)
    expect(before.reduce((a, b) => a! + b!, 0)).toBe(5 + 2) // maxSurge 25% of 5 rounds up to 2
    c.apply(webYaml({ replicas: 10, image: `nginx:1.26${stuck}` }))
    c.run(5_000)
    const after = replicaSets(c).map((r) => r.spec.replicas ?? 1)
    expect(after.reduce((a, b) => a + b, 0)).toBe(10 + 3)
    // Each set about doubled (max-replicas 7 → 13).
    after.forEach((n, i) => expect(Math.abs(n - (before[i]! * 13) / 7)).toBeLessThanOrEqual(1))
  })

  it('replaces a deleted pod under a new random name', () => {
    const c = new TestCluster({ seed: 29 })
    c.apply(webYaml({ replicas: 2 }))
    settle(c)
    const victim = c.pods()[0]!.metadata.name
    c.api.delete('Pod', 'default', victim)
    c.run(20_000)
    const names = c.pods().map((p) => p.metadata.name)
    expect(names).toHaveLength(2)
    expect(names).not.toContain(victim)
    expect(names.every((n) => POD_NAME.test(n))).toBe(true)
  })

  it('lets every replica share one claim; with local-path RWO volumes they all land on its node', () => {
    const c = new TestCluster({ seed: 31 })
    c.apply(`apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
---
${webYaml({ volumes: true })}`)
    settle(c)
    const pods = c.pods()
    expect(pods).toHaveLength(3)
    expect(new Set(pods.map((p) => p.spec.nodeName)).size).toBe(1)
    const claims = c.api.list<{ status: { phase: string } } & Pod>('PersistentVolumeClaim')
    expect(claims.map((x) => x.status.phase)).toEqual(['Bound'])
    expect(c.api.list('PersistentVolume')).toHaveLength(1)
    expect(c.violations).toEqual([])
  })

  it('deleting the Deployment cascades to its ReplicaSets and their pods', () => {
    const c = new TestCluster({ seed: 37 })
    c.apply(webYaml())
    settle(c)
    c.api.delete('Deployment', 'default', 'web')
    c.run(60_000)
    expect(replicaSets(c)).toEqual([])
    expect(c.pods()).toEqual([])
  })

  it('keeps only revisionHistoryLimit old ReplicaSets', () => {
    const c = new TestCluster({ seed: 41 })
    const extra = '  revisionHistoryLimit: 1\n'
    for (const tag of ['1.21', '1.22', '1.23', '1.24']) {
      c.apply(webYaml({ image: `nginx:${tag}`, replicas: 1, extra }))
      settle(c)
    }
    c.run(1_000)
    const revisions = replicaSets(c).map(
      (rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision'],
    )
    expect(revisions.sort()).toEqual(['3', '4'])
  })

  it('reports ProgressDeadlineExceeded when a rollout makes no progress in time', () => {
    const c = new TestCluster({ seed: 43 })
    const stuck = `nginx:1.25\n        readinessProbe:\n          exec:\n            command: ["false"]`
    c.apply(webYaml({ replicas: 1, image: stuck, extra: '  progressDeadlineSeconds: 30\n' }))
    c.run(60_000)
    const progressing = deployment(c).status?.conditions?.find((x) => x.type === 'Progressing')
    expect(progressing).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded' })
    expect(progressing?.message).toMatch(/^ReplicaSet "web-\w+" has timed out progressing\.$/)
  })

  it('is deterministic: the same seed gives the same names, and a restored checkpoint replays the same', () => {
    const names = (seed: number) => {
      const c = new TestCluster({ seed })
      c.apply(webYaml())
      settle(c)
      c.apply(webYaml({ image: 'nginx:1.26' }))
      settle(c)
      return c.pods().map((p) => p.metadata.name)
    }
    expect(names(3)).toEqual(names(3))
    expect(names(3)).not.toEqual(names(4))

    const c = new TestCluster({ seed: 8 })
    c.apply(webYaml())
    c.run(2_000)
    const cp = c.sim.checkpoint()
    c.run(60_000)
    const straight = JSON.stringify(c.api.list('Pod'))
    c.sim.restore(cp)
    c.run(60_000)
    expect(JSON.stringify(c.api.list('Pod'))).toBe(straight)
  })
})
