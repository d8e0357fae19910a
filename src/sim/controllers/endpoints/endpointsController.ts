// Port of pkg/controller/endpoint/endpoints_controller.go: the legacy `Endpoints` object named like
// each Service with a selector — ready addresses, not-ready addresses, one subset per distinct
// port set (RepackSubsets), truncated at 1000 addresses. Simplified: IPv4 only; no
// last-change-trigger-time annotation; ports within a subset sorted by name, not by hash.
import type { EndpointAddress, EndpointPort, EndpointSubset, Endpoints, Manifest, Service } from '../../model'
import type { WatchEvent } from '../../api/store'
import { objectKey } from '../../api/store'
import { Controller } from '../controller'
import {
  HEADLESS_LABEL,
  findPort,
  isHeadless,
  isPodReady,
  podIPv4s,
  sameJson,
  sameLabels,
  selectedPods,
  selectsPods,
  servicesToUpdateOnPodChange,
  shouldPodBeInEndpoints,
  shouldSetHostname,
} from './utils'

export const OVER_CAPACITY_ANNOTATION = 'endpoints.kubernetes.io/over-capacity'
export const MAX_ENDPOINTS_CAPACITY = 1000

/** One address offering one port (port undefined: a headless Service without ports). */
interface AddressPort {
  address: EndpointAddress
  ready: boolean
  port?: EndpointPort
}

export class EndpointsController extends Controller {
  readonly name = 'endpoint-controller'

  onWatch(e: WatchEvent): void {
    const obj = e.object
    if (obj.kind === 'Service' || (obj.kind === 'Endpoints' && e.type === 'DELETED')) {
      this.enqueue(objectKey(obj.metadata.namespace, obj.metadata.name))
    } else if (obj.kind === 'Pod') {
      for (const key of servicesToUpdateOnPodChange(this.ctx.store, e)) this.enqueue(key)
    }
  }

  sync(key: string): void {
    const [namespace, name] = key.split('/') as [string, string]
    const svc = this.ctx.store.get<Service>('Service', namespace, name)
    const current = this.ctx.store.get<Endpoints>('Endpoints', namespace, name)
    if (!svc) {
      if (current) this.ctx.api.delete('Endpoints', namespace, name)
      return
    }
    // Selector-less Services get Endpoints written by their users, not by this controller.
    if (!selectsPods(svc)) return
    const { subsets, truncated } = truncate(repackSubsets(this.addressPorts(svc)))
    const labels: Record<string, string> = { ...svc.metadata.labels }
    if (isHeadless(svc)) labels[HEADLESS_LABEL] = ''
    else delete labels[HEADLESS_LABEL]
    const annotations: Record<string, string> = { ...current?.metadata.annotations }
    if (truncated) annotations[OVER_CAPACITY_ANNOTATION] = 'truncated'
    else delete annotations[OVER_CAPACITY_ANNOTATION]
    if (
      current &&
      sameJson(current.subsets ?? [], subsets) &&
      sameLabels(current.metadata.labels, labels) &&
      sameLabels(current.metadata.annotations, annotations)
    ) {
      return
    }
    // Empty maps are left out, as the API serves them.
    const metadata = { ...(current?.metadata ?? { name, namespace }), labels, annotations }
    if (Object.keys(labels).length === 0) delete (metadata as { labels?: unknown }).labels
    if (Object.keys(annotations).length === 0) delete (metadata as { annotations?: unknown }).annotations
    const next: Manifest<Endpoints> = { apiVersion: 'v1', kind: 'Endpoints', metadata }
    if (subsets.length > 0) next.subsets = subsets
    if (current) this.ctx.api.update<Endpoints>(next as Endpoints)
    else this.ctx.api.create<Endpoints>(next)
  }

  /** Every (pod address, resolved port) pair the Service lists, from the pods it selects. */
  private addressPorts(svc: Service): AddressPort[] {
    const out: AddressPort[] = []
    const tolerateUnready = !!svc.spec.publishNotReadyAddresses
    for (const pod of selectedPods(this.ctx.store, svc.metadata.namespace, svc.spec.selector ?? {})) {
      // Terminating pods are listed only when the Service publishes not-ready addresses.
      if (!shouldPodBeInEndpoints(pod, tolerateUnready)) continue
      const ip = podIPv4s(pod)[0]
      if (!ip) continue
      const address: EndpointAddress = {
        ip,
        ...(shouldSetHostname(pod, svc) ? { hostname: pod.spec.hostname } : {}),
        nodeName: pod.spec.nodeName ?? '',
        targetRef: {
          kind: 'Pod',
          namespace: pod.metadata.namespace,
          name: pod.metadata.name,
          uid: pod.metadata.uid,
        },
      }
      const ready = tolerateUnready || isPodReady(pod)
      if (!svc.spec.ports?.length) {
        if (isHeadless(svc)) out.push({ address, ready })
        continue
      }
      for (const svcPort of svc.spec.ports) {
        const port = findPort(pod, svcPort)
        if (port === undefined) continue
        out.push({
          address,
          ready,
          port: { name: svcPort.name ?? '', port, protocol: svcPort.protocol ?? 'TCP' },
        })
      }
    }
    return out
  }
}

