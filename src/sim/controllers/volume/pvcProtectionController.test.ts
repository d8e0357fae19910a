import { describe, expect, it } from 'vitest'
import type { PersistentVolume, PersistentVolumeClaim, Pod } from '../../model'
import { Simulation } from '../../simulation'
import { controllerComponent } from '../../components'
import { PersistentVolumeController } from './persistentVolumeController'
import {
  PV_PROTECTION_FINALIZER,
  PVC_PROTECTION_FINALIZER,
  PvcProtectionController,
} from './pvcProtectionController'

function cluster(withBinder = false): Simulation {
  return new Simulation({
    components: (ctx) => [
      controllerComponent(new PvcProtectionController(ctx)),
      ...(withBinder ? [controllerComponent(new PersistentVolumeController(ctx))] : []),
    ],
  })
}

function createClaim(s: Simulation, name: string, namespace = 'default'): void {
  s.ctx.api.create<PersistentVolumeClaim>({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace },
    spec: {
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: '1Gi' } },
      storageClassName: '',
    },
    status: { phase: 'Pending' },
  })
}

function createPod(
  s: Simulation,
  name: string,
  claimName: string,
  o: { nodeName?: string; namespace?: string } = {},
): void {
  s.ctx.api.create<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: o.namespace ?? 'default' },
    spec: {
      containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.7' }],
      volumes: [{ name: 'www', persistentVolumeClaim: { claimName } }],
      ...(o.nodeName ? { nodeName: o.nodeName } : {}),
    },
    status: { phase: 'Pending' },
  })
}

function claimOf(s: Simulation, name: string): PersistentVolumeClaim | undefined {
  return s.ctx.api.tryGet<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', name)
}

function forceDeletePod(s: Simulation, name: string): void {
  s.ctx.api.delete('Pod', 'default', name, { gracePeriodSeconds: 0 })
}

describe('pvc-protection (F93–F95, F97)', () => {
  it('keeps a claim used by a scheduled pod Terminating until the pod is gone', () => {
    const s = cluster()
    createClaim(s, 'www-web-0')
    createPod(s, 'web-0', 'www-web-0', { nodeName: 'node-1' })
    s.ctx.api.delete('PersistentVolumeClaim', 'default', 'www-web-0')
    s.advance(5000)
    const terminating = claimOf(s, 'www-web-0')!
    expect(terminating.metadata.deletionTimestamp).toBeDefined()
    expect(terminating.metadata.finalizers).toEqual([PVC_PROTECTION_FINALIZER])

    forceDeletePod(s, 'web-0')
    s.advance(100)
    expect(claimOf(s, 'www-web-0')).toBeUndefined()
  })

  it('keeps holding the claim while the pod is still shutting down gracefully', () => {
    const s = cluster()
    createClaim(s, 'data')
    createPod(s, 'user', 'data', { nodeName: 'node-1' })
    s.ctx.api.delete('PersistentVolumeClaim', 'default', 'data')
    s.ctx.api.delete('Pod', 'default', 'user') // 30 s grace; no kubelet runs here to finish it
    s.advance(1000)
    expect(claimOf(s, 'data')).toBeDefined()
  })

  it('lets a claim go when only an unscheduled pod, or a pod in another namespace, refers to it', () => {
    const s = cluster()
    createClaim(s, 'data')
    createPod(s, 'unscheduled', 'data')
    createPod(s, 'elsewhere', 'data', { namespace: 'kube-public', nodeName: 'node-1' })
    s.ctx.api.delete('PersistentVolumeClaim', 'default', 'data')
    s.advance(100)
    expect(claimOf(s, 'data')).toBeUndefined()
  })

  it('counts a finished pod as a user until the pod object is deleted, as Kubernetes does', () => {
    const s = cluster()
    createClaim(s, 'data')
    createPod(s, 'job', 'data', { nodeName: 'node-1' })
    const pod = s.ctx.api.get<Pod>('Pod', 'default', 'job')
    s.ctx.api.updateStatus<Pod>({ ...pod, status: { ...pod.status, phase: 'Succeeded' } })
    s.ctx.api.delete('PersistentVolumeClaim', 'default', 'data')
    s.advance(1000)
    expect(claimOf(s, 'data')).toBeDefined()
    s.ctx.api.delete('Pod', 'default', 'job') // a finished pod goes at once
    s.advance(100)
    expect(claimOf(s, 'data')).toBeUndefined()
  })

  it('puts the finalizer back on a live claim that lost it', () => {
    const s = cluster()
    createClaim(s, 'data')
    const claim = claimOf(s, 'data')!
    s.ctx.api.update<PersistentVolumeClaim>({ ...claim, metadata: { ...claim.metadata, finalizers: [] } })
    expect(claimOf(s, 'data')!.metadata.finalizers).toBeUndefined()
    s.advance(100)
    expect(claimOf(s, 'data')!.metadata.finalizers).toEqual([PVC_PROTECTION_FINALIZER])
  })
})

describe('pv-protection (F96)', () => {
  it('keeps a deleted volume Terminating while it is Bound, and lets it go once Released', () => {
    const s = cluster(true)
    s.ctx.api.create<PersistentVolume>({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'pv-x' },
      spec: {
        capacity: { storage: '1Gi' },
        accessModes: ['ReadWriteOnce'],
        persistentVolumeReclaimPolicy: 'Retain',
        hostPath: { path: '/data/x' },
      },
      status: { phase: 'Pending' },
    })
    createClaim(s, 'data')
    s.advance(100)
    const pvOf = () => s.ctx.api.tryGet<PersistentVolume>('PersistentVolume', undefined, 'pv-x')
    expect(pvOf()!.status.phase).toBe('Bound')

    s.ctx.api.delete('PersistentVolume', undefined, 'pv-x')
    s.advance(5000)
    expect(pvOf()!.metadata.deletionTimestamp).toBeDefined()
    expect(pvOf()!.metadata.finalizers).toEqual([PV_PROTECTION_FINALIZER])
    expect(claimOf(s, 'data')!.status.phase).toBe('Bound')

    s.ctx.api.delete('PersistentVolumeClaim', 'default', 'data')
    s.advance(100)
    expect(claimOf(s, 'data')).toBeUndefined()
    expect(pvOf()).toBeUndefined()
  })
})
