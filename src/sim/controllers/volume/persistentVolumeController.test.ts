import { describe, expect, it } from 'vitest'
import type {
  AccessMode,
  Event,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  StorageClass,
} from '../../model'
import { Simulation } from '../../simulation'
import { controllerComponent } from '../../components'
import { LOCAL_PATH_SOURCE, PersistentVolumeController } from './persistentVolumeController'
import { PvcProtectionController } from './pvcProtectionController'

function cluster(): Simulation {
  return new Simulation({
    components: (ctx) => [
      controllerComponent(new PersistentVolumeController(ctx)),
      controllerComponent(new PvcProtectionController(ctx)),
    ],
  })
}

interface ClaimOptions {
  className?: string
  request?: string
  modes?: AccessMode[]
  volumeName?: string
}

function createClaim(s: Simulation, name: string, o: ClaimOptions = {}): PersistentVolumeClaim {
  return s.ctx.api.create<PersistentVolumeClaim>({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: 'default' },
    spec: {
      accessModes: o.modes ?? ['ReadWriteOnce'],
      resources: { requests: { storage: o.request ?? '1Gi' } },
      ...(o.className !== undefined ? { storageClassName: o.className } : {}),
      ...(o.volumeName ? { volumeName: o.volumeName } : {}),
    },
    status: { phase: 'Pending' },
  })
}

type VolumeSpec = Partial<PersistentVolume['spec']>

function createVolume(
  s: Simulation,
  name: string,
  capacity: string,
  spec: VolumeSpec = {},
): PersistentVolume {
  return s.ctx.api.create<PersistentVolume>({
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name },
    spec: {
      capacity: { storage: capacity },
      accessModes: ['ReadWriteOnce'],
      persistentVolumeReclaimPolicy: 'Retain',
      hostPath: { path: `/data/${name}` },
      ...spec,
    },
    status: { phase: 'Pending' },
  })
}

function createClass(
  s: Simulation,
  name: string,
  mode: 'Immediate' | 'WaitForFirstConsumer',
  provisioner = 'rancher.io/local-path',
): void {
  s.ctx.api.create<StorageClass>({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name },
    provisioner,
    reclaimPolicy: 'Delete',
    volumeBindingMode: mode,
  })
}

function createPod(s: Simulation, name: string, claimName: string, nodeName?: string): void {
  s.ctx.api.create<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: {
      containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.7' }],
      volumes: [{ name: 'www', persistentVolumeClaim: { claimName } }],
      ...(nodeName ? { nodeName } : {}),
    },
    status: { phase: 'Pending' },
  })
}

function selectNode(s: Simulation, claimName: string, node: string): void {
  const c = claimOf(s, claimName)!
  const annotations = { ...c.metadata.annotations, 'volume.kubernetes.io/selected-node': node }
  s.ctx.api.update<PersistentVolumeClaim>({ ...c, metadata: { ...c.metadata, annotations } })
}

function claimOf(s: Simulation, name: string): PersistentVolumeClaim | undefined {
  return s.ctx.api.tryGet<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', name)
}

function volumeOf(s: Simulation, name: string): PersistentVolume | undefined {
  return s.ctx.api.tryGet<PersistentVolume>('PersistentVolume', undefined, name)
}

/** `Type Reason Message` lines about one object, oldest first. */
function eventsFor(s: Simulation, name: string): string[] {
  return s.ctx.api
    .list<Event>('Event')
    .filter((e) => e.involvedObject.name === name)
    .map((e) => `${e.type} ${e.reason} ${e.message}`)
}

function eventFor(s: Simulation, name: string, reason: string): Event | undefined {
  return s.ctx.api.list<Event>('Event').find((e) => e.involvedObject.name === name && e.reason === reason)
}

