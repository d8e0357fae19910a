// The simulated kube-apiserver: decoding, defaulting, admission, validation, resourceVersion and
// generation bookkeeping, and deletion semantics (graceful pod deletion, finalizers, propagation
// policies). Controllers, the kubelet and kubectl all write through here; only the store below
// it holds state.
import type { KubeObject, Manifest, PersistentVolumeClaim, Pod, Service, StorageClass } from '../model'
import { kindInfo, qualifiedResource, type KindInfo } from '../model/kinds'
import type { Rng } from '../runtime/rng'
import { timestamp } from '../runtime/time'
import { StatusError, alreadyExists, invalid, notFound } from './errors'
import { ObjectStore, objectKey } from './store'
import { applyDefaults, prepareServiceForUpdate } from './defaults'
import { decodeQuantities } from './decode'
import { decodeFields, type FieldValidation } from './fieldValidation'
import { withDefaultTolerations } from './defaultTolerationSeconds'
import { validateCreate, validateUpdate } from './validation'

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan'

export interface DeleteOptions {
  gracePeriodSeconds?: number
  propagationPolicy?: PropagationPolicy
}

export interface WriteOptions {
  dryRun?: boolean
  /** The request's fieldValidation (kubectl's `--validate`); the engine's own writes leave it out. */
  fieldValidation?: FieldValidation
  /** For an update: the strategic merge patch it came from (`kubectl apply`), quoted by strict errors. */
  patch?: Record<string, unknown>
  /** Receives the warnings the response carries (the Warning header kubectl prints). */
  warnings?: string[]
}

/** Kinds whose spec changes bump metadata.generation. */
const GENERATION_KINDS = new Set(['StatefulSet', 'Deployment', 'ReplicaSet'])
/** Kinds served with a status subresource: a main-resource update never changes status. */
const STATUS_KINDS = new Set([
  'Pod',
  'StatefulSet',
  'Deployment',
  'ReplicaSet',
  'PersistentVolumeClaim',
  'PersistentVolume',
  'Node',
  'Namespace',
  'Service',
])

export const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class'

export class ApiServer {
  constructor(
    readonly store: ObjectStore,
    private readonly clock: { readonly now: number },
    private readonly rng: Rng,
  ) {}

  now(): string {
    return timestamp(this.clock.now)
  }

  info(kind: string): KindInfo {
    const info = kindInfo(kind)
    if (!info)
      throw new StatusError('NotFound', `the server could not find the requested resource (kind ${kind})`)
    return info
  }

  get<T extends KubeObject>(kind: string, namespace: string | undefined, name: string): T {
    const info = this.info(kind)
    const obj = this.store.get<T>(kind, info.namespaced ? namespace : undefined, name)
    if (!obj) throw notFound(qualifiedResource(info), name)
    return obj
  }

  tryGet<T extends KubeObject>(kind: string, namespace: string | undefined, name: string): T | undefined {
    const info = kindInfo(kind)
    return this.store.get<T>(kind, info?.namespaced ? namespace : undefined, name)
  }

  list<T extends KubeObject>(kind: string, namespace?: string): T[] {
    return this.store.list<T>(kind, namespace)
  }

  /** POST: runs the admission chain and stores the object; returns what was stored. */
  create<T extends KubeObject>(manifest: Manifest<T> | KubeObject, opts: WriteOptions = {}): T {
    const info = this.info(manifest.kind)
    decodeQuantities(manifest as KubeObject)
    const decoded = decodeFields(manifest as KubeObject, { fieldValidation: opts.fieldValidation })
    opts.warnings?.push(...decoded.warnings)
    manifest = decoded.object
    const meta = { ...manifest.metadata }
    if (info.namespaced) meta.namespace = meta.namespace || 'default'
    else delete meta.namespace
    if (!meta.name && meta.generateName) meta.name = meta.generateName + this.rng.suffix(5)
    let obj = applyDefaults({ ...(manifest as KubeObject), metadata: meta } as KubeObject) as T
    obj = this.admit(obj)
    const errors = validateCreate(obj)
    if (errors.length) throw invalid(info.kind, info.group, obj.metadata.name ?? '', errors)
    if (info.namespaced) this.requireNamespace(obj.metadata.namespace!)
    if (this.store.get(info.kind, obj.metadata.namespace, obj.metadata.name)) {
      throw alreadyExists(qualifiedResource(info), obj.metadata.name)
    }
    const stored = {
      ...obj,
      metadata: {
        ...obj.metadata,
        uid: this.rng.uuid(),
        resourceVersion: '',
        creationTimestamp: this.now(),
        ...(GENERATION_KINDS.has(info.kind) ? { generation: 1 } : {}),
      },
    } as T
    delete (stored.metadata as { deletionTimestamp?: string }).deletionTimestamp
    if (opts.dryRun) return stored
    stored.metadata.resourceVersion = this.store.nextResourceVersion()
    this.store.put(stored)
    return stored
  }

