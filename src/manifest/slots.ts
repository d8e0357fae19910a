// The slots a StatefulSet in the text will have (pod names from `ordinals.start`, the claims its
// templates stamp out, the per-pod DNS names its headless Service will publish), for the preview.
import type { Service, StatefulSet } from '../sim/model'
import { CLUSTER_DOMAIN } from '../sim/bootstrap'
import type { ClusterIndex } from './cluster'
import type { SlotPreview, StatefulSetPreview } from './preview'
import { governingService, isHeadless } from './warnings'

/** Slots listed per StatefulSet. */
export const MAX_SLOTS = 500

/** The preview of one set, listing at most `budget` slots (and never more than MAX_SLOTS). */
export function setPreview(set: StatefulSet, cluster: ClusterIndex, budget = MAX_SLOTS): StatefulSetPreview {
  const ns = set.metadata.namespace ?? 'default'
  const raw: unknown = set.spec?.replicas
  const counted = raw === undefined || (Number.isInteger(raw) && (raw as number) >= 0)
  const replicas = raw === undefined ? 1 : counted ? (raw as number) : 0
  const start = set.spec?.ordinals?.start ?? 0
  const templates = (set.spec?.volumeClaimTemplates ?? []).map((t) => t?.metadata?.name).filter(Boolean)
  const governing = governingService(set, cluster)
  const service = 'service' in governing && isHeadless(governing.service) ? governing.service : undefined
  const slots: SlotPreview[] = []
  for (let ordinal = start; ordinal < start + Math.min(replicas, MAX_SLOTS, budget); ordinal++) {
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
