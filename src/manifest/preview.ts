// What applying the editor's text would create, before it is applied: each object as kubectl
// would report it (`statefulset.apps/web created`), and for each StatefulSet its slots — pod
// names `web-0…web-N-1` from `ordinals.start`, the claims `www-web-0…` its templates stamp out,
// and the per-pod DNS names its headless Service will publish (slots.ts). Pure; computed with
// the diagnostics in one pass by check.ts.
import { checkManifests } from './check'
import type { CheckOptions } from './validate'

export { MAX_SLOTS } from './slots'

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

export function previewManifests(text: string, options: CheckOptions = {}): ManifestPreview {
  return checkManifests(text, options).preview
}
