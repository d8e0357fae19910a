// Kubernetes' PV controller (pkg/controller/volume/persistentvolume/pv_controller.go: syncClaim,
// syncUnboundClaim, syncBoundClaim, syncVolume, bind, reclaimVolume, provisionClaim) plus kind's
// external provisioner rancher.io/local-path (sig-storage-lib-external-provisioner), which runs
// in the same loop here. Simplifications: the scheduler's static binding of WaitForFirstConsumer
// claims is done here once the claim names its node; the provisioner retries on the 15 s resync,
// not on its own back-off; Recycle is flagged, never performed.
import type { Node, PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from '../../model'
import type { WatchEvent } from '../../api/store'
import { StatusError } from '../../api/errors'
import { Controller } from '../controller'
import { isEmptySelector } from '../../api/labels'
import {
  checkVolumeSatisfyClaim,
  claimClass,
  claimHasClass,
  claimReference,
  findMatchingVolume,
  isVolumeBoundToClaim,
  volumeModeMismatch,
} from './volumeMatching'
import { ClaimUsers, VolumeIndex } from './volumeIndex'

export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed'
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller'
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node'
export const ANN_PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by'
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner'
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner'
export const LOCAL_PATH_PROVISIONER = 'rancher.io/local-path'
/** How local-path's events name their source: provisioner, pod name and a run id (fixed here). */
export const LOCAL_PATH_SOURCE =
  'rancher.io/local-path_local-path-provisioner-7dc846544d-x5tqh_0b3d7a5e-5b7c-4f1e-9c5e-2f6d0f8f3c21'
const LOCAL_PATH_DIR = '/var/local-path-provisioner'
/** --pvclaimbinder-sync-period (F66). */
const RESYNC_MS = 15000
const PROVISIONING_SLOT = 'persistentvolume-controller/provisioning'
const NO_CLASS = 'no persistent volumes available for this claim and no storage class is set'
const WAIT_FOR_CONSUMER = 'waiting for first consumer to be created before binding'
const LOST_REFERENCE = 'Bound claim has lost reference to PersistentVolume. Data on the volume is lost!'
const LOST_VOLUME = 'Bound claim has lost its PersistentVolume. Data on the volume is lost!'
const MISBOUND = 'Two claims are bound to the same volume, this one is bound incorrectly'
const NODEPATH_MODES = 'NodePath only supports ReadWriteOnce and ReadWriteOncePod (1.22+) access modes'
const externalProvisioning = (provisioner: string) =>
  `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`

type ClaimPhase = PersistentVolumeClaim['status']['phase']
type Severity = 'Normal' | 'Warning'
type VolumePhase = PersistentVolume['status']['phase']

export class PersistentVolumeController extends Controller {
  readonly name = 'persistentvolume-controller'
  /** Set while this controller writes: like the real one, it has already seen its own writes. */
  private writing = false
  /** Derived from the store (see volumeIndex.ts); built on first use. */
  private claimUsersIndex: ClaimUsers | undefined
  private volumeIndex: VolumeIndex | undefined

  onWatch(e: WatchEvent): void {
    const { type, object } = e
    // The indexes follow every write, this controller's own included.
    if (object.kind === 'Pod') return this.claimUsersIndex?.update(e)
    if (object.kind === 'PersistentVolume') this.volumeIndex?.update(e)
    if (this.writing) return
    if (object.kind === 'PersistentVolumeClaim') {
      const claim = object as PersistentVolumeClaim
      this.enqueue(claimKey(claim))
      if (type === 'DELETED') {
        for (const name of this.volumesOfClaim(claim)) this.enqueue(`volume/${name}`)
      }
    } else if (object.kind === 'PersistentVolume') {
      const pv = object as PersistentVolume
      this.enqueue(`volume/${pv.metadata.name}`)
      // A deleted volume's claim learns at once that it is Lost; other claims wait for the resync.
      const ref = pv.spec.claimRef
      if (type === 'DELETED' && ref?.name) this.enqueue(`claim/${ref.namespace}/${ref.name}`)
    } else if (object.kind === 'StorageClass' && type !== 'DELETED') {
      // A new (default) class may unblock pending claims (F71, F84).
      for (const c of this.ctx.api.list<PersistentVolumeClaim>('PersistentVolumeClaim')) {
        if (!c.metadata.annotations?.[ANN_BIND_COMPLETED]) this.enqueue(claimKey(c))
      }
    }
  }

  sync(key: string): void {
    const [what, a = '', b = ''] = key.replace(/^resync\//, '').split('/')
    try {
      if (what === 'claim') this.syncClaim(a, b)
      else if (what === 'volume') this.syncVolume(a)
      else if (what === 'provision') this.finishProvisioning(a, b)
      else if (what === 'delete') this.finishLocalPathDelete(a)
    } catch (e) {
      // A conflicting or rejected write: the periodic resync tries again, as the real one does.
      if (!(e instanceof StatusError)) throw e
      this.enqueue(key.startsWith('resync/') ? key : `resync/${key}`, RESYNC_MS)
    }
  }

  // ---- claims ----

  private syncClaim(ns: string, name: string): void {
    const claim = this.claim(ns, name)
    if (!claim) return
    if (claim.metadata.annotations?.[ANN_BIND_COMPLETED] === undefined) this.syncUnboundClaim(claim)
    else this.syncBoundClaim(claim)
    const pending = this.claim(ns, name)?.status.phase === 'Pending'
    if (pending) this.enqueue(`resync/claim/${ns}/${name}`, RESYNC_MS)
  }

  private syncUnboundClaim(claim: PersistentVolumeClaim): void {
    if (!claim.spec.volumeName) {
      const delayBinding = this.isDelayBinding(claim)
      const volumes = this.volumes().candidates(claim)
      let volume = findMatchingVolume(claim, volumes, { delayBinding })
      const selectedNode = claim.metadata.annotations?.[ANN_SELECTED_NODE]
      if (!volume && delayBinding && selectedNode) {
        // Simplification: the scheduler binds static PVs itself while it places the pod; here the
        // PV controller does it, with the scheduler's checks, once the claim names the node.
        const node = this.ctx.api.tryGet<Node>('Node', undefined, selectedNode)
        if (node) volume = findMatchingVolume(claim, volumes, { delayBinding, node })
      }
      if (volume) return this.bind(volume, claim)
      if (this.assignDefaultStorageClass(claim)) return
      if (delayBinding && !selectedNode) this.emitDelayBindingEvent(claim)
      else if (claimClass(claim) !== '') return this.provisionClaim(claim)
      else this.record(claim, 'Normal', 'FailedBinding', NO_CLASS)
      this.updateClaimStatus(claim, 'Pending')
      return
    }
    // The user asked for a specific PV (F74).
    const pv = this.volume(claim.spec.volumeName)
    if (!pv) return void this.updateClaimStatus(claim, 'Pending')
    if (!pv.spec.claimRef) {
      const reason = checkVolumeSatisfyClaim(pv, claim)
      if (!reason) return this.bind(pv, claim)
      const message = `Cannot bind to requested volume "${pv.metadata.name}": ${reason}`
      this.record(claim, 'Warning', 'VolumeMismatch', message)
      return void this.updateClaimStatus(claim, 'Pending')
    }
    if (isVolumeBoundToClaim(pv, claim)) return this.bind(pv, claim)
    const message = `volume "${pv.metadata.name}" already bound to a different claim.`
    this.record(claim, 'Warning', 'FailedBinding', message)
    if (!claim.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER]) this.updateClaimStatus(claim, 'Pending')
  }

  /** F63: a claim that was bound and lost its volume goes Lost, for good. */
  private syncBoundClaim(claim: PersistentVolumeClaim): void {
    if (!claim.spec.volumeName) return this.markLost(claim, 'ClaimLost', LOST_REFERENCE)
    const pv = this.volume(claim.spec.volumeName)
    if (!pv) return this.markLost(claim, 'ClaimLost', LOST_VOLUME)
    if (!pv.spec.claimRef || pv.spec.claimRef.uid === claim.metadata.uid) return this.bind(pv, claim)
    this.markLost(claim, 'ClaimMisbound', MISBOUND)
  }

  /** F64: PV first (claimRef, then phase), then the claim (volumeName, then status). */
  private bind(pv: PersistentVolume, claim: PersistentVolumeClaim): void {
    let volume = pv
    const ref = pv.spec.claimRef
    const refDiffers = ref?.uid !== claim.metadata.uid || !isVolumeBoundToClaim(pv, claim)
    const markVolume = !isVolumeBoundToClaim(pv, claim) && !pv.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER]
    if (refDiffers || markVolume) {
      const annotations = markVolume
        ? { ...pv.metadata.annotations, [ANN_BOUND_BY_CONTROLLER]: 'yes' }
        : pv.metadata.annotations
      volume = this.write(() =>
        this.ctx.api.update<PersistentVolume>({
          ...pv,
          metadata: { ...pv.metadata, annotations },
          spec: { ...pv.spec, claimRef: refDiffers ? claimReference(claim) : pv.spec.claimRef },
        }),
      )
    }
    volume = this.updateVolumePhase(volume, 'Bound')
    const retarget = claim.spec.volumeName !== volume.metadata.name
    const has = claim.metadata.annotations ?? {}
    const annotations: Record<string, string> = { [ANN_BIND_COMPLETED]: has[ANN_BIND_COMPLETED] ?? 'yes' }
    if (retarget) annotations[ANN_BOUND_BY_CONTROLLER] = has[ANN_BOUND_BY_CONTROLLER] ?? 'yes'
    const spec = retarget ? { ...claim.spec, volumeName: volume.metadata.name } : claim.spec
    this.updateClaimStatus(this.updateClaim(claim, annotations, spec), 'Bound', volume)
  }

  /** updateClaimStatus: access modes always follow the PV; capacity only when the claim becomes Bound. */
  private updateClaimStatus(claim: PersistentVolumeClaim, phase: ClaimPhase, pv?: PersistentVolume) {
    const status = { ...claim.status, phase }
    if (!pv) {
      delete status.accessModes
      delete status.capacity
    } else {
      if (pv.spec.accessModes) status.accessModes = pv.spec.accessModes
      if (claim.status.phase !== phase && pv.spec.capacity) status.capacity = pv.spec.capacity
    }
    return this.write(() => this.ctx.api.updateStatus<PersistentVolumeClaim>({ ...claim, status }))
  }

  /** updateClaimStatusWithEvent(Lost): the event fires only when the phase really changes. */
  private markLost(claim: PersistentVolumeClaim, reason: string, message: string): void {
    if (claim.status.phase === 'Lost') return
    this.record(this.updateClaimStatus(claim, 'Lost'), 'Warning', reason, message)
  }

  /** F71: a claim created without a class, while no default existed, gets the default later. */
  private assignDefaultStorageClass(claim: PersistentVolumeClaim): boolean {
    if (claimHasClass(claim)) return false
    const cls = this.ctx.api.defaultStorageClass()
    if (!cls) return false
    this.updateClaim(claim, {}, { ...claim.spec, storageClassName: cls.metadata.name })
    this.enqueue(claimKey(claim))
    return true
  }

  private isDelayBinding(claim: PersistentVolumeClaim): boolean {
    const name = claimClass(claim)
    return !!name && this.storageClass(name)?.volumeBindingMode === 'WaitForFirstConsumer'
  }

  /** F83: who the claim is waiting for. */
  private emitDelayBindingEvent(claim: PersistentVolumeClaim): void {
    const waiting = this.claimUsers()
      .podsUsing(claim)
      .filter((p) => !isTerminated(p) && !p.spec.nodeName)
      .map((p) => p.metadata.name)
    if (waiting.length === 0) this.record(claim, 'Normal', 'WaitForFirstConsumer', WAIT_FOR_CONSUMER)
    else {
      const message =
        waiting.length > 1
          ? `waiting for pods ${waiting.join(',')} to be scheduled`
          : `waiting for pod ${waiting[0]} to be scheduled`
      this.record(claim, 'Normal', 'WaitForPodScheduled', message)
    }
  }

  // ---- dynamic provisioning (F78–F84) ----

  private provisionClaim(claim: PersistentVolumeClaim): void {
    const className = claimClass(claim)
    const cls = this.storageClass(className)
    // findProvisionablePlugin's errors; no in-tree provisioner is simulated (no-provisioner is the usual one).
    const fail = (message: string) => this.record(claim, 'Warning', 'ProvisioningFailed', message)
    if (!cls) return fail(`storageclass.storage.k8s.io "${className}" not found`)
    if (cls.provisioner.startsWith('kubernetes.io/'))
      return fail(`no volume plugin matched name: ${cls.provisioner}`)
    // setClaimProvisioner: tells external provisioners the claim is theirs.
    const wanted = {
      [ANN_BETA_STORAGE_PROVISIONER]: cls.provisioner,
      [ANN_STORAGE_PROVISIONER]: cls.provisioner,
    }
    const c = this.updateClaim(claim, wanted)
    this.record(c, 'Normal', 'ExternalProvisioning', externalProvisioning(cls.provisioner))
    if (cls.provisioner === LOCAL_PATH_PROVISIONER) this.startLocalPathProvisioning(c, cls)
  }

  /** local-path's Provision(): checks the claim, then creates the directory (timings.provision). */
  private startLocalPathProvisioning(claim: PersistentVolumeClaim, cls: StorageClass): void {
    const node = claim.metadata.annotations?.[ANN_SELECTED_NODE]
    const key = `${claim.metadata.namespace}/${claim.metadata.name}`
    if (cls.volumeBindingMode === 'WaitForFirstConsumer' && !node) return
    if (this.provisioning().has(key) || this.volume(provisionedVolumeName(claim))) return
    const say = (type: Severity, reason: string, message: string) =>
      this.ctx.recorder.record(claim, type, reason, message, LOCAL_PATH_SOURCE)
    const blockRefusal = `${LOCAL_PATH_PROVISIONER} does not support block volume provisioning`
    if (claim.spec.volumeMode === 'Block') return say('Warning', 'ProvisioningFailed', blockRefusal)
    say('Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${key}"`)
    const refusal = localPathRefusal(claim, node)
    const failed = `failed to provision volume with StorageClass "${cls.metadata.name}": ${refusal}`
    if (refusal) return say('Warning', 'ProvisioningFailed', failed)
    this.setProvisioning(key, claim.metadata.uid)
    this.enqueue(`provision/${key}`, this.provisionTime())
  }

  private finishProvisioning(ns: string, name: string): void {
    const key = `${ns}/${name}`
    const uid = this.provisioning().get(key)
    this.setProvisioning(key, undefined)
    const claim = this.claim(ns, name)
    if (!claim || claim.metadata.uid !== uid || claim.spec.volumeName) return
    const cls = this.storageClass(claimClass(claim))
    const nodeName = claim.metadata.annotations?.[ANN_SELECTED_NODE]
    if (!cls || !nodeName || this.volume(provisionedVolumeName(claim))) return
    const node = this.ctx.api.tryGet<Node>('Node', undefined, nodeName)
    const hostname = node?.metadata.labels?.['kubernetes.io/hostname'] ?? nodeName
    this.ctx.api.create<PersistentVolume>({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: {
        name: provisionedVolumeName(claim),
        annotations: { [ANN_PROVISIONED_BY]: LOCAL_PATH_PROVISIONER },
      },
      spec: {
        accessModes: claim.spec.accessModes,
        capacity: { storage: claim.spec.resources?.requests?.storage ?? '0' },
        claimRef: claimReference(claim),
        // kind's local-path writes a hostPath volume pinned to the chosen node.
        hostPath: {
          path: `${LOCAL_PATH_DIR}/${provisionedVolumeName(claim)}_${ns}_${name}`,
          type: 'DirectoryOrCreate',
        },
        nodeAffinity: {
          required: {
            nodeSelectorTerms: [
              { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [hostname] }] },
            ],
          },
        },
        persistentVolumeReclaimPolicy: cls.reclaimPolicy ?? 'Delete',
        storageClassName: claimClass(claim),
        volumeMode: 'Filesystem',
      },
      status: { phase: 'Pending' },
    })
    const succeeded = `Successfully provisioned volume ${provisionedVolumeName(claim)}`
    this.ctx.recorder.record(claim, 'Normal', 'ProvisioningSucceeded', succeeded, LOCAL_PATH_SOURCE)
  }

  private provisioning(): Map<string, string> {
    return this.ctx.state.get<Map<string, string>>(PROVISIONING_SLOT, () => new Map())
  }

  /** Changed in place (a checkpoint copies slot maps): copying it per claim made provisioning quadratic. */
  private setProvisioning(key: string, uid: string | undefined): void {
    if (uid === undefined) this.provisioning().delete(key)
    else this.provisioning().set(key, uid)
  }

  // ---- volumes and reclaim (F62, F88–F90) ----

  private syncVolume(name: string): void {
    const pv = this.volume(name)
    if (!pv) return
    const ref = pv.spec.claimRef
    if (!ref || !ref.uid) return void this.updateVolumePhase(pv, 'Available')
    const found = ref.name ? this.claim(ref.namespace ?? '', ref.name) : undefined
    const claim = found?.metadata.uid === ref.uid ? found : undefined
    if (!claim) {
      return this.release(pv)
    }
    if (!claim.spec.volumeName) {
      if (!volumeModeMismatch(claim, pv)) return this.enqueue(claimKey(claim))
      const claimName = claim.metadata.name
      const toVolume = `Cannot bind PersistentVolume to requested PersistentVolumeClaim "${claimName}" due to incompatible volumeMode.`
      const toClaim = `Cannot bind PersistentVolume "${name}" to requested PersistentVolumeClaim due to incompatible volumeMode.`
      this.record(pv, 'Warning', 'VolumeMismatch', toVolume)
      return this.record(claim, 'Warning', 'VolumeMismatch', toClaim)
    }
    if (claim.spec.volumeName === name) return void this.updateVolumePhase(pv, 'Bound')
    // The claim is bound to another volume.
    if (pv.metadata.annotations?.[ANN_PROVISIONED_BY] && pv.spec.persistentVolumeReclaimPolicy === 'Delete') {
      return this.release(pv)
    }
    this.unbindVolume(pv)
  }

  /** Released (never over Failed), then the reclaim policy runs (F88). */
  private release(pv: PersistentVolume): void {
    const done = pv.status.phase === 'Released' || pv.status.phase === 'Failed'
    this.reclaimVolume(done ? pv : this.updateVolumePhase(pv, 'Released'))
  }

  /** Controller-made bindings are undone; a user's pre-binding keeps its claimRef minus the uid. */
  private unbindVolume(pv: PersistentVolume): void {
    const ref = { ...pv.spec.claimRef }
    delete ref.uid
    const byController = !!pv.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER]
    const annotations = { ...pv.metadata.annotations }
    delete annotations[ANN_BOUND_BY_CONTROLLER]
    const spec = { ...pv.spec, claimRef: byController ? undefined : ref }
    if (!spec.claimRef) delete spec.claimRef
    const meta = byController
      ? { ...pv.metadata, annotations: Object.keys(annotations).length ? annotations : undefined }
      : pv.metadata
    const updated = this.write(() => this.ctx.api.update<PersistentVolume>({ ...pv, metadata: meta, spec }))
    this.updateVolumePhase(updated, 'Available')
  }

  private reclaimVolume(pv: PersistentVolume): void {
    switch (pv.spec.persistentVolumeReclaimPolicy ?? 'Retain') {
      case 'Retain':
        return
      case 'Delete':
        return this.deleteVolume(pv)
      case 'Recycle':
        // Deprecated (F91): flagged rather than simulated.
        return this.failVolume(pv, 'VolumeFailedRecycle', 'No recycler plugin found for the volume!')
      default:
        return this.failVolume(
          pv,
          'VolumeUnknownReclaimPolicy',
          'Volume has unrecognized PersistentVolumeReclaimPolicy',
        )
    }
  }

  /** Who deletes a Released volume: its external provisioner, or an in-tree deleter found by its source. */
  private deleteVolume(pv: PersistentVolume): void {
    const provisionedBy = pv.metadata.annotations?.[ANN_PROVISIONED_BY]
    if (provisionedBy && !provisionedBy.startsWith('kubernetes.io/')) {
      // local-path removes the directory with a helper pod, then the PV; other provisioners are not running.
      if (provisionedBy === LOCAL_PATH_PROVISIONER && !pv.metadata.deletionTimestamp) {
        this.enqueue(`delete/${pv.metadata.name}`, this.provisionTime())
      }
      return
    }
    const path = pv.spec.hostPath?.path
    if (path !== undefined && /\/tmp\/.+/.test(path)) {
      this.write(() => this.ctx.api.delete('PersistentVolume', undefined, pv.metadata.name))
      return
    }
    this.failVolume(
      pv,
      'VolumeFailedDelete',
      path !== undefined
        ? `host_path deleter only supports /tmp/.+ but received provided ${path}`
        : `error getting deleter volume plugin for volume "${pv.metadata.name}": no deletable volume plugin matched`,
    )
  }

  private finishLocalPathDelete(name: string): void {
    const pv = this.volume(name)
    if (!pv || pv.metadata.deletionTimestamp || pv.status.phase !== 'Released') return
    this.ctx.api.delete('PersistentVolume', undefined, name)
  }

  /** updateVolumePhaseWithEvent(Failed): the event fires once; the resync keeps retrying. */
  private failVolume(pv: PersistentVolume, reason: string, message: string): void {
    this.enqueue(`resync/volume/${pv.metadata.name}`, RESYNC_MS)
    if (pv.status.phase === 'Failed') return
    this.record(this.updateVolumePhase(pv, 'Failed', message), 'Warning', reason, message)
  }

  private updateVolumePhase(pv: PersistentVolume, phase: VolumePhase, message?: string): PersistentVolume {
    if (pv.status.phase === phase) return pv
    const status = { ...pv.status, phase }
    if (message) status.message = message
    else delete status.message
    return this.write(() => this.ctx.api.updateStatus<PersistentVolume>({ ...pv, status }))
  }

  // ---- helpers ----

  /** Sets annotations and `spec` on a claim; writes only if something changes. */
  private updateClaim(claim: PersistentVolumeClaim, set: Record<string, string>, spec = claim.spec) {
    const annotations = { ...claim.metadata.annotations, ...set }
    const unchanged =
      spec === claim.spec && Object.keys(set).every((k) => claim.metadata.annotations?.[k] === set[k])
    if (unchanged) return claim
    const metadata = { ...claim.metadata, annotations }
    return this.write(() => this.ctx.api.update<PersistentVolumeClaim>({ ...claim, metadata, spec }))
  }

  private write<T>(fn: () => T): T {
    this.writing = true
    try {
      return fn()
    } finally {
      this.writing = false
    }
  }

  private record(
    obj: PersistentVolumeClaim | PersistentVolume,
    type: Severity,
    reason: string,
    message: string,
  ) {
    this.ctx.recorder.record(obj, type, reason, message, this.name)
  }

  /** local-path's helper pod creates or removes a directory in about timings.provision. */
  private provisionTime(): number {
    return this.ctx.rng.jitter(this.ctx.timings.provision, this.ctx.timings.jitter)
  }

  private claim(ns: string, name: string): PersistentVolumeClaim | undefined {
    return this.ctx.api.tryGet<PersistentVolumeClaim>('PersistentVolumeClaim', ns, name)
  }

  private volume(name: string): PersistentVolume | undefined {
    return this.ctx.api.tryGet<PersistentVolume>('PersistentVolume', undefined, name)
  }

  private volumes(): VolumeIndex {
    if (!this.volumeIndex?.current) this.volumeIndex = new VolumeIndex(this.ctx.store)
    return this.volumeIndex
  }

  private claimUsers(): ClaimUsers {
    if (!this.claimUsersIndex?.current) this.claimUsersIndex = new ClaimUsers(this.ctx.store)
    return this.claimUsersIndex
  }

  /** Names of the volumes whose claimRef names `claim` or that its spec.volumeName names, in list order. */
  private volumesOfClaim(claim: PersistentVolumeClaim): string[] {
    const names = this.volumes()
      .namingClaim(claim)
      .map((pv) => pv.metadata.name)
    const named = claim.spec.volumeName
    if (named === undefined || names.includes(named) || !this.volume(named)) return names
    return [...names, named].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  }

  private storageClass(name: string): StorageClass | undefined {
    return this.ctx.api.tryGet<StorageClass>('StorageClass', undefined, name)
  }
}

function claimKey(claim: PersistentVolumeClaim): string {
  return `claim/${claim.metadata.namespace}/${claim.metadata.name}`
}

/** getProvisionedVolumeNameForClaim. */
export function provisionedVolumeName(claim: PersistentVolumeClaim): string {
  return `pvc-${claim.metadata.uid}`
}

/** Why local-path's Provision() refuses a claim, in its own words; undefined if it accepts. */
function localPathRefusal(claim: PersistentVolumeClaim, node: string | undefined): string | undefined {
  if (claim.spec.selector && !isEmptySelector(claim.spec.selector))
    return 'claim.Spec.Selector is not supported'
  const modes = claim.spec.accessModes ?? []
  if (modes.some((m) => m !== 'ReadWriteOnce' && m !== 'ReadWriteOncePod')) return NODEPATH_MODES
  if (!node) return 'configuration error, no node was specified'
  return undefined
}

function isTerminated(pod: Pod): boolean {
  return pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed'
}