  /**
   * PUT on the main resource: metadata and spec come from `obj`, status stays as stored.
   * Removing the last finalizer of an object being deleted removes it.
   */
  update<T extends KubeObject>(obj: T, opts: WriteOptions = {}): T {
    const info = this.info(obj.kind)
    const old = this.get<T>(obj.kind, obj.metadata.namespace, obj.metadata.name)
    decodeQuantities(obj)
    const decoded = decodeFields(obj, {
      fieldValidation: opts.fieldValidation,
      ...(opts.patch ? { patch: { body: opts.patch, live: old } } : {}),
    })
    opts.warnings?.push(...decoded.warnings)
    let next = applyDefaults(decoded.object) as T
    if (next.kind === 'Service')
      next = prepareServiceForUpdate(old as unknown as Service, next as unknown as Service) as unknown as T
    const errors = validateUpdate(old, next)
    if (errors.length) throw invalid(info.kind, info.group, obj.metadata.name, errors)
    const o = old as unknown as Record<string, unknown>
    next = {
      ...next,
      ...(STATUS_KINDS.has(info.kind) && 'status' in o ? { status: o.status } : {}),
      metadata: {
        ...next.metadata,
        uid: old.metadata.uid,
        creationTimestamp: old.metadata.creationTimestamp,
        deletionTimestamp: old.metadata.deletionTimestamp,
        deletionGracePeriodSeconds: old.metadata.deletionGracePeriodSeconds,
        generation: old.metadata.generation,
      },
    }
    if (!next.metadata.deletionTimestamp) delete next.metadata.deletionTimestamp
    if (next.metadata.deletionGracePeriodSeconds === undefined)
      delete next.metadata.deletionGracePeriodSeconds
    if (old.metadata.generation !== undefined && specOf(old) !== specOf(next)) {
      next.metadata.generation = old.metadata.generation + 1
    } else if (old.metadata.generation === undefined) delete next.metadata.generation
    if (opts.dryRun) return next
    if (sameContent(old, next)) return old
    return this.write(next)
  }

  /** PUT on the status subresource: only status changes. */
  updateStatus<T extends KubeObject & { status?: unknown }>(obj: T): T {
    const old = this.get<T>(obj.kind, obj.metadata.namespace, obj.metadata.name)
    if (deepEqual(old.status, obj.status)) return old
    return this.write({ ...old, status: obj.status })
  }

  /** The pods/binding subresource: the scheduler's way of setting spec.nodeName. */
  bindPod(pod: Pod, nodeName: string): Pod {
    const current = this.get<Pod>('Pod', pod.metadata.namespace, pod.metadata.name)
    if (current.spec.nodeName)
      throw new StatusError(
        'Conflict',
        `pod ${pod.metadata.name} is already assigned to node "${current.spec.nodeName}"`,
      )
    const conditions = [
      ...(current.status.conditions ?? []).filter((c) => c.type !== 'PodScheduled'),
      { type: 'PodScheduled', status: 'True' as const, lastProbeTime: null, lastTransitionTime: this.now() },
    ]
    return this.write({
      ...current,
      spec: { ...current.spec, nodeName },
      status: { ...current.status, conditions },
    })
  }

  /**
   * DELETE. Pods on a node get a grace period (the kubelet finishes them); objects with
   * finalizers (or a Foreground/Orphan propagation policy) get a deletionTimestamp and wait.
   * Returns the object as it now is (its last state if it is gone).
   */
  delete<T extends KubeObject>(
    kind: string,
    namespace: string | undefined,
    name: string,
    opts: DeleteOptions = {},
  ): T {
    const obj = this.get<T>(kind, namespace, name)
    const meta = obj.metadata
    if (obj.kind === 'Pod') return this.deletePod(obj as unknown as Pod, opts) as unknown as T
    if (meta.deletionTimestamp) return obj
    const finalizers = [...(meta.finalizers ?? [])]
    if (opts.propagationPolicy === 'Foreground' && !finalizers.includes('foregroundDeletion')) {
      finalizers.push('foregroundDeletion')
    }
    if (opts.propagationPolicy === 'Orphan' && !finalizers.includes('orphan')) finalizers.push('orphan')
    if (finalizers.length === 0) {
      this.store.remove(obj)
      return obj
    }
    return this.write({
      ...obj,
      metadata: { ...meta, finalizers, deletionTimestamp: this.now(), deletionGracePeriodSeconds: 0 },
    })
  }