describe('static binding', () => {
  it('binds the smallest fitting volume, PV first, and copies its capacity to the claim (F64, F65)', () => {
    const s = cluster()
    createVolume(s, 'pv-1', '1Gi')
    createVolume(s, 'pv-5', '5Gi')
    createVolume(s, 'pv-10', '10Gi')
    s.advance(100)
    const writes: string[] = []
    s.ctx.store.watch(({ type, object, oldObject }) => {
      if (
        type !== 'MODIFIED' ||
        (object.kind !== 'PersistentVolume' && object.kind !== 'PersistentVolumeClaim')
      )
        return
      const specChanged =
        JSON.stringify((object as PersistentVolume).spec) !==
        JSON.stringify((oldObject as PersistentVolume).spec)
      writes.push(`${object.kind} ${specChanged ? 'spec' : 'status'}`)
    })
    const created = createClaim(s, 'data', { className: '', request: '2Gi' })
    s.advance(100)

    expect(writes).toEqual([
      'PersistentVolume spec',
      'PersistentVolume status',
      'PersistentVolumeClaim spec',
      'PersistentVolumeClaim status',
    ])
    const claim = claimOf(s, 'data')!
    expect(claim.spec.volumeName).toBe('pv-5')
    expect(claim.metadata.annotations).toMatchObject({
      'pv.kubernetes.io/bind-completed': 'yes',
      'pv.kubernetes.io/bound-by-controller': 'yes',
    })
    expect(claim.status).toEqual({
      phase: 'Bound',
      accessModes: ['ReadWriteOnce'],
      capacity: { storage: '5Gi' },
    })
    const pv = volumeOf(s, 'pv-5')!
    expect(pv.status.phase).toBe('Bound')
    expect(pv.metadata.annotations?.['pv.kubernetes.io/bound-by-controller']).toBe('yes')
    expect(pv.spec.claimRef).toMatchObject({
      kind: 'PersistentVolumeClaim',
      namespace: 'default',
      name: 'data',
      uid: created.metadata.uid,
      apiVersion: 'v1',
    })
    expect(volumeOf(s, 'pv-1')!.status.phase).toBe('Available')
    expect(volumeOf(s, 'pv-10')!.status.phase).toBe('Available')
  })

  it('leaves a classless claim Pending with a Normal FailedBinding event, and binds a volume added later on the 15 s resync (F80, F66)', () => {
    const s = cluster()
    createClaim(s, 'data', { className: '' })
    s.advance(100)
    expect(claimOf(s, 'data')!.status.phase).toBe('Pending')
    expect(eventsFor(s, 'data')).toEqual([
      'Normal FailedBinding no persistent volumes available for this claim and no storage class is set',
    ])

    createVolume(s, 'pv-late', '1Gi')
    s.advance(1000)
    expect(claimOf(s, 'data')!.status.phase).toBe('Pending')
    s.advance(15000)
    expect(claimOf(s, 'data')!.spec.volumeName).toBe('pv-late')
    expect(claimOf(s, 'data')!.status.phase).toBe('Bound')
  })

  it('binds static volumes at once for an Immediate class that has no provisioner', () => {
    const s = cluster()
    createClass(s, 'manual', 'Immediate', 'kubernetes.io/no-provisioner')
    createVolume(s, 'pv-manual', '1Gi', { storageClassName: 'manual' })
    createClaim(s, 'data', { className: 'manual' })
    s.advance(100)
    expect(claimOf(s, 'data')!.spec.volumeName).toBe('pv-manual')
  })

  it('reports the in-tree no-provisioner when nothing matches an Immediate class that names it', () => {
    const s = cluster()
    createClass(s, 'manual', 'Immediate', 'kubernetes.io/no-provisioner')
    createClaim(s, 'data', { className: 'manual' })
    s.advance(100)
    expect(eventsFor(s, 'data')).toEqual([
      'Warning ProvisioningFailed no volume plugin matched name: kubernetes.io/no-provisioner',
    ])
  })

  it('keeps a WaitForFirstConsumer claim off free static volumes until the scheduler picks a node, then binds one that node can reach (F77)', () => {
    const s = cluster()
    const pinned = (host: string) => ({
      required: {
        nodeSelectorTerms: [
          { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [host] }] },
        ],
      },
    })
    createVolume(s, 'local-1', '1Gi', { storageClassName: 'standard', nodeAffinity: pinned('node-1') })
    createVolume(s, 'local-2', '1Gi', { storageClassName: 'standard', nodeAffinity: pinned('node-2') })
    createClaim(s, 'data')
    s.advance(100)
    expect(claimOf(s, 'data')!.status.phase).toBe('Pending')

    selectNode(s, 'data', 'node-2')
    s.advance(100)
    expect(claimOf(s, 'data')!.spec.volumeName).toBe('local-2')
    expect(s.ctx.api.list<PersistentVolume>('PersistentVolume')).toHaveLength(2)
  })
})

