// The kinds the simulated API server serves, with the discovery facts kubectl needs
// (resource name, short names, group) — the subset of `kubectl api-resources` Ordinal knows.

export interface KindInfo {
  kind: string
  apiVersion: string
  group: string // '' for core
  resource: string // plural, lower-case
  singular: string
  shortNames: string[]
  namespaced: boolean
}

export const KINDS: readonly KindInfo[] = [
  {
    kind: 'Namespace',
    apiVersion: 'v1',
    group: '',
    resource: 'namespaces',
    singular: 'namespace',
    shortNames: ['ns'],
    namespaced: false,
  },
  {
    kind: 'Node',
    apiVersion: 'v1',
    group: '',
    resource: 'nodes',
    singular: 'node',
    shortNames: ['no'],
    namespaced: false,
  },
  {
    kind: 'Pod',
    apiVersion: 'v1',
    group: '',
    resource: 'pods',
    singular: 'pod',
    shortNames: ['po'],
    namespaced: true,
  },
  {
    kind: 'Service',
    apiVersion: 'v1',
    group: '',
    resource: 'services',
    singular: 'service',
    shortNames: ['svc'],
    namespaced: true,
  },
  {
    kind: 'PersistentVolumeClaim',
    apiVersion: 'v1',
    group: '',
    resource: 'persistentvolumeclaims',
    singular: 'persistentvolumeclaim',
    shortNames: ['pvc'],
    namespaced: true,
  },
  {
    kind: 'PersistentVolume',
    apiVersion: 'v1',
    group: '',
    resource: 'persistentvolumes',
    singular: 'persistentvolume',
    shortNames: ['pv'],
    namespaced: false,
  },
  {
    kind: 'Endpoints',
    apiVersion: 'v1',
    group: '',
    resource: 'endpoints',
    singular: 'endpoints',
    shortNames: ['ep'],
    namespaced: true,
  },
  {
    kind: 'Event',
    apiVersion: 'v1',
    group: '',
    resource: 'events',
    singular: 'event',
    shortNames: ['ev'],
    namespaced: true,
  },
  {
    kind: 'StatefulSet',
    apiVersion: 'apps/v1',
    group: 'apps',
    resource: 'statefulsets',
    singular: 'statefulset',
    shortNames: ['sts'],
    namespaced: true,
  },
  {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    group: 'apps',
    resource: 'deployments',
    singular: 'deployment',
    shortNames: ['deploy'],
    namespaced: true,
  },
  {
    kind: 'ReplicaSet',
    apiVersion: 'apps/v1',
    group: 'apps',
    resource: 'replicasets',
    singular: 'replicaset',
    shortNames: ['rs'],
    namespaced: true,
  },
  {
    kind: 'ControllerRevision',
    apiVersion: 'apps/v1',
    group: 'apps',
    resource: 'controllerrevisions',
    singular: 'controllerrevision',
    shortNames: [],
    namespaced: true,
  },
  {
    kind: 'StorageClass',
    apiVersion: 'storage.k8s.io/v1',
    group: 'storage.k8s.io',
    resource: 'storageclasses',
    singular: 'storageclass',
    shortNames: ['sc'],
    namespaced: false,
  },
  {
    kind: 'EndpointSlice',
    apiVersion: 'discovery.k8s.io/v1',
    group: 'discovery.k8s.io',
    resource: 'endpointslices',
    singular: 'endpointslice',
    shortNames: [],
    namespaced: true,
  },
]

const byKind = new Map(KINDS.map((k) => [k.kind, k]))

export function kindInfo(kind: string): KindInfo | undefined {
  return byKind.get(kind)
}

/** Resolves what a user typed (`po`, `pods`, `pod`, `statefulsets.apps`, `sts`) to a kind. */
export function resolveResource(name: string): KindInfo | undefined {
  const lower = name.toLowerCase()
  const [base, ...groupParts] = lower.split('.')
  const group = groupParts.join('.')
  return KINDS.find(
    (k) =>
      (k.resource === base ||
        k.singular === base ||
        k.shortNames.includes(base ?? '') ||
        k.kind.toLowerCase() === base) &&
      (group === '' || k.group === group),
  )
}

/** `statefulset.apps`, `pod`, `storageclass.storage.k8s.io` — how kubectl names a kind in messages. */
export function qualifiedSingular(info: KindInfo): string {
  return info.group ? `${info.singular}.${info.group}` : info.singular
}

/** `statefulsets.apps`, `pods` — how kubectl names a resource in NotFound errors. */
export function qualifiedResource(info: KindInfo): string {
  return info.group ? `${info.resource}.${info.group}` : info.resource
}
