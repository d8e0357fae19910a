// Unit tests of the pure helpers ported from stateful_set_utils.go.
import { describe, expect, test } from 'vitest'
import type { Pod, StatefulSet } from '../../model'
import { EPOCH_MS, timestamp } from '../../runtime/time'
import {
  getEndOrdinal,
  getOrdinal,
  getParentNameAndOrdinal,
  getPersistentVolumeClaimName,
  getPersistentVolumeClaims,
  getPodName,
  getStartOrdinal,
  identityMatches,
  isHealthy,
  isMemberOf,
  isRunningAndAvailable,
  isRunningAndReady,
  newStatefulSetPod,
  storageMatches,
} from './utils'

function set(spec: Partial<StatefulSet['spec']> = {}): StatefulSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: {
      name: 'web',
      namespace: 'default',
      uid: 'set-uid',
      resourceVersion: '1',
      creationTimestamp: timestamp(0),
    },
    spec: {
      replicas: 3,
      serviceName: 'nginx',
      selector: { matchLabels: { app: 'nginx' } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.7' }] },
      },
      volumeClaimTemplates: [
        {
          metadata: { name: 'www' },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
        },
      ],
      ...spec,
    },
  } as StatefulSet
}

function named(name: string): Pick<Pod, 'metadata'> {
  return { metadata: { name } } as Pick<Pod, 'metadata'>
}

/** A pod of `set` at `ordinal`, Running, Ready since `readySinceMs` (simulated ms). */
function runningPod(s: StatefulSet, ordinal: number, readySinceMs = 0): Pod {
  const pod = newStatefulSetPod(s, s, ordinal, 'web-rev')
  return {
    ...pod,
    metadata: { ...pod.metadata, uid: `uid-${ordinal}` },
    status: {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: timestamp(readySinceMs) }],
    },
  }
}

describe('names and ordinals (§2.1, §2.4, §9.1)', () => {
  test('getParentNameAndOrdinal splits at the last dash followed by digits', () => {
    expect(getParentNameAndOrdinal(named('web-0'))).toEqual({ parent: 'web', ordinal: 0 })
    expect(getParentNameAndOrdinal(named('my-web-12'))).toEqual({ parent: 'my-web', ordinal: 12 })
  })

  test('getOrdinal returns -1 for a pod name without a numeric suffix', () => {
    expect(getOrdinal(named('web'))).toBe(-1)
    expect(getOrdinal(named('web-x'))).toBe(-1)
    expect(getOrdinal(named('web-1a'))).toBe(-1)
  })

  test('isMemberOf needs the parent part to be exactly the set’s name', () => {
    const s = set()
    expect(isMemberOf(s, named('web-3') as Pod)).toBe(true)
    expect(isMemberOf(s, named('webserver-3') as Pod)).toBe(false)
    expect(isMemberOf(s, named('web-web-3') as Pod)).toBe(false)
  })

  test('pod and claim names are <set>-<n> and <template>-<set>-<n>', () => {
    expect(getPodName(set(), 7)).toBe('web-7')
    expect(getPersistentVolumeClaimName(set(), 'www', 7)).toBe('www-web-7')
  })

  test('the ordinal range starts at ordinals.start and spans replicas (§2.2)', () => {
    expect([getStartOrdinal(set()), getEndOrdinal(set())]).toEqual([0, 2])
    expect([
      getStartOrdinal(set({ ordinals: { start: 5 } })),
      getEndOrdinal(set({ ordinals: { start: 5 } })),
    ]).toEqual([5, 7])
    expect(getEndOrdinal(set({ replicas: 0 }))).toBe(-1)
  })
})

