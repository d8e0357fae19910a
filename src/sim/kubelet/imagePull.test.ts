// Images a registry does not have: ErrImagePull and ImagePullBackOff with the kubelet's texts, the
// image pull back-off, and the StatefulSet rollout that stops behind such a pod (§8.7).
import { describe, expect, test } from 'vitest'
import type { Event, Pod, PodSpec, StatefulSet } from '../model'
import { TestCluster, WEB_YAML } from '../testing/testCluster'
import { imagePullError } from './images'

function createPod(cluster: TestCluster, name: string, image: string, spec: Partial<PodSpec> = {}): Pod {
  return cluster.api.create<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { containers: [{ name: 'c', image }], ...spec },
  } as Pod)
}

const waiting = (c: TestCluster, name: string) => c.pod(name)?.status.containerStatuses?.[0]?.state.waiting

/** Simulated ms at which each event with `reason` was recorded (every repeat counts). */
function eventTimes(cluster: TestCluster, pod: string, message: (e: Event) => boolean): number[] {
  const times: number[] = []
  cluster.sim.ctx.store.watch((e) => {
    const ev = e.object as Event
    if (e.object.kind === 'Event' && ev.involvedObject.name === pod && message(ev))
      times.push(cluster.sim.now)
  })
  return times
}

const NOT_FOUND =
  'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:does-not-exist": failed to resolve reference "docker.io/library/nginx:does-not-exist": docker.io/library/nginx:does-not-exist: not found'

describe('an image the registry does not have', () => {
  test('the container waits in ErrImagePull, then ImagePullBackOff, with the kubelet’s events', () => {
    const cluster = new TestCluster()
    createPod(cluster, 'bad', 'nginx:does-not-exist')
    cluster.runUntil(() => waiting(cluster, 'bad')?.reason === 'ErrImagePull', 30_000)
    expect(waiting(cluster, 'bad')).toEqual({ reason: 'ErrImagePull', message: NOT_FOUND })
    cluster.runUntil(() => waiting(cluster, 'bad')?.reason === 'ImagePullBackOff', 30_000)
    expect(waiting(cluster, 'bad')).toEqual({
      reason: 'ImagePullBackOff',
      message: `Back-off pulling image "nginx:does-not-exist": ErrImagePull: ${NOT_FOUND}`,
    })

    expect(cluster.eventMessages('bad').slice(1)).toEqual([
      'Normal Pulling Pulling image "nginx:does-not-exist"',
      `Warning Failed Failed to pull image "nginx:does-not-exist": ${NOT_FOUND}`,
      'Warning Failed Error: ErrImagePull',
      'Normal BackOff Back-off pulling image "nginx:does-not-exist"',
      'Warning Failed Error: ImagePullBackOff',
    ])
    const pod = cluster.pod('bad')!
    expect(pod.status.phase).toBe('Pending')
    // The sandbox is up: the pod has an IP although no container runs.
    expect(pod.status.podIP).toMatch(/^10\.244\./)
    expect(cluster.violations).toEqual([])
  })

  test('pulls are retried after a back-off of 10 s doubling to 5 minutes (plus the kubelet’s 1 s resync)', () => {
    const cluster = new TestCluster()
    const pulls = eventTimes(cluster, 'bad', (e) => e.reason === 'Pulling')
    const failures = eventTimes(cluster, 'bad', (e) => e.message.startsWith('Failed to pull image'))
    createPod(cluster, 'bad', 'nginx:does-not-exist')
    cluster.run(30 * 60_000)

    const gaps = failures.slice(0, 8).map((f, i) => Math.round((pulls[i + 1]! - f) / 1000))
    expect(gaps).toEqual([11, 21, 41, 81, 161, 301, 301, 301])
    expect(cluster.violations).toEqual([])
  })

  test('with imagePullPolicy Never an absent image is ErrImageNeverPull', () => {
    const cluster = new TestCluster()
    createPod(cluster, 'never', 'registry.k8s.io/nginx-slim:0.7', {
      containers: [{ name: 'c', image: 'registry.k8s.io/nginx-slim:0.7', imagePullPolicy: 'Never' }],
    })
    cluster.run(5000)
    expect(waiting(cluster, 'never')).toEqual({
      reason: 'ErrImageNeverPull',
      message: 'Container image "registry.k8s.io/nginx-slim:0.7" is not present with pull policy of Never',
    })
    expect(cluster.eventMessages('never')).toContain(
      'Warning ErrImageNeverPull Container image "registry.k8s.io/nginx-slim:0.7" is not present with pull policy of Never',
    )
    expect(cluster.violations).toEqual([])
  })

  test('a pod whose image never arrived is deleted at once: no container to stop', () => {
    const cluster = new TestCluster()
    createPod(cluster, 'bad', 'nginx:does-not-exist')
    cluster.run(15_000)
    const t = cluster.sim.now
    cluster.api.delete('Pod', 'default', 'bad')
    cluster.runUntil(() => !cluster.pod('bad'), 60_000)
    expect(cluster.sim.now - t).toBeLessThan(1000)
    expect(cluster.violations).toEqual([])
  })
})