  private deletePod(pod: Pod, opts: DeleteOptions): Pod {
    const meta = pod.metadata
    let grace = opts.gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30
    // A pod no kubelet runs (unscheduled, or already finished) has nothing to wait for.
    if (!pod.spec.nodeName || pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') grace = 0
    if (meta.deletionTimestamp && (meta.deletionGracePeriodSeconds ?? 0) <= grace) return pod
    const finalizers = [...(meta.finalizers ?? [])]
    if (opts.propagationPolicy === 'Orphan' && !finalizers.includes('orphan')) finalizers.push('orphan')
    if (opts.propagationPolicy === 'Foreground' && !finalizers.includes('foregroundDeletion')) {
      finalizers.push('foregroundDeletion')
    }
    if (grace === 0 && finalizers.length === 0) {
      this.store.remove(pod)
      return pod
    }
    return this.write({
      ...pod,
      metadata: {
        ...meta,
        finalizers: finalizers.length ? finalizers : undefined,
        deletionTimestamp: timestamp(this.clock.now + grace * 1000),
        deletionGracePeriodSeconds: grace,
      },
    })
  }

  private write<T extends KubeObject>(obj: T): T {
    const meta = obj.metadata
    if (meta.finalizers && meta.finalizers.length === 0) delete meta.finalizers
    if (meta.deletionTimestamp && !meta.finalizers?.length) {
      // A pod with a grace period left is finished by its kubelet, not here.
      const waitingForKubelet = obj.kind === 'Pod' && (meta.deletionGracePeriodSeconds ?? 0) > 0
      if (!waitingForKubelet) {
        this.store.remove(obj)
        return obj
      }
    }
    const stored = { ...obj, metadata: { ...meta, resourceVersion: this.store.nextResourceVersion() } }
    this.store.put(stored)
    return stored
  }

  private requireNamespace(ns: string): void {
    if (!this.store.get('Namespace', undefined, ns)) throw notFound('namespaces', ns)
  }

  /** Mutating admission plugins: DefaultStorageClass, StorageObjectInUseProtection, ClusterIP allocation, DefaultTolerationSeconds. */
  private admit<T extends KubeObject>(obj: T): T {
    switch (obj.kind) {
      case 'PersistentVolumeClaim': {
        const pvc = obj as unknown as PersistentVolumeClaim
        const spec = { ...pvc.spec }
        if (spec.storageClassName === undefined) {
          const cls = this.defaultStorageClass()
          if (cls) spec.storageClassName = cls.metadata.name
        }
        const meta = withFinalizer(pvc.metadata, 'kubernetes.io/pvc-protection')
        return { ...pvc, metadata: meta, spec, status: pvc.status ?? { phase: 'Pending' } } as unknown as T
      }
      case 'PersistentVolume':
        return { ...obj, metadata: withFinalizer(obj.metadata, 'kubernetes.io/pv-protection') }
      case 'Service':
        return this.allocateClusterIP(obj as unknown as Service) as unknown as T
      case 'Pod': {
        const pod = withDefaultTolerations(obj as unknown as Pod)
        return { ...pod, status: { phase: 'Pending', qosClass: qosClass(pod) } } as unknown as T
      }
      default:
        return obj
    }
  }

  /** The default StorageClass; with several, the newest wins (as DefaultStorageClass admission picks). */
  defaultStorageClass(): StorageClass | undefined {
    const defaults = this.store
      .list<StorageClass>('StorageClass')
      .filter((sc) => sc.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true')
    return defaults.sort((a, b) => (a.metadata.creationTimestamp < b.metadata.creationTimestamp ? 1 : -1))[0]
  }

  private allocateClusterIP(svc: Service): Service {
    const spec = { ...svc.spec }
    if (spec.type === 'ExternalName') return svc
    if (spec.clusterIP === 'None') return { ...svc, spec: { ...spec, clusterIPs: ['None'] } }
    if (!spec.clusterIP) {
      // 10.96.0.0/12; .0.1 is `kubernetes`, .0.10 is kube-dns.
      const used = new Set(this.store.list<Service>('Service').map((s) => s.spec.clusterIP))
      let ip: string
      do {
        ip = `10.${96 + this.rng.int(0, 15)}.${this.rng.int(0, 255)}.${this.rng.int(1, 254)}`
      } while (used.has(ip))
      spec.clusterIP = ip
    }
    spec.clusterIPs = [spec.clusterIP]
    return { ...svc, spec }
  }
}

/** The QoS class the API server computes (simplified: no requests/limits → BestEffort). */
function qosClass(pod: Pod): string {
  const containers = pod.spec.containers ?? []
  const any = containers.some((c) => c.resources?.requests || c.resources?.limits)
  if (!any) return 'BestEffort'
  const guaranteed = containers.every(
    (c) =>
      c.resources?.limits?.cpu &&
      c.resources.limits.memory &&
      JSON.stringify(c.resources.requests ?? c.resources.limits) === JSON.stringify(c.resources.limits),
  )
  return guaranteed ? 'Guaranteed' : 'Burstable'
}

function withFinalizer<M extends { finalizers?: string[] }>(meta: M, finalizer: string): M {
  const finalizers = meta.finalizers ?? []
  return finalizers.includes(finalizer) ? meta : { ...meta, finalizers: [...finalizers, finalizer] }
}

/** Structural equality of JSON-like values, stopping at the first difference (cheaper than comparing JSON text). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  if (ka.length !== kb.length) return false
  for (const k of ka) {
    if (!deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false
  }
  return true
}

function specOf(obj: KubeObject): string {
  return JSON.stringify((obj as unknown as { spec?: unknown }).spec)
}

function sameContent(a: KubeObject, b: KubeObject): boolean {
  const strip = (o: KubeObject) => JSON.stringify({ ...o, metadata: { ...o.metadata, resourceVersion: '' } })
  return strip(a) === strip(b)
}

export { objectKey }
