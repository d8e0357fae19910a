// Port of k8s.io/endpointslice/util/controller_utils.go (plus podutil.FindPort / IsPodReady): the
// predicates both endpoint controllers share — which pods belong in endpoints, when an endpoint
// carries a hostname, how a Service port resolves on a pod, and which Services a pod event concerns.
import type { Endpoint, EndpointSlicePort, Pod, Service, ServicePort } from '../../model'
import type { ObjectStore, WatchEvent } from '../../api/store'
import { objectKey } from '../../api/store'
import { mapSelectorMatches } from '../../api/labels'

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name'
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by'
export const HEADLESS_LABEL = 'service.kubernetes.io/headless'

/**
 * Whether the endpoint controllers manage endpoints for `svc`: not ExternalName, and a selector.
 * An empty selector counts as none: the API server's storage round trip turns `{}` into nil.
 */
export function selectsPods(svc: Service): boolean {
  return svc.spec.type !== 'ExternalName' && Object.keys(svc.spec.selector ?? {}).length > 0
}

export function isHeadless(svc: Service): boolean {
  return svc.spec.clusterIP === 'None' || svc.spec.clusterIPs?.[0] === 'None'
}

export function isPodReady(pod: Pod): boolean {
  return pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false
}

/** IPv4 pod IPs (status.podIPs, or status.podIP when only that is set). The simulator is IPv4-only. */
export function podIPv4s(pod: Pod): string[] {
  const ips = pod.status.podIPs?.length
    ? pod.status.podIPs.map((p) => p.ip)
    : pod.status.podIP
      ? [pod.status.podIP]
      : []
  return ips.filter((ip) => ip.includes('.'))
}

function isTerminal(pod: Pod): boolean {
  return pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed'
}

/** ShouldPodBeInEndpoints: not terminal, has an IP, and (unless included) not terminating. */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  if (isTerminal(pod)) return false
  if (!pod.status.podIP && !pod.status.podIPs?.length) return false
  return includeTerminating || !pod.metadata.deletionTimestamp
}

/** ShouldSetHostname: the pod names a hostname and this Service (same namespace) as its subdomain. */
export function shouldSetHostname(pod: Pod, svc: Service): boolean {
  return (
    !!pod.spec.hostname &&
    pod.spec.subdomain === svc.metadata.name &&
    pod.metadata.namespace === svc.metadata.namespace
  )
}

/**
 * podutil.FindPort: a numeric targetPort is used as is (absent means `port`, as API defaulting
 * sets it); a named one must match a container port with the same name and protocol.
 */
export function findPort(pod: Pod, svcPort: ServicePort): number | undefined {
  const target = svcPort.targetPort ?? svcPort.port
  if (typeof target === 'number') return target
  const protocol = svcPort.protocol ?? 'TCP'
  for (const c of [...pod.spec.containers, ...(pod.spec.initContainers ?? [])]) {
    for (const p of c.ports ?? []) {
      if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort
    }
  }
  return undefined
}

/** Keys (`ns/name`) of the Services in the pod's namespace whose selector matches `pod`. */
export function podServiceMemberships(store: ObjectStore, pod: Pod): Set<string> {
  const keys = new Set<string>()
  for (const svc of store.scan<Service>('Service', pod.metadata.namespace)) {
    if (!selectsPods(svc)) continue
    if (mapSelectorMatches(svc.spec.selector, pod.metadata.labels)) {
      keys.add(objectKey(svc.metadata.namespace, svc.metadata.name))
    }
  }
  return keys
}

/**
 * GetServicesToUpdateOnPodChange: a pod event concerns the Services selecting the pod (before
 * and after a label change), and a modification only when something endpoints show changed.
 * Costs O(Services in the namespace), never O(pods).
 */