describe('newStatefulSetPod (§2.5–§2.8)', () => {
  test('sets name, identity labels, hostname, subdomain and the controller reference', () => {
    const pod = newStatefulSetPod(set(), set(), 2, 'web-abc')
    expect(pod.metadata.name).toBe('web-2')
    expect(pod.metadata.labels).toEqual({
      app: 'nginx',
      'statefulset.kubernetes.io/pod-name': 'web-2',
      'apps.kubernetes.io/pod-index': '2',
      'controller-revision-hash': 'web-abc',
    })
    expect(pod.spec.hostname).toBe('web-2')
    expect(pod.spec.subdomain).toBe('nginx')
    expect(pod.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        name: 'web',
        uid: 'set-uid',
        controller: true,
        blockOwnerDeletion: true,
      },
    ])
  })

  test('a template volume named like a claim template is replaced; other template volumes are kept (§2.8)', () => {
    const s = set()
    const withVolumes = set({
      template: {
        ...s.spec.template,
        spec: {
          ...s.spec.template.spec,
          volumes: [
            { name: 'www', emptyDir: {} },
            { name: 'config', emptyDir: {} },
          ],
        },
      },
    })
    const pod = newStatefulSetPod(withVolumes, withVolumes, 1, 'web-abc')
    expect(pod.spec.volumes).toEqual([
      { name: 'www', persistentVolumeClaim: { claimName: 'www-web-1' } },
      { name: 'config', emptyDir: {} },
    ])
  })

  test('a set without claim templates gives pods no volumes', () => {
    const pod = newStatefulSetPod(set({ volumeClaimTemplates: undefined }), set(), 0, 'web-abc')
    expect(pod.spec.volumes).toBeUndefined()
  })

  test('a fresh pod has the identity and storage the controller checks for', () => {
    const s = set()
    const pod = newStatefulSetPod(s, s, 1, 'web-abc')
    expect(identityMatches(s, pod)).toBe(true)
    expect(storageMatches(s, pod)).toBe(true)
    const relabelled = {
      ...pod,
      metadata: { ...pod.metadata, labels: { ...pod.metadata.labels, 'apps.kubernetes.io/pod-index': '9' } },
    }
    expect(identityMatches(s, relabelled)).toBe(false)
    expect(storageMatches(s, { ...pod, spec: { ...pod.spec, volumes: [] } })).toBe(false)
  })
})

describe('getPersistentVolumeClaims (§9.2, §9.3)', () => {
  test('claim labels are the template’s labels overlaid with the selector’s', () => {
    const s = set({
      volumeClaimTemplates: [
        {
          metadata: { name: 'www', labels: { app: 'other', tier: 'storage' } },
          spec: { resources: { requests: { storage: '1Gi' } } },
        },
      ],
    })
    const claim = getPersistentVolumeClaims(s, 4).get('www')!
    expect(claim.metadata).toMatchObject({
      name: 'www-web-4',
      namespace: 'default',
      labels: { app: 'nginx', tier: 'storage' },
    })
    expect(claim.spec).toEqual({ resources: { requests: { storage: '1Gi' } } })
  })

  test('without template labels a claim carries exactly the selector labels, and no pod labels', () => {
    const claim = getPersistentVolumeClaims(set(), 0).get('www')!
    expect(claim.metadata.labels).toEqual({ app: 'nginx' })
  })
})

describe('pod state predicates (§4.3, §6.3, §6.4)', () => {
  test('isRunningAndReady needs phase Running and Ready=True', () => {
    const s = set()
    const pod = runningPod(s, 0)
    expect(isRunningAndReady(pod)).toBe(true)
    expect(isRunningAndReady({ ...pod, status: { ...pod.status, phase: 'Pending' } })).toBe(false)
    expect(
      isRunningAndReady({
        ...pod,
        status: { ...pod.status, conditions: [{ type: 'Ready', status: 'False' }] },
      }),
    ).toBe(false)
  })

  test('isRunningAndAvailable waits minReadySeconds after the Ready transition', () => {
    const pod = runningPod(set(), 0, 10_000)
    expect(isRunningAndAvailable(pod, 0, 10_000)).toBe(true)
    expect(isRunningAndAvailable(pod, 5, 14_000)).toBe(false)
    expect(isRunningAndAvailable(pod, 5, 16_000)).toBe(true)
  })

  test('a terminating pod is not healthy even while Ready; a missing pod is not healthy', () => {
    const pod = runningPod(set(), 0)
    expect(isHealthy(pod)).toBe(true)
    expect(
      isHealthy({
        ...pod,
        metadata: { ...pod.metadata, deletionTimestamp: new Date(EPOCH_MS).toISOString() },
      }),
    ).toBe(false)
    expect(isHealthy(undefined)).toBe(false)
  })
})
