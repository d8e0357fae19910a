// Scenario tests of the StatefulSet controller on the headless TestCluster: pod identity (§2),
// API defaults (§1), status (§6) and the events the controller and the kubelet record (§9.5).
import { describe, expect, test } from 'vitest'
import type { ControllerRevision, Event, Pod, StatefulSet, StatefulSetSpec } from '../../model'
import { TestCluster, WEB_YAML } from '../../testing/testCluster'

/** WEB_YAML with `replicas` and extra spec lines (two-space indented under `spec:`). */
function webYaml(opts: { replicas?: number; spec?: string[] } = {}): string {
  const spec = [`  replicas: ${opts.replicas ?? 2}`, ...(opts.spec ?? []).map((l) => `  ${l}`)].join('\n')
  return WEB_YAML.replace('  replicas: 2', spec)
}

function statefulSet(cluster: TestCluster, name = 'web'): StatefulSet {
  return cluster.api.get<StatefulSet>('StatefulSet', 'default', name)
}

function scale(cluster: TestCluster, replicas: number): void {
  const set = statefulSet(cluster)
  cluster.api.update<StatefulSet>({ ...set, spec: { ...set.spec, replicas } })
}

function runningWeb(replicas: number, spec: string[] = []): TestCluster {
  const cluster = new TestCluster()
  cluster.apply(webYaml({ replicas, spec }))
  cluster.runUntil(() => cluster.readyPods().length === replicas)
  cluster.run(1000)
  return cluster
}

/** A minimal StatefulSet with no pod storage, `spec` merged over it. */
function bareSet(name: string, spec: Partial<StatefulSetSpec> = {}): StatefulSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name, namespace: 'default' },
    spec: {
      serviceName: 'nginx',
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.7' }] },
      },
      ...spec,
    },
  } as StatefulSet
}

/** `type reason message` of the events about one object (by uid), oldest first. */
function eventsAbout(cluster: TestCluster, uid: string): Event[] {
  return cluster
    .events()
    .filter((e) => e.involvedObject.uid === uid)
    .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
}

describe('pod identity (§2)', () => {
  test('pods are named <set>-<ordinal> and carry the pod-name, pod-index and revision labels (§2.1, §2.5)', () => {
    const cluster = runningWeb(2)
    const set = statefulSet(cluster)
    expect(cluster.pods().map((p) => p.metadata.name)).toEqual(['web-0', 'web-1'])
    for (const [i, pod] of cluster.pods().entries()) {
      expect(pod.metadata.labels).toEqual({
        app: 'nginx',
        'statefulset.kubernetes.io/pod-name': `web-${i}`,
        'apps.kubernetes.io/pod-index': String(i),
        'controller-revision-hash': set.status!.updateRevision,
      })
    }
    expect(cluster.violations).toEqual([])
  })

  test('controller-revision-hash is the whole name of a ControllerRevision the set owns (§2.5, §7.3)', () => {
    const cluster = runningWeb(1)
    const hash = cluster.pod('web-0')!.metadata.labels!['controller-revision-hash']!
    expect(hash).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]+$/)

    const revision = cluster.api.get<ControllerRevision>('ControllerRevision', 'default', hash)
    expect(revision.revision).toBe(1)
    expect(revision.metadata.labels).toEqual({
      app: 'nginx',
      'controller.kubernetes.io/hash': hash.slice('web-'.length),
    })
    expect(revision.metadata.ownerReferences).toEqual([
      expect.objectContaining({
        kind: 'StatefulSet',
        name: 'web',
        uid: statefulSet(cluster).metadata.uid,
        controller: true,
      }),
    ])
    expect(cluster.violations).toEqual([])
  })

  test('each pod has hostname = its name and subdomain = serviceName (§2.6)', () => {
    const cluster = runningWeb(2)
    for (const pod of cluster.pods()) {
      expect(pod.spec.hostname).toBe(pod.metadata.name)
      expect(pod.spec.subdomain).toBe('nginx')
    }
    expect(cluster.violations).toEqual([])
  })

  test('each pod has exactly one controller ownerReference to the set, blocking owner deletion (§2.7)', () => {
    const cluster = runningWeb(2)
    const set = statefulSet(cluster)
    for (const pod of cluster.pods()) {
      expect(pod.metadata.ownerReferences).toEqual([
        {
          apiVersion: 'apps/v1',
          kind: 'StatefulSet',
          name: 'web',
          uid: set.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ])
    }
    expect(cluster.violations).toEqual([])
  })

  test('the claim template www becomes a volume www with claimName www-web-N (§2.8)', () => {
    const cluster = runningWeb(2)
    for (const [i, pod] of cluster.pods().entries()) {
      expect(pod.spec.volumes).toEqual([
        { name: 'www', persistentVolumeClaim: { claimName: `www-web-${i}` } },
      ])
    }
    expect(cluster.violations).toEqual([])
  })

  test('ordinals.start: 5 with 3 replicas gives web-5, web-6 and web-7 with matching index labels and claims (§2.2)', () => {
    const cluster = runningWeb(3, ['ordinals:', '  start: 5'])
    expect(cluster.pods().map((p) => p.metadata.name)).toEqual(['web-5', 'web-6', 'web-7'])
    expect(cluster.pods().map((p) => p.metadata.labels!['apps.kubernetes.io/pod-index'])).toEqual([
      '5',
      '6',
      '7',
    ])
    expect(cluster.api.list('PersistentVolumeClaim', 'default').map((c) => c.metadata.name)).toEqual([
      'www-web-5',
      'www-web-6',
      'www-web-7',
    ])
    expect(cluster.violations).toEqual([])
  })
})