describe('dynamic provisioning with local-path', () => {
  it('provisions a WaitForFirstConsumer claim only once the scheduler has chosen a node (F78, F79, F81, F82)', () => {
    const s = cluster()
    const created = createClaim(s, 'www-web-0')
    s.advance(100)
    expect(claimOf(s, 'www-web-0')!.spec.storageClassName).toBe('standard')
    expect(eventsFor(s, 'www-web-0')).toEqual([
      'Normal WaitForFirstConsumer waiting for first consumer to be created before binding',
    ])
    expect(s.ctx.api.list('PersistentVolume')).toEqual([])

    selectNode(s, 'www-web-0', 'node-2')
    s.advance(100)
    const pvName = `pvc-${created.metadata.uid}`
    expect(volumeOf(s, pvName)).toBeUndefined()
    expect(claimOf(s, 'www-web-0')!.metadata.annotations).toMatchObject({
      'volume.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
      'volume.beta.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
    })
    expect(eventFor(s, 'www-web-0', 'ExternalProvisioning')?.message).toBe(
      "Waiting for a volume to be created either by the external provisioner 'rancher.io/local-path' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
    )
    const provisioning = eventFor(s, 'www-web-0', 'Provisioning')!
    expect(provisioning.message).toBe(
      'External provisioner is provisioning volume for claim "default/www-web-0"',
    )
    expect(provisioning.source.component).toBe(LOCAL_PATH_SOURCE)

    s.advance(2000)
    const pv = volumeOf(s, pvName)!
    expect(pv.metadata.annotations).toEqual({ 'pv.kubernetes.io/provisioned-by': 'rancher.io/local-path' })
    expect(pv.spec).toMatchObject({
      capacity: { storage: '1Gi' },
      accessModes: ['ReadWriteOnce'],
      persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: 'standard',
      hostPath: { path: `/var/local-path-provisioner/${pvName}_default_www-web-0` },
      claimRef: { namespace: 'default', name: 'www-web-0', uid: created.metadata.uid },
    })
    expect(JSON.stringify(pv.spec.nodeAffinity)).toContain('"values":["node-2"]')
    expect(pv.status.phase).toBe('Bound')
    const claim = claimOf(s, 'www-web-0')!
    expect(claim.spec.volumeName).toBe(pvName)
    expect(claim.status).toEqual({
      phase: 'Bound',
      accessModes: ['ReadWriteOnce'],
      capacity: { storage: '1Gi' },
    })
    expect(claim.metadata.annotations).toMatchObject({
      'pv.kubernetes.io/bind-completed': 'yes',
      'pv.kubernetes.io/bound-by-controller': 'yes',
    })
    const succeeded = eventFor(s, 'www-web-0', 'ProvisioningSucceeded')!
    expect(succeeded.message).toBe(`Successfully provisioned volume ${pvName}`)
    expect(succeeded.source.component).toBe(LOCAL_PATH_SOURCE)
  })

  it('takes about timings.provision to create the volume', () => {
    const s = cluster()
    const created = createClaim(s, 'data')
    selectNode(s, 'data', 'node-1')
    s.advance(50)
    const start = s.now
    expect(s.advanceUntil(() => !!volumeOf(s, `pvc-${created.metadata.uid}`), 10000)).toBe(true)
    const took = s.now - start
    expect(took).toBeGreaterThanOrEqual(1200 * 0.75)
    expect(took).toBeLessThanOrEqual(1200 * 1.25 + 50)
  })

  it('finishes an interrupted provisioning the same way after a checkpoint restore', () => {
    const s = cluster()
    createClaim(s, 'data')
    selectNode(s, 'data', 'node-3')
    s.advance(100)
    const cp = s.checkpoint()
    s.advance(3000)
    const straight = { volumes: s.ctx.api.list('PersistentVolume'), events: eventsFor(s, 'data') }
    s.restore(cp)
    s.advance(3000)
    expect(s.ctx.api.list('PersistentVolume')).toEqual(straight.volumes)
    expect(eventsFor(s, 'data')).toEqual(straight.events)
    expect(straight.volumes).toHaveLength(1)
  })

  it('names the unscheduled pod that uses a waiting claim, and repeats the event on every resync (F83, F66)', () => {
    const s = cluster()
    createClaim(s, 'www-web-0')
    createPod(s, 'web-0', 'www-web-0')
    s.advance(100)
    expect(eventsFor(s, 'www-web-0')).toEqual([
      'Normal WaitForPodScheduled waiting for pod web-0 to be scheduled',
    ])
    s.advance(31000)
    expect(eventFor(s, 'www-web-0', 'WaitForPodScheduled')!.count).toBe(3)
  })

  it('provisions an Immediate claim at once through the PV controller, but local-path refuses it without a node', () => {
    const s = cluster()
    createClass(s, 'local-immediate', 'Immediate')
    createClaim(s, 'data', { className: 'local-immediate' })
    s.advance(100)
    expect(eventsFor(s, 'data')).toEqual([
      expect.stringMatching(
        /^Normal ExternalProvisioning Waiting for a volume to be created either by the external provisioner 'rancher.io\/local-path'/,
      ),
      'Normal Provisioning External provisioner is provisioning volume for claim "default/data"',
      'Warning ProvisioningFailed failed to provision volume with StorageClass "local-immediate": configuration error, no node was specified',
    ])
    s.advance(5000)
    expect(claimOf(s, 'data')!.status.phase).toBe('Pending')
    expect(s.ctx.api.list('PersistentVolume')).toEqual([])
  })

  it('refuses ReadWriteMany claims, as local-path does', () => {
    const s = cluster()
    createClaim(s, 'shared', { modes: ['ReadWriteMany'] })
    selectNode(s, 'shared', 'node-1')
    s.advance(3000)
    expect(eventFor(s, 'shared', 'ProvisioningFailed')?.message).toBe(
      'failed to provision volume with StorageClass "standard": NodePath only supports ReadWriteOnce and ReadWriteOncePod (1.22+) access modes',
    )
    expect(s.ctx.api.list('PersistentVolume')).toEqual([])
  })

  it('warns about a missing StorageClass on every sync, yet binds a static volume of that class name (F84)', () => {
    const s = cluster()
    createClaim(s, 'data', { className: 'gold' })
    s.advance(100)
    expect(eventsFor(s, 'data')).toEqual([
      'Warning ProvisioningFailed storageclass.storage.k8s.io "gold" not found',
    ])
    s.advance(15000)
    expect(eventFor(s, 'data', 'ProvisioningFailed')!.count).toBe(2)
    createVolume(s, 'gold-pv', '1Gi', { storageClassName: 'gold' })
    s.advance(15000)
    expect(claimOf(s, 'data')!.spec.volumeName).toBe('gold-pv')
  })

  it('gives a claim created without a class the default class once one exists, but never touches "" (F71)', () => {
    const s = cluster()
    s.ctx.api.delete('StorageClass', undefined, 'standard')
    createClaim(s, 'unset')
    createClaim(s, 'empty', { className: '' })
    s.advance(100)
    expect(claimOf(s, 'unset')!.spec.storageClassName).toBeUndefined()

    s.ctx.api.create<StorageClass>({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'late', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
      provisioner: 'rancher.io/local-path',
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'WaitForFirstConsumer',
    })
    s.advance(100)
    expect(claimOf(s, 'unset')!.spec.storageClassName).toBe('late')
    expect(eventFor(s, 'unset', 'WaitForFirstConsumer')).toBeDefined()
    expect(claimOf(s, 'empty')!.spec.storageClassName).toBe('')
  })
})