export function servicesToUpdateOnPodChange(store: ObjectStore, e: WatchEvent): Set<string> {
  const pod = e.object as Pod
  if (e.type !== 'MODIFIED' || !e.oldObject) return podServiceMemberships(store, pod)
  const old = e.oldObject as Pod
  const labelsChanged =
    !sameLabels(old.metadata.labels, pod.metadata.labels) ||
    old.spec.hostname !== pod.spec.hostname ||
    old.spec.subdomain !== pod.spec.subdomain
  const podChanged = podEndpointsChanged(old, pod)
  if (!podChanged && !labelsChanged) return new Set()
  const services = podServiceMemberships(store, pod)
  if (!labelsChanged) return services
  const oldServices = podServiceMemberships(store, old)
  // determineNeededServiceUpdates: all of both sets if the pod changed, else those it joined or left.
  const out = new Set<string>()
  for (const k of services) if (podChanged || !oldServices.has(k)) out.add(k)
  for (const k of oldServices) if (podChanged || !services.has(k)) out.add(k)
  return out
}

/**
 * podEndpointsChanged: deletion started, readiness flipped, or the IPs changed. The simulator also
 * counts a move to a terminal phase, which removes the pod from endpoints whatever its readiness.
 */
function podEndpointsChanged(old: Pod, pod: Pod): boolean {
  return (
    old.metadata.deletionTimestamp !== pod.metadata.deletionTimestamp ||
    isPodReady(old) !== isPodReady(pod) ||
    podIPv4s(old).join(',') !== podIPv4s(pod).join(',') ||
    isTerminal(old) !== isTerminal(pod)
  )
}

/** PortMapKey: identifies a set of ports whatever their order (null and [] are the same). */
export function portMapKey(ports: readonly EndpointSlicePort[] | null | undefined): string {
  return (ports ?? [])
    .map((p) => `${p.name ?? ''}/${p.protocol ?? ''}/${p.port ?? ''}`)
    .sort()
    .join(',')
}

const endpointKeys = new WeakMap<Endpoint, string>()

/**
 * The endpoint's identity (hashEndpoint): pod, addresses and hostname; conditions may change.
 * Memoized per object: endpoints are never changed once built.
 */
export function endpointKey(ep: Endpoint): string {
  let key = endpointKeys.get(ep)
  if (key === undefined) {
    const ref = ep.targetRef
    key = `${ref?.namespace ?? ''}/${ref?.name ?? ''}|${[...ep.addresses].sort().join(',')}|${ep.hostname ?? ''}`
    endpointKeys.set(ep, key)
  }
  return key
}

/** EndpointsEqualBeyondHash, for the fields podToEndpoint sets. */
export function endpointsEqual(a: Endpoint, b: Endpoint): boolean {
  const ca = a.conditions
  const cb = b.conditions
  return (
    a.addresses.join(',') === b.addresses.join(',') &&
    ca.ready === cb.ready &&
    ca.serving === cb.serving &&
    ca.terminating === cb.terminating &&
    a.hostname === b.hostname &&
    a.nodeName === b.nodeName &&
    a.zone === b.zone &&
    a.targetRef?.uid === b.targetRef?.uid &&
    a.targetRef?.name === b.targetRef?.name &&
    a.targetRef?.namespace === b.targetRef?.namespace
  )
}

/** The pods of `namespace` a Service selector picks, by name. O(pods in the namespace). */
export function selectedPods(
  store: ObjectStore,
  namespace: string | undefined,
  selector: Record<string, string>,
): Pod[] {
  const pairs = Object.entries(selector)
  const pods: Pod[] = []
  for (const pod of store.scan<Pod>('Pod', namespace)) {
    const labels = pod.metadata.labels
    if (labels && pairs.every(([k, v]) => labels[k] === v)) pods.push(pod)
  }
  return pods.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))
}

/** JSON equality for plain API data built in the same key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** Labels compared regardless of key order. */
export function sameLabels(
  a: Readonly<Record<string, string>> | undefined,
  b: Readonly<Record<string, string>> | undefined,
): boolean {
  const ka = Object.keys(a ?? {})
  if (ka.length !== Object.keys(b ?? {}).length) return false
  return ka.every((k) => b?.[k] === a?.[k])
}