describe('defaults read back from the API server (§1)', () => {
  test('an empty updateStrategy reads back as RollingUpdate with partition 0, plus the other defaults (§1.1–§1.7)', () => {
    const cluster = new TestCluster()
    const stored = cluster.api.create<StatefulSet>(bareSet('db'))
    expect(stored.spec).toMatchObject({
      replicas: 1,
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      revisionHistoryLimit: 10,
    })
    // minReadySeconds 0 is omitted (omitempty); ordinals stays unset; maxUnavailable needs its gate (§1.4).
    expect(stored.spec.minReadySeconds).toBeUndefined()
    expect(stored.spec.ordinals).toBeUndefined()
    expect(stored.spec.updateStrategy?.rollingUpdate?.maxUnavailable).toBeUndefined()
    expect(stored.metadata.generation).toBe(1)
    expect(cluster.violations).toEqual([])
  })

  test('type: RollingUpdate written without rollingUpdate stays without it (§1.2)', () => {
    const cluster = new TestCluster()
    const stored = cluster.api.create<StatefulSet>(
      bareSet('db', { updateStrategy: { type: 'RollingUpdate' } }),
    )
    expect(stored.spec.updateStrategy).toEqual({ type: 'RollingUpdate' })
    expect(cluster.violations).toEqual([])
  })

  test('type: OnDelete gets no rollingUpdate block (§1.2)', () => {
    const cluster = new TestCluster()
    const stored = cluster.api.create<StatefulSet>(bareSet('db', { updateStrategy: { type: 'OnDelete' } }))
    expect(stored.spec.updateStrategy).toEqual({ type: 'OnDelete' })
    expect(cluster.violations).toEqual([])
  })

  test('a rollingUpdate block without a type gets type RollingUpdate and keeps its partition (§1.2, §1.3)', () => {
    const cluster = new TestCluster()
    const stored = cluster.api.create<StatefulSet>(
      bareSet('db', { replicas: 3, updateStrategy: { rollingUpdate: { partition: 2 } } }),
    )
    expect(stored.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { partition: 2 } })
    expect(cluster.violations).toEqual([])
  })

  test('a set written without replicas runs exactly one pod (§1.6)', () => {
    const cluster = new TestCluster()
    cluster.api.create<StatefulSet>(bareSet('db'))
    cluster.runUntil(() => cluster.readyPods().length === 1)
    cluster.run(20_000)
    expect(cluster.pods().map((p) => p.metadata.name)).toEqual(['db-0'])
    expect(statefulSet(cluster, 'db').status).toMatchObject({ replicas: 1, readyReplicas: 1 })
    expect(cluster.violations).toEqual([])
  })
})

