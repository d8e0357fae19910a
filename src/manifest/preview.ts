// What applying the editor's text would create, before it is applied: each object as kubectl
// would report it (`statefulset.apps/web created`), and for each StatefulSet its slots — pod
// names `web-0…web-N-1` from `ordinals.start`, the claims `www-web-0…` its templates stamp out,
// and the per-pod DNS names its headless Service will publish. Pure.
import type { StatefulSet } from '../sim/model'
import { qualifiedSingular } from '../sim/model/kinds'
import { CLUSTER_DOMAIN } from '../sim/bootstrap'
import { checkOnServer } from './admission'
import { ClusterIndex } from './cluster'
import { loadDocuments } from './documents'
import { EDITOR_SOURCE, type CheckOptions } from './validate'
import { governingService, isHeadless } from './warnings'
import type { Service } from '../sim/model'

export interface PreviewObject {
  kind: string
  name: string
  namespace?: string
  /** kubectl's name for it: `service/nginx`, `statefulset.apps/web`. */
  ref: string
  action: 'created' | 'configured'
  /** The API server would refuse it (the diagnostics say why). */
  fails: boolean
  /** A Service's DNS name (`nginx.default.svc.cluster.local`). */
  dnsName?: string
}

export interface SlotPreview {
  ordinal: number
  pod: string
  claims: string[]
  /** The pod's DNS name, when a headless Service governs the set. */
  dnsName?: string
}

export interface StatefulSetPreview {
  name: string
  namespace: string
  replicas: number
  podManagementPolicy: string
  /** The first slots (at most MAX_SLOTS); `replicas` says how many there will be. */
  slots: SlotPreview[]
  /** The headless Service that publishes the pods' DNS names. */
  serviceName?: string
  /** Why the pods will get no DNS names. */
  dnsProblem?: string
  /** Why no slots can be listed (a replica count that is not a whole number). */
  problem?: string
}

export interface ManifestPreview {
  objects: PreviewObject[]
  statefulSets: StatefulSetPreview[]
}

export const MAX_SLOTS = 500

export function previewManifests(text: string, options: CheckOptions = {}): ManifestPreview {
  const source = options.source ?? EDITOR_SOURCE
  const loaded = loadDocuments(text, source)
  const items = loaded.objects.flatMap((o) => (o.item ? [o.item] : []))
  const cluster = new ClusterIndex(
    options.cluster,
    items.map((i) => i.object),
  )
  const objects: PreviewObject[] = []
  const statefulSets: StatefulSetPreview[] = []
  for (const item of items) {
    const { object, info } = item
    const outcome = checkOnServer(item, cluster, source)
    const fails = outcome.failures.length > 0
    const ns = object.metadata.namespace
    objects.push({
      kind: info.kind,
      name: object.metadata.name,
      ...(ns ? { namespace: ns } : {}),
      ref: `${qualifiedSingular(info)}/${object.metadata.name}`,
      action: outcome.action,
      fails,
      ...(info.kind === 'Service' ? { dnsName: `${object.metadata.name}.${ns}.svc.${CLUSTER_DOMAIN}` } : {}),
    })
    if (info.kind === 'StatefulSet' && !fails) statefulSets.push(setPreview(object as StatefulSet, cluster))
  }
  return { objects, statefulSets }
}

function setPreview(set: StatefulSet, cluster: ClusterIndex): StatefulSetPreview {
  const ns = set.metadata.namespace ?? 'default'
  const raw: unknown = set.spec?.replicas
  const counted = raw === undefined || (Number.isInteger(raw) && (raw as number) >= 0)
  const replicas = raw === undefined ? 1 : counted ? (raw as number) : 0
  const start = set.spec?.ordinals?.start ?? 0
  const templates = (set.spec?.volumeClaimTemplates ?? []).map((t) => t?.metadata?.name).filter(Boolean)
  const governing = governingService(set, cluster)
  const service = 'service' in governing && isHeadless(governing.service) ? governing.service : undefined
  const slots: SlotPreview[] = []
  for (let ordinal = start; ordinal < start + Math.min(replicas, MAX_SLOTS); ordinal++) {
    const pod = `${set.metadata.name}-${ordinal}`
    slots.push({
      ordinal,
      pod,
      claims: templates.map((t) => `${t}-${pod}`),
      ...(service ? { dnsName: podDnsName(pod, service, ns) } : {}),
    })
  }
  return {
    name: set.metadata.name,
    namespace: ns,
    replicas,
    podManagementPolicy: set.spec?.podManagementPolicy || 'OrderedReady',
    slots,
    ...(service ? { serviceName: service.metadata.name } : {}),
    ...('problem' in governing ? { dnsProblem: governing.problem.message } : {}),
    ...(counted ? {} : { problem: `spec.replicas is ${JSON.stringify(raw)}, not a whole number of pods` }),
  }
}

function podDnsName(pod: string, service: Service, ns: string): string {
  return `${pod}.${service.metadata.name}.${ns}.svc.${CLUSTER_DOMAIN}`
}