describe('pre-binding', () => {
  it('binds a claim that names a fitting volume, and explains a misfit with VolumeMismatch (F74)', () => {
    const s = cluster()
    createVolume(s, 'pv-x', '1Gi')
    createClaim(s, 'too-big', { className: '', request: '2Gi', volumeName: 'pv-x' })
    s.advance(100)
    expect(eventsFor(s, 'too-big')).toEqual([
      'Warning VolumeMismatch Cannot bind to requested volume "pv-x": requested PV is too small',
    ])
    expect(claimOf(s, 'too-big')!.status.phase).toBe('Pending')

    createClaim(s, 'fits', { className: '', volumeName: 'pv-x' })
    s.advance(100)
    expect(volumeOf(s, 'pv-x')!.spec.claimRef?.name).toBe('fits')
    expect(claimOf(s, 'fits')!.status.phase).toBe('Bound')
    // The claim named its volume itself, so only bind-completed is added.
    expect(claimOf(s, 'fits')!.metadata.annotations).toEqual({ 'pv.kubernetes.io/bind-completed': 'yes' })
  })

  it('waits silently for a named volume that does not exist, and refuses one bound to another claim (F74)', () => {
    const s = cluster()
    createClaim(s, 'early', { className: '', volumeName: 'pv-later' })
    s.advance(100)
    expect(eventsFor(s, 'early')).toEqual([])
    createVolume(s, 'pv-later', '1Gi')
    s.advance(100)
    // A new volume does not wake claims; the periodic resync finds it.
    expect(claimOf(s, 'early')!.status.phase).toBe('Pending')
    s.advance(15000)
    expect(claimOf(s, 'early')!.status.phase).toBe('Bound')

    createClaim(s, 'second', { className: '', volumeName: 'pv-later' })
    s.advance(100)
    expect(eventsFor(s, 'second')).toEqual([
      'Warning FailedBinding volume "pv-later" already bound to a different claim.',
    ])
  })

  it('reserves a volume whose claimRef names a claim: it stays Available, no other claim takes it, and the named one gets it whatever its class (F75)', () => {
    const s = cluster()
    createVolume(s, 'reserved', '1Gi', { claimRef: { namespace: 'default', name: 'data' } })
    s.advance(100)
    expect(volumeOf(s, 'reserved')!.status.phase).toBe('Available')
    createClaim(s, 'thief', { className: '' })
    s.advance(100)
    expect(claimOf(s, 'thief')!.status.phase).toBe('Pending')

    const created = createClaim(s, 'data') // default class standard, WaitForFirstConsumer
    s.advance(100)
    expect(claimOf(s, 'data')!.spec.volumeName).toBe('reserved')
    const pv = volumeOf(s, 'reserved')!
    expect(pv.spec.claimRef?.uid).toBe(created.metadata.uid)
    expect(pv.metadata.annotations?.['pv.kubernetes.io/bound-by-controller']).toBeUndefined()
  })
})