describe('status (§6)', () => {
  test('once created, every count equals spec.replicas and currentRevision equals updateRevision (§6.1–§6.6)', () => {
    const cluster = runningWeb(3)
    const set = statefulSet(cluster)
    const revision = cluster.pod('web-0')!.metadata.labels!['controller-revision-hash']
    expect(set.status).toEqual({
      observedGeneration: 1,
      replicas: 3,
      readyReplicas: 3,
      currentReplicas: 3,
      updatedReplicas: 3,
      availableReplicas: 3,
      currentRevision: revision,
      updateRevision: revision,
      collisionCount: 0,
    })
    expect(cluster.violations).toEqual([])
  })

  test('with minReadySeconds, availableReplicas lags readyReplicas by that long (§6.4)', () => {
    const cluster = new TestCluster()
    const seen: { t: number; ready: number; available: number }[] = []
    cluster.sim.ctx.store.watch((e) => {
      if (e.object.kind !== 'StatefulSet') return
      const s = (e.object as StatefulSet).status
      if (s) seen.push({ t: cluster.sim.now, ready: s.readyReplicas ?? 0, available: s.availableReplicas })
    })
    cluster.apply(webYaml({ replicas: 1, spec: ['minReadySeconds: 10'] }))
    cluster.runUntil(() => statefulSet(cluster).status?.availableReplicas === 1, 60_000)

    const readyAt = seen.find((s) => s.ready === 1)!
    const availableAt = seen.find((s) => s.available === 1)!
    expect(readyAt.available).toBe(0)
    // Ready times have one-second resolution, so the wait is between 9 and 11 seconds.
    expect(availableAt.t - readyAt.t).toBeGreaterThanOrEqual(9000)
    expect(availableAt.t - readyAt.t).toBeLessThanOrEqual(11_000)
    expect(cluster.violations).toEqual([])
  })

  test('scaling bumps metadata.generation and the controller reports it as observedGeneration (§6.1)', () => {
    const cluster = runningWeb(2)
    expect(statefulSet(cluster).metadata.generation).toBe(1)

    scale(cluster, 3)
    expect(statefulSet(cluster).metadata.generation).toBe(2)
    cluster.runUntil(() => statefulSet(cluster).status?.readyReplicas === 3)
    expect(statefulSet(cluster).status?.observedGeneration).toBe(2)

    scale(cluster, 1)
    expect(statefulSet(cluster).metadata.generation).toBe(3)
    cluster.runUntil(() => cluster.pods().length === 1)
    cluster.run(1000)
    expect(statefulSet(cluster).status).toMatchObject({
      observedGeneration: 3,
      replicas: 1,
      readyReplicas: 1,
    })
    expect(cluster.violations).toEqual([])
  })

  test('status writes do not bump metadata.generation (§6.1)', () => {
    const cluster = runningWeb(2)
    // Every pod start rewrote the status; the spec was written once.
    expect(statefulSet(cluster).metadata.generation).toBe(1)
    expect(cluster.violations).toEqual([])
  })

  test('status.replicas counts a pod that is terminating for a scale-down; currentReplicas does not (§6.2, §6.5)', () => {
    const cluster = runningWeb(3)
    const statuses: { terminating: boolean; replicas: number; current: number }[] = []
    cluster.sim.ctx.store.watch((e) => {
      if (e.object.kind !== 'StatefulSet' || e.type !== 'MODIFIED') return
      const s = (e.object as StatefulSet).status!
      statuses.push({
        terminating: !!cluster.pod('web-2')?.metadata.deletionTimestamp,
        replicas: s.replicas,
        current: s.currentReplicas ?? 0,
      })
    })
    scale(cluster, 2)
    cluster.runUntil(() => !cluster.pod('web-2'))
    cluster.run(1000)

    expect(statuses.filter((s) => s.terminating)).toContainEqual({
      terminating: true,
      replicas: 3,
      current: 2,
    })
    expect(statefulSet(cluster).status).toMatchObject({ replicas: 2, currentReplicas: 2 })
    expect(cluster.violations).toEqual([])
  })
})

