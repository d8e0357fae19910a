import { describe, expect, it } from 'vitest'
import type {
  Namespace,
  ObjectMeta,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  Service,
  StatefulSet,
  StatefulSetSpec,
  StorageClass,
} from '../model'
import { applyDefaults } from './defaults'

const meta = (name: string) => ({ name, namespace: 'default' }) as ObjectMeta

function sts(spec: Partial<StatefulSetSpec> = {}): StatefulSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: meta('web'),
    spec: {
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

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    Object.values(o).forEach(deepFreeze)
    Object.freeze(o)
  }
  return o
}

describe('StatefulSet defaulting (statefulset-behaviour.md §1)', () => {
  const d = applyDefaults(sts()).spec

  it('defaults podManagementPolicy, replicas, revisionHistoryLimit and the retention policy', () => {
    expect(d.podManagementPolicy).toBe('OrderedReady')
    expect(d.replicas).toBe(1)
    expect(d.revisionHistoryLimit).toBe(10)
    expect(d.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: 'Retain', whenScaled: 'Retain' })
  })

  it('writes rollingUpdate with partition 0 when the strategy type was empty', () => {
    expect(d.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { partition: 0 } })
  })

  it('leaves rollingUpdate unset when the type was given as RollingUpdate', () => {
    expect(applyDefaults(sts({ updateStrategy: { type: 'RollingUpdate' } })).spec.updateStrategy).toEqual({
      type: 'RollingUpdate',
    })
  })

  it('defaults partition inside a given rollingUpdate and leaves OnDelete alone', () => {
    expect(applyDefaults(sts({ updateStrategy: { rollingUpdate: {} } })).spec.updateStrategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { partition: 0 },
    })
    expect(applyDefaults(sts({ updateStrategy: { type: 'OnDelete' } })).spec.updateStrategy).toEqual({
      type: 'OnDelete',
    })
  })

  it('keeps given values and does not write minReadySeconds 0', () => {
    const given = applyDefaults(sts({ replicas: 0, podManagementPolicy: 'Parallel' })).spec
    expect([given.replicas, given.podManagementPolicy]).toEqual([0, 'Parallel'])
    expect('minReadySeconds' in d).toBe(false)
  })

  it('defaults the pod template spec without the pod-only enableServiceLinks', () => {
    expect(d.template.spec).toMatchObject({
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
      terminationGracePeriodSeconds: 30,
      schedulerName: 'default-scheduler',
      securityContext: {},
    })
    expect(d.template.spec.enableServiceLinks).toBeUndefined()
    expect(d.template.spec.containers[0]).toMatchObject({
      imagePullPolicy: 'IfNotPresent',
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
      resources: {},
    })
  })

  it('gives claim templates their TypeMeta and volumeMode', () => {
    expect(d.volumeClaimTemplates?.[0]).toMatchObject({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      spec: { volumeMode: 'Filesystem' },
    })
  })

  it('never mutates its input', () => {
    const input = deepFreeze(sts())
    expect(() => applyDefaults(input)).not.toThrow()
    expect(input.spec.podManagementPolicy).toBeUndefined()
  })
})