describe('imagePullError', () => {
  test('catalogue repositories have their published tags only', () => {
    expect(imagePullError('registry.k8s.io/nginx-slim:0.7')).toBeUndefined()
    expect(imagePullError('registry.k8s.io/nginx-slim:0.24')).toBeUndefined()
    expect(imagePullError('registry.k8s.io/nginx-slim:0.99')).toBe(
      'rpc error: code = NotFound desc = failed to pull and unpack image "registry.k8s.io/nginx-slim:0.99": failed to resolve reference "registry.k8s.io/nginx-slim:0.99": registry.k8s.io/nginx-slim:0.99: not found',
    )
    expect(imagePullError('nginx')).toBeUndefined()
    expect(imagePullError('nginx:1.27-alpine')).toBeUndefined()
    expect(imagePullError('nginx:1.99')).toBeDefined()
    expect(imagePullError('busybox:1.28')).toBeUndefined()
    expect(imagePullError('docker.io/library/busybox:latest')).toBeUndefined()
  })

  test('marker words make any image missing; other repositories pull', () => {
    expect(imagePullError('example.com/app:nonexistent')).toContain(': not found')
    expect(imagePullError('example/does-not-exist:1.0')).toBe(
      'rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/example/does-not-exist:1.0": failed to resolve reference "docker.io/example/does-not-exist:1.0": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    )
    expect(imagePullError('example.com/team/app:2.3')).toBeUndefined()
    expect(imagePullError('nginx@sha256:0123')).toBeUndefined()
  })
})

describe('a StatefulSet rollout to a missing image (§8.7)', () => {
  function setImage(cluster: TestCluster, image: string): void {
    const set = cluster.api.get<StatefulSet>('StatefulSet', 'default', 'web')
    const containers = set.spec.template.spec.containers.map((c) => ({ ...c, image }))
    const template = { ...set.spec.template, spec: { ...set.spec.template.spec, containers } }
    cluster.api.update<StatefulSet>({ ...set, spec: { ...set.spec, template } })
  }
  const images = (c: TestCluster) => c.pods().map((p) => `${p.metadata.name} ${p.spec.containers[0]!.image}`)

  test('stops behind the pod that never becomes Ready, and goes on once the template is fixed and that pod deleted', () => {
    const cluster = new TestCluster()
    cluster.apply(WEB_YAML.replace('replicas: 2', 'replicas: 3'))
    cluster.runUntil(() => cluster.readyPods().length === 3)
    setImage(cluster, 'registry.k8s.io/nginx-slim:0.99')
    cluster.run(5 * 60_000)
    expect(images(cluster)).toEqual([
      'web-0 registry.k8s.io/nginx-slim:0.7',
      'web-1 registry.k8s.io/nginx-slim:0.7',
      'web-2 registry.k8s.io/nginx-slim:0.99',
    ])
    expect(waiting(cluster, 'web-2')?.reason).toMatch(/^(ErrImagePull|ImagePullBackOff)$/)

    setImage(cluster, 'registry.k8s.io/nginx-slim:0.8')
    cluster.run(2 * 60_000)
    // The controller does not replace a pod that is not Running and Ready.
    expect(images(cluster)[2]).toBe('web-2 registry.k8s.io/nginx-slim:0.99')

    cluster.api.delete('Pod', 'default', 'web-2')
    cluster.runUntil(
      () =>
        cluster.readyPods().length === 3 &&
        images(cluster).every((i) => i.endsWith('0.8')) &&
        cluster.pods().every((p) => !p.metadata.deletionTimestamp),
      5 * 60_000,
    )
    const set = cluster.api.get<StatefulSet>('StatefulSet', 'default', 'web')
    cluster.run(5000)
    expect(cluster.api.get<StatefulSet>('StatefulSet', 'default', 'web').status?.currentRevision).toBe(
      set.status?.updateRevision,
    )
    expect(cluster.violations).toEqual([])
  })
})
