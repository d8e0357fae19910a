// What the editor's checks know about the cluster the text will be applied to: the live objects
// (for `configured` versus `created`, update validation and the warnings) plus what the text
// itself declares. Without a view, a fresh Ordinal cluster is assumed (kind's `standard`
// default StorageClass, the four usual namespaces).
import type {
  KubeObject,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  Service,
  StatefulSet,
  StorageClass,
} from '../sim/model'
import { DEFAULT_SHAPE } from '../sim/bootstrap'
import { DEFAULT_CLASS_ANNOTATION } from '../sim/api/apiServer'

/** The live objects of the kinds the editor creates; a ClusterSnapshot is one. */
export interface ClusterView {
  readonly services?: readonly Service[]
  readonly statefulSets?: readonly StatefulSet[]
  readonly claims?: readonly PersistentVolumeClaim[]
  readonly volumes?: readonly PersistentVolume[]
  readonly storageClasses?: readonly StorageClass[]
  readonly pods?: readonly Pod[]
  /** Namespace names; the bootstrap namespaces when absent. */
  readonly namespaces?: readonly string[]
}

/** The StorageClass every fresh cluster has (src/sim/bootstrap.ts). */
export const STANDARD_CLASS: StorageClass = {
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: {
    name: 'standard',
    uid: '',
    resourceVersion: '',
    creationTimestamp: '',
    annotations: { [DEFAULT_CLASS_ANNOTATION]: 'true' },
  },
  provisioner: 'rancher.io/local-path',
} as StorageClass

const key = (kind: string, namespace: string | undefined, name: string) =>
  `${kind}/${namespace ?? ''}/${name}`

/** Lookups over the live cluster and over the cluster as it will be once the text is applied. */
export class ClusterIndex {
  readonly namespaces: ReadonlySet<string>
  private readonly live = new Map<string, KubeObject>()
  private readonly after = new Map<string, KubeObject>()

  constructor(view: ClusterView | undefined, textObjects: readonly KubeObject[]) {
    this.namespaces = new Set(view?.namespaces ?? DEFAULT_SHAPE.namespaces)
    const classes = view?.storageClasses ?? [STANDARD_CLASS]
    const lists = [
      view?.services,
      view?.statefulSets,
      view?.claims,
      view?.volumes,
      classes,
      view?.pods,
    ] as const
    for (const list of lists)
      for (const o of list ?? []) this.live.set(key(o.kind, o.metadata.namespace, o.metadata.name), o)
    for (const [k, o] of this.live) this.after.set(k, o)
    for (const o of textObjects) this.after.set(key(o.kind, o.metadata.namespace, o.metadata.name), o)
  }

  /** The object as it is in the cluster now. */
  liveObject(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.live.get(key(kind, namespace, name))
  }

  /** The object once the text is applied (the text's version wins). */
  planned<T extends KubeObject>(kind: string, namespace: string | undefined, name: string): T | undefined {
    return this.after.get(key(kind, namespace, name)) as T | undefined
  }

  /** Every object of a kind once the text is applied. */
  all<T extends KubeObject>(kind: string): T[] {
    return [...this.after.values()].filter((o) => o.kind === kind) as T[]
  }

  /** The default StorageClass (the newest if several, as DefaultStorageClass admission picks). */
  defaultStorageClass(): StorageClass | undefined {
    const defaults = this.all<StorageClass>('StorageClass').filter(
      (sc) => sc.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true',
    )
    return defaults.sort((a, b) =>
      (a.metadata.creationTimestamp ?? '') < (b.metadata.creationTimestamp ?? '') ? 1 : -1,
    )[0]
  }
}