describe('events (§9.5)', () => {
  test('the set records SuccessfulCreate for each claim then its pod, and SuccessfulDelete on scale-down, in the controller’s words', () => {
    const cluster = runningWeb(2)
    scale(cluster, 1)
    cluster.runUntil(() => cluster.pods().length === 1)

    expect(cluster.eventMessages('web')).toEqual([
      'Normal SuccessfulCreate create Claim www-web-0 Pod web-0 in StatefulSet web success',
      'Normal SuccessfulCreate create Pod web-0 in StatefulSet web successful',
      'Normal SuccessfulCreate create Claim www-web-1 Pod web-1 in StatefulSet web success',
      'Normal SuccessfulCreate create Pod web-1 in StatefulSet web successful',
      'Normal SuccessfulDelete delete Pod web-1 in StatefulSet web successful',
    ])
    const sources = cluster
      .events()
      .filter((e) => e.involvedObject.kind === 'StatefulSet')
      .map((e) => e.source.component)
    expect(new Set(sources)).toEqual(new Set(['statefulset-controller']))
    expect(cluster.violations).toEqual([])
  })

  test('web-0 gets Scheduled, Pulling, Pulled, Created, Started and, when deleted, Killing, in that order', () => {
    const cluster = runningWeb(2)
    const pod = cluster.pod('web-0')!
    cluster.api.delete('Pod', 'default', 'web-0')
    cluster.runUntil(() => cluster.pod('web-0')?.metadata.uid !== pod.metadata.uid)

    const events = eventsAbout(cluster, pod.metadata.uid)
    expect(events.map((e) => e.reason)).toEqual([
      'Scheduled',
      'Pulling',
      'Pulled',
      'Created',
      'Started',
      'Killing',
    ])
    expect(events.map((e) => e.source.component)).toEqual([
      'default-scheduler',
      'kubelet',
      'kubelet',
      'kubelet',
      'kubelet',
      'kubelet',
    ])
    expect(events.every((e) => e.type === 'Normal')).toBe(true)
    const image = 'registry.k8s.io/nginx-slim:0.7'
    const messages = events.map((e) => e.message)
    expect(messages[0]).toBe(`Successfully assigned default/web-0 to ${pod.spec.nodeName}`)
    expect(messages[1]).toBe(`Pulling image "${image}"`)
    expect(messages[2]).toMatch(
      /^Successfully pulled image "registry\.k8s\.io\/nginx-slim:0\.7" in [\d.]+m?s \([\d.]+m?s including waiting\)\. Image size: \d+ bytes\.$/,
    )
    expect(messages.slice(3)).toEqual([
      'Created container: nginx',
      'Started container nginx',
      'Stopping container nginx',
    ])
    expect(cluster.violations).toEqual([])
  })

  test('a pod recreated on a node that has the image says it is already present', () => {
    const cluster = runningWeb(2)
    const old = cluster.pod('web-0')!
    cluster.api.delete('Pod', 'default', 'web-0')
    cluster.runUntil(() => {
      const p = cluster.pod('web-0')
      return !!p && p.metadata.uid !== old.metadata.uid && p.status.phase === 'Running'
    })
    const fresh: Pod = cluster.pod('web-0')!
    expect(fresh.spec.nodeName).toBe(old.spec.nodeName)
    expect(eventsAbout(cluster, fresh.metadata.uid).map((e) => `${e.reason} ${e.message}`)).toEqual([
      `Scheduled Successfully assigned default/web-0 to ${old.spec.nodeName}`,
      'Pulled Container image "registry.k8s.io/nginx-slim:0.7" already present on machine',
      'Created Created container: nginx',
      'Started Started container nginx',
    ])
    expect(cluster.violations).toEqual([])
  })
})
