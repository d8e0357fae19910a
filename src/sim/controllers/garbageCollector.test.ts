import { describe, expect, it } from 'vitest'
import type { KubeObject, OwnerReference, PersistentVolumeClaim, Pod, Service, StatefulSet } from '../model'
import { Simulation } from '../simulation'
import { controllerComponent } from '../components'
import { GarbageCollector } from './garbageCollector'

function cluster(): Simulation {
  return new Simulation({ components: (ctx) => [controllerComponent(new GarbageCollector(ctx))] })
}

function createSet(s: Simulation, name = 'web'): StatefulSet {
  return s.ctx.api.create<StatefulSet>({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas: 2,
      serviceName: 'nginx',
      selector: { matchLabels: { app: 'nginx' } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.7' }] },
      },
    },
  })
}

function createService(s: Simulation): Service {
  return s.ctx.api.create<Service>({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'nginx', namespace: 'default' },
    spec: { clusterIP: 'None', selector: { app: 'nginx' }, ports: [{ port: 80 }] },
  })
}

function ownerRef(owner: KubeObject, blockOwnerDeletion = true): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion,
  }
}

/** A pod owned by `owners`; `scheduled` pods are deleted gracefully (their kubelet would finish them). */
function createPod(s: Simulation, name: string, owners: OwnerReference[], scheduled = true): Pod {
  return s.ctx.api.create<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { app: 'nginx' }, ownerReferences: owners },
    spec: {
      containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.7' }],
      ...(scheduled ? { nodeName: 'node-1' } : {}),
    },
    status: { phase: 'Running' },
  })
}

function podOf(s: Simulation, name: string): Pod | undefined {
  return s.ctx.api.tryGet<Pod>('Pod', 'default', name)
}

function setOf(s: Simulation, name = 'web'): StatefulSet | undefined {
  return s.ctx.api.tryGet<StatefulSet>('StatefulSet', 'default', name)
}

/** What the kubelet does at the end of a graceful deletion. */
function finishPod(s: Simulation, name: string): void {
  s.ctx.api.delete('Pod', 'default', name, { gracePeriodSeconds: 0 })
}

describe('background deletion', () => {
  it('deletes the dependents of a deleted owner, gracefully for pods on a node', () => {
    const s = cluster()
    const sts = createSet(s)
    createPod(s, 'web-0', [ownerRef(sts)])
    createPod(s, 'web-1', [ownerRef(sts)], false)
    s.advance(100)
    expect(podOf(s, 'web-0')!.metadata.deletionTimestamp).toBeUndefined()

    s.ctx.api.delete('StatefulSet', 'default', 'web')
    expect(setOf(s)).toBeUndefined()
    s.advance(100)
    const terminating = podOf(s, 'web-0')!
    expect(terminating.metadata.deletionTimestamp).toBeDefined()
    expect(terminating.metadata.deletionGracePeriodSeconds).toBe(30)
    expect(podOf(s, 'web-1')).toBeUndefined()
  })

  it('deletes an object created with a reference to an owner that does not exist', () => {
    const s = cluster()
    const ghost: OwnerReference = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      name: 'web',
      uid: 'no-such-uid',
      controller: true,
    }
    createPod(s, 'orphaned', [ghost], false)
    s.advance(100)
    expect(podOf(s, 'orphaned')).toBeUndefined()
  })

  it('matches owners by uid: a re-created owner of the same name does not save the old dependents', () => {
    const s = cluster()
    const old = createSet(s)
    createPod(s, 'web-0', [ownerRef(old)], false)
    s.ctx.api.delete('StatefulSet', 'default', 'web')
    createSet(s)
    s.advance(100)
    expect(setOf(s)).toBeDefined()
    expect(podOf(s, 'web-0')).toBeUndefined()
  })

  it('keeps a dependent while any owner lives, dropping the reference to the one that is gone', () => {
    const s = cluster()
    const sts = createSet(s)
    const svc = createService(s)
    createPod(s, 'shared', [ownerRef(sts), { ...ownerRef(svc), controller: false }], false)
    s.ctx.api.delete('StatefulSet', 'default', 'web')
    s.advance(100)
    expect(podOf(s, 'shared')!.metadata.ownerReferences?.map((r) => r.kind)).toEqual(['Service'])

    s.ctx.api.delete('Service', 'default', 'nginx')
    s.advance(100)
    expect(podOf(s, 'shared')).toBeUndefined()
  })

  it('leaves alone a dependent whose owner is of a kind the server does not know', () => {
    const s = cluster()
    createPod(
      s,
      'custom',
      [{ apiVersion: 'example.com/v1', kind: 'Widget', name: 'w', uid: 'widget-uid' }],
      false,
    )
    s.advance(100)
    expect(podOf(s, 'custom')).toBeDefined()
  })

  it('collects claims owned by a pod once the pod is gone (StatefulSet whenScaled: Delete)', () => {
    const s = cluster()
    const pod = createPod(s, 'web-1', [], false)
    s.ctx.api.create<PersistentVolumeClaim>({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'www-web-1', namespace: 'default', ownerReferences: [ownerRef(pod)] },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      status: { phase: 'Pending' },
    })
    s.advance(100)
    s.ctx.api.delete('Pod', 'default', 'web-1')
    s.advance(100)
    // pvc-protection (not running here) would hold it; the GC has asked for the deletion.
    expect(
      s.ctx.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', 'www-web-1').metadata
        .deletionTimestamp,
    ).toBeDefined()
  })
})

describe('foreground deletion', () => {
  it('deletes every dependent but waits only for those with blockOwnerDeletion, then removes the owner', () => {
    const s = cluster()
    const sts = createSet(s)
    createPod(s, 'web-0', [ownerRef(sts, true)])
    createPod(s, 'web-1', [ownerRef(sts, false)])
    s.ctx.api.delete('StatefulSet', 'default', 'web', { propagationPolicy: 'Foreground' })
    s.advance(1000)
    expect(setOf(s)!.metadata.finalizers).toEqual(['foregroundDeletion'])
    expect(setOf(s)!.metadata.deletionTimestamp).toBeDefined()
    expect(podOf(s, 'web-0')!.metadata.deletionTimestamp).toBeDefined()
    expect(podOf(s, 'web-1')!.metadata.deletionTimestamp).toBeDefined()

    finishPod(s, 'web-0')
    s.advance(100)
    expect(setOf(s)).toBeUndefined()
    expect(podOf(s, 'web-1')).toBeDefined() // still terminating; it never blocked its owner
  })

  it('removes an owner with no dependents at once', () => {
    const s = cluster()
    createSet(s)
    s.ctx.api.delete('StatefulSet', 'default', 'web', { propagationPolicy: 'Foreground' })
    s.advance(100)
    expect(setOf(s)).toBeUndefined()
  })
})

describe('orphan deletion', () => {
  it('removes the owner reference from every dependent, then lets the owner go', () => {
    const s = cluster()
    const sts = createSet(s)
    const svc = createService(s)
    createPod(s, 'web-0', [ownerRef(sts)])
    createPod(s, 'web-1', [ownerRef(sts), { ...ownerRef(svc), controller: false }])
    s.ctx.api.delete('StatefulSet', 'default', 'web', { propagationPolicy: 'Orphan' })
    s.advance(100)
    expect(setOf(s)).toBeUndefined()
    const web0 = podOf(s, 'web-0')!
    expect(web0.metadata.ownerReferences).toBeUndefined()
    expect(web0.metadata.deletionTimestamp).toBeUndefined()
    expect(podOf(s, 'web-1')!.metadata.ownerReferences?.map((r) => r.kind)).toEqual(['Service'])
  })
})