describe('reclaiming (F88–F90) and lost claims (F63)', () => {
  function provisioned(s: Simulation, name: string): string {
    const created = createClaim(s, name)
    selectNode(s, name, 'node-1')
    s.advance(3000)
    expect(claimOf(s, name)!.status.phase).toBe('Bound')
    return `pvc-${created.metadata.uid}`
  }

  it('deletes a provisioned Delete volume shortly after its claim is gone', () => {
    const s = cluster()
    const pvName = provisioned(s, 'data')
    s.ctx.api.delete('PersistentVolumeClaim', 'default', 'data')
    s.advance(100)
    expect(claimOf(s, 'data')).toBeUndefined()
    expect(volumeOf(s, pvName)!.status.phase).toBe('Released')
    s.advance(3000)
    expect(volumeOf(s, pvName)).toBeUndefined()
  })

  it('keeps a Retain volume Released with its old claimRef, never binding a new claim of the same name (F76, F89)', () => {
    const s = cluster()
    createVolume(s, 'keep', '1Gi')
    const first = createClaim(s, 'data', { className: '' })
    s.advance(100)
    expect(volumeOf(s, 'keep')!.status.phase).toBe('Bound')
    s.ctx.api.delete('PersistentVolumeClaim', 'default', 'data')
    s.advance(100)
    expect(volumeOf(s, 'keep')!.status.phase).toBe('Released')

    createClaim(s, 'data', { className: '' })
    s.advance(60000)
    const pv = volumeOf(s, 'keep')!
    expect(pv.status.phase).toBe('Released')
    expect(pv.spec.claimRef?.uid).toBe(first.metadata.uid)
    expect(claimOf(s, 'data')!.status.phase).toBe('Pending')
  })

  it('fails to delete a static hostPath volume outside /tmp and marks it Failed, but deletes one under /tmp', () => {
    const s = cluster()
    createVolume(s, 'outside', '1Gi', {
      persistentVolumeReclaimPolicy: 'Delete',
      hostPath: { path: '/mnt/web-data' },
    })
    createVolume(s, 'scratch', '5Gi', {
      persistentVolumeReclaimPolicy: 'Delete',
      hostPath: { path: '/tmp/scratch' },
    })
    createClaim(s, 'a', { className: '' })
    s.advance(100)
    createClaim(s, 'b', { className: '' })
    s.advance(100)
    s.ctx.api.delete('PersistentVolumeClaim', 'default', 'a')
    s.ctx.api.delete('PersistentVolumeClaim', 'default', 'b')
    s.advance(200)
    const failed = volumeOf(s, 'outside')!
    const message = 'host_path deleter only supports /tmp/.+ but received provided /mnt/web-data'
    expect(failed.status).toMatchObject({ phase: 'Failed', message })
    expect(eventsFor(s, 'outside')).toEqual([`Warning VolumeFailedDelete ${message}`])
    expect(volumeOf(s, 'scratch')).toBeUndefined()
  })

  it('marks a bound claim Lost, clearing its status, when its volume disappears (F63)', () => {
    const s = cluster()
    createVolume(s, 'pv-x', '1Gi')
    createClaim(s, 'data', { className: '' })
    s.advance(100)
    const pv = volumeOf(s, 'pv-x')!
    s.ctx.api.update<PersistentVolume>({ ...pv, metadata: { ...pv.metadata, finalizers: [] } })
    s.ctx.api.delete('PersistentVolume', undefined, 'pv-x')
    s.advance(100)
    const claim = claimOf(s, 'data')!
    expect(claim.status).toEqual({ phase: 'Lost' })
    expect(claim.spec.volumeName).toBe('pv-x')
    expect(eventsFor(s, 'data')).toEqual([
      'Warning ClaimLost Bound claim has lost its PersistentVolume. Data on the volume is lost!',
    ])
    s.advance(30000)
    expect(eventFor(s, 'data', 'ClaimLost')!.count).toBe(1)
  })
})