/**
 * RepackSubsets: addresses grouped by the exact set of ports they offer, one subset per group;
 * addresses sorted by IP then pod uid (SortSubsets).
 */
export function repackSubsets(pairs: AddressPort[]): EndpointSubset[] {
  const byPort = new Map<string, { port?: EndpointPort; addresses: Map<string, AddressPort> }>()
  for (const pair of pairs) {
    const key = pair.port ? `${pair.port.name}/${pair.port.protocol}/${pair.port.port}` : ''
    let entry = byPort.get(key)
    if (!entry) byPort.set(key, (entry = { port: pair.port, addresses: new Map() }))
    entry.addresses.set(`${pair.address.ip}|${pair.address.targetRef?.uid ?? ''}`, pair)
  }
  const groups = new Map<string, { ports: EndpointPort[]; addresses: AddressPort[] }>()
  for (const { port, addresses } of byPort.values()) {
    const list = [...addresses.values()].sort(compareAddresses)
    const key = list.map((a) => `${a.address.ip}|${a.address.targetRef?.uid}|${a.ready}`).join(',')
    let group = groups.get(key)
    if (!group) groups.set(key, (group = { ports: [], addresses: list }))
    if (port) group.ports.push(port)
  }
  const subsets = [...groups.values()].map(({ ports, addresses }) => {
    const subset: EndpointSubset = {}
    const ready = addresses.filter((a) => a.ready).map((a) => a.address)
    const notReady = addresses.filter((a) => !a.ready).map((a) => a.address)
    if (ready.length) subset.addresses = ready
    if (notReady.length) subset.notReadyAddresses = notReady
    if (ports.length) subset.ports = ports.sort(comparePorts)
    return subset
  })
  return subsets.sort((a, b) => (firstIP(a) < firstIP(b) ? -1 : firstIP(a) > firstIP(b) ? 1 : 0))
}

function compareAddresses(a: AddressPort, b: AddressPort): number {
  if (a.address.ip !== b.address.ip) return a.address.ip < b.address.ip ? -1 : 1
  const ua = a.address.targetRef?.uid ?? ''
  const ub = b.address.targetRef?.uid ?? ''
  return ua < ub ? -1 : ua > ub ? 1 : 0
}

function comparePorts(a: EndpointPort, b: EndpointPort): number {
  const na = a.name ?? ''
  const nb = b.name ?? ''
  return na !== nb ? (na < nb ? -1 : 1) : a.port - b.port
}

function firstIP(s: EndpointSubset): string {
  return s.addresses?.[0]?.ip ?? s.notReadyAddresses?.[0]?.ip ?? ''
}

/**
 * truncateEndpoints: past 1000 addresses, keep ready ones first, sharing what is kept between
 * subsets in proportion to their size.
 */
export function truncate(subsets: EndpointSubset[]): { subsets: EndpointSubset[]; truncated: boolean } {
  const totalReady = subsets.reduce((n, s) => n + (s.addresses?.length ?? 0), 0)
  const totalNotReady = subsets.reduce((n, s) => n + (s.notReadyAddresses?.length ?? 0), 0)
  if (totalReady + totalNotReady <= MAX_ENDPOINTS_CAPACITY) return { subsets, truncated: false }
  const truncateReady = totalReady > MAX_ENDPOINTS_CAPACITY
  const max = truncateReady ? MAX_ENDPOINTS_CAPACITY : MAX_ENDPOINTS_CAPACITY - totalReady
  const numTotal = truncateReady ? totalReady : totalNotReady
  let canBeAdded = max
  const out = subsets.map((s) => {
    const inSubset = (truncateReady ? s.addresses : s.notReadyAddresses)?.length ?? 0
    const toBeAdded = Math.min(Math.ceil((inSubset / numTotal) * max), canBeAdded)
    const next: EndpointSubset = { ...s }
    if (truncateReady) {
      next.addresses = (s.addresses ?? []).slice(0, toBeAdded)
      delete next.notReadyAddresses
      canBeAdded -= next.addresses.length
    } else {
      next.notReadyAddresses = (s.notReadyAddresses ?? []).slice(0, toBeAdded)
      canBeAdded -= next.notReadyAddresses.length
    }
    if (next.addresses?.length === 0) delete next.addresses
    if (next.notReadyAddresses?.length === 0) delete next.notReadyAddresses
    return next
  })
  return { subsets: out, truncated: true }
}
