// StatefulSet mistakes the API server accepts but that leave the learner without what they came
// for: a serviceName that names no headless Service (no per-pod DNS names) and claims that no
// StorageClass or PersistentVolume will serve (they stay Pending, and under OrderedReady so does
// every pod). Checked against the cluster as it will be once the text is applied.
import type {
  KubeObject,
  PersistentVolume,
  PersistentVolumeClaimSpec,
  Service,
  StatefulSet,
} from '../sim/model'
import { mapSelectorMatches } from '../sim/api/labels'
import type { ClusterIndex } from './cluster'

export interface ManifestWarning {
  message: string
  /** The API field path it is about. */
  path: string
}

/** The headless Service a set's pods get DNS names from, or why there is none. */
export function governingService(
  set: StatefulSet,
  cluster: ClusterIndex,
): { service: Service } | { problem: ManifestWarning } {
  const ns = set.metadata.namespace
  const name = set.spec?.serviceName
  const pod0 = `${set.metadata.name}-${set.spec?.ordinals?.start ?? 0}`
  if (!name) {
    return {
      problem: {
        path: 'spec.serviceName',
        message: `spec.serviceName is not set: the pods of StatefulSet "${set.metadata.name}" get no DNS names (${pod0}.<service>.${ns}.svc.cluster.local)`,
      },
    }
  }
  const service = cluster.planned<Service>('Service', ns, name)
  if (!service) {
    const headless = cluster
      .all<Service>('Service')
      .filter((s) => s.metadata.namespace === ns && isHeadless(s))
      .map((s) => s.metadata.name)
    const hint = headless.length ? ` (headless Services in "${ns}": ${headless.join(', ')})` : ''
    return {
      problem: {
        path: 'spec.serviceName',
        message: `serviceName "${name}" names no Service in namespace "${ns}"${hint}: ${pod0}.${name}.${ns}.svc.cluster.local will not resolve`,
      },
    }
  }
  if (!isHeadless(service)) {
    return {
      problem: {
        path: 'spec.serviceName',
        message: `Service "${name}" is not headless (set clusterIP: None): the pods get no DNS names such as ${pod0}.${name}.${ns}.svc.cluster.local`,
      },
    }
  }
  const selector = service.spec?.selector
  const labels = set.spec?.template?.metadata?.labels
  if (!selector || Object.keys(selector).length === 0 || !mapSelectorMatches(selector, labels)) {
    const wanted = Object.entries(selector ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join(',')
    return {
      problem: {
        path: 'spec.serviceName',
        message: `Service "${name}" selects ${wanted ? `"${wanted}"` : 'no pods (it has no selector)'}, which the pod template's labels do not match: its endpoints stay empty and ${pod0}.${name}.${ns}.svc.cluster.local will not resolve`,
      },
    }
  }
  return { service }
}

export function isHeadless(service: Service): boolean {
  return service.spec?.clusterIP === 'None'
}

/** Why no StorageClass or PersistentVolume will serve a claim spec, or undefined when one will. */
export function unservedClaim(
  spec: PersistentVolumeClaimSpec | undefined,
  claims: string,
  cluster: ClusterIndex,
): string | undefined {
  const className = spec?.storageClassName
  const volumes = cluster.all<PersistentVolume>('PersistentVolume')
  const classes = cluster.all<KubeObject>('StorageClass').map((c) => c.metadata.name)
  const known = classes.length ? `StorageClasses: ${classes.join(', ')}` : 'no StorageClasses exist'
  if (className === undefined || className === null) {
    if (cluster.defaultStorageClass()) return undefined
    return `no default StorageClass (${known}): ${claims} will stay Pending until a matching PersistentVolume exists`
  }
  if (className === '') {
    if (volumes.some((v) => !v.spec?.storageClassName)) return undefined
    return `storageClassName "" turns off dynamic provisioning and no PersistentVolume without a class exists: ${claims} will stay Pending`
  }
  if (classes.includes(className)) return undefined
  if (volumes.some((v) => v.spec?.storageClassName === className)) return undefined
  return `storageclass.storage.k8s.io "${className}" not found (${known}): ${claims} will stay Pending`
}

/** The warnings for one object of the text. */
export function objectWarnings(object: KubeObject, cluster: ClusterIndex): ManifestWarning[] {
  if (object.kind === 'PersistentVolumeClaim') {
    const spec = (object as unknown as { spec?: PersistentVolumeClaimSpec }).spec
    const message = unservedClaim(spec, `claim "${object.metadata.name}"`, cluster)
    return message ? [{ message, path: storageClassPath('spec', spec) }] : []
  }
  if (object.kind !== 'StatefulSet') return []
  const set = object as StatefulSet
  const warnings: ManifestWarning[] = []
  const governing = governingService(set, cluster)
  if ('problem' in governing) warnings.push(governing.problem)
  const replicas = typeof set.spec?.replicas === 'number' ? set.spec.replicas : 1
  const start = set.spec?.ordinals?.start ?? 0
  for (const [i, template] of (set.spec?.volumeClaimTemplates ?? []).entries()) {
    const name = template?.metadata?.name
    if (!name) continue
    const first = `${name}-${set.metadata.name}-${start}`
    const claims = replicas > 1 ? `claims ${first}…` : `claim ${first}`
    const message = unservedClaim(template.spec, claims, cluster)
    if (message)
      warnings.push({
        message,
        path: storageClassPath(`spec.volumeClaimTemplates[${i}].spec`, template.spec),
      })
  }
  return warnings
}

function storageClassPath(specPath: string, spec: PersistentVolumeClaimSpec | undefined): string {
  return spec && 'storageClassName' in spec ? `${specPath}.storageClassName` : specPath
}