describe('Pod defaulting', () => {
  const pod = (image: string, extra: Partial<Pod['spec']['containers'][0]> = {}) =>
    applyDefaults({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: meta('p'),
      spec: { containers: [{ name: 'c', image, ...extra }] },
    } as Pod)

  it.each([
    ['busybox:1.28', 'IfNotPresent'],
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['localhost:5000/nginx', 'Always'],
    ['nginx@sha256:abc', 'IfNotPresent'],
  ])('pulls %s with %s', (image, policy) => {
    expect(pod(image).spec.containers[0]?.imagePullPolicy).toBe(policy)
  })

  it('turns on service links for pods', () => {
    expect(pod('nginx').spec.enableServiceLinks).toBe(true)
  })

  it('defaults port protocols, probes and httpGet', () => {
    const c = pod('nginx', { ports: [{ containerPort: 80 }], readinessProbe: { httpGet: { port: 80 } } }).spec
      .containers[0]
    expect(c?.ports).toEqual([{ containerPort: 80, protocol: 'TCP' }])
    expect(c?.readinessProbe).toEqual({
      httpGet: { port: 80, path: '/', scheme: 'HTTP' },
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    })
  })

  it('requests what a pod limits when no request is given', () => {
    const c = pod('nginx', { resources: { limits: { cpu: '1' }, requests: { memory: '64Mi' } } }).spec
      .containers[0]
    expect(c?.resources).toEqual({ limits: { cpu: '1' }, requests: { cpu: '1', memory: '64Mi' } })
  })

  it('gives a volume without a source an emptyDir', () => {
    const p = applyDefaults({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: meta('p'),
      spec: { containers: [], volumes: [{ name: 'tmp' }] },
    } as unknown as Pod)
    expect(p.spec.volumes).toEqual([{ name: 'tmp', emptyDir: {} }])
  })
})

describe('Service defaulting', () => {
  const svc = (spec: Service['spec']) =>
    applyDefaults({ apiVersion: 'v1', kind: 'Service', metadata: meta('nginx'), spec } as Service).spec

  it('defaults a headless Service as the API server stores it (F126)', () => {
    expect(
      svc({ clusterIP: 'None', selector: { app: 'nginx' }, ports: [{ port: 80, name: 'web' }] }),
    ).toEqual({
      clusterIP: 'None',
      clusterIPs: ['None'],
      selector: { app: 'nginx' },
      ports: [{ port: 80, name: 'web', protocol: 'TCP', targetPort: 80 }],
      type: 'ClusterIP',
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
      ipFamilyPolicy: 'SingleStack',
      ipFamilies: ['IPv4'],
    })
  })

  it('makes a selectorless headless Service RequireDualStack', () => {
    expect(svc({ clusterIP: 'None' }).ipFamilyPolicy).toBe('RequireDualStack')
  })

  it('keeps a named targetPort', () => {
    expect(svc({ ports: [{ port: 80, targetPort: 'web' }] }).ports?.[0]?.targetPort).toBe('web')
  })
})

describe('storage and namespace defaulting', () => {
  it('gives a claim volumeMode Filesystem and phase Pending', () => {
    const pvc = applyDefaults({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: meta('c'),
      spec: {},
    } as PersistentVolumeClaim)
    expect(pvc.spec.volumeMode).toBe('Filesystem')
    expect(pvc.status).toEqual({ phase: 'Pending' })
  })

  it('gives a volume Retain and Filesystem', () => {
    const pv = applyDefaults({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: meta('v'),
      spec: {},
    } as PersistentVolume)
    expect([pv.spec.persistentVolumeReclaimPolicy, pv.spec.volumeMode, pv.status.phase]).toEqual([
      'Retain',
      'Filesystem',
      'Pending',
    ])
  })

  it('gives a class Delete and Immediate', () => {
    const sc = applyDefaults({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: meta('s'),
      provisioner: 'x',
    } as StorageClass)
    expect([sc.reclaimPolicy, sc.volumeBindingMode]).toEqual(['Delete', 'Immediate'])
  })

  it('labels a namespace with its name and marks it Active', () => {
    const ns = applyDefaults({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'team-a' } as ObjectMeta,
    } as Namespace)
    expect(ns.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'team-a' })
    expect(ns.status?.phase).toBe('Active')
  })

  it('returns kinds without defaults unchanged, without copying them', () => {
    const ev = { apiVersion: 'v1', kind: 'Event', metadata: meta('e') }
    const out = applyDefaults(ev)
    expect(out).toBe(ev)
  })

  it('returns a defaulted copy, never the object it was given', () => {
    const pvc = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: meta('c'), spec: {} }
    const out = applyDefaults(pvc)
    expect(out).not.toBe(pvc)
    expect(pvc.spec).toEqual({})
  })
})
