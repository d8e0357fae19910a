// printers.go printService (getServiceExternalIP, makePortString), printEndpoints (formatEndpoints)
// and printEndpointSlice (formatDiscoveryPorts, formatDiscoveryEndpoints).
import type { EndpointSlice, Endpoints, KubeObject, Service } from '../../../sim/model'
import { translateTimestampSince } from '../humanDuration'
import { AGE, NAME, type TableHandler } from './types'
import { formatLabelMap, joinHostPort } from './util'

type ServiceX = Service & {
  spec: Service['spec'] & { externalIPs?: string[] }
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } }
}

export const serviceTable: TableHandler = {
  columns: [
    NAME,
    { name: 'Type' },
    { name: 'Cluster-IP' },
    { name: 'External-IP' },
    { name: 'Port(s)' },
    AGE,
    { name: 'Selector', priority: 1 },
  ],
  row(obj: KubeObject, nowMs: number) {
    const svc = obj as ServiceX
    const ports = (svc.spec.ports ?? [])
      .map((p) => {
        const proto = p.protocol ?? 'TCP' // defaulted by the API server
        return p.nodePort ? `${p.port}:${p.nodePort}/${proto}` : `${p.port}/${proto}`
      })
      .join(',')
    return [
      svc.metadata.name,
      serviceType(svc),
      svc.spec.clusterIPs?.[0] ?? '<none>',
      externalIP(svc, true),
      ports || '<none>',
      translateTimestampSince(svc.metadata.creationTimestamp, nowMs),
      formatLabelMap(svc.spec.selector),
    ]
  },
}

/** spec.type, defaulted to ClusterIP by the API server. */
export function serviceType(svc: Service): string {
  return svc.spec.type ?? 'ClusterIP'
}

/** getServiceExternalIP; the server always renders wide, so load-balancer lists are not clipped. */
function externalIP(svc: ServiceX, wide: boolean): string {
  const external = svc.spec.externalIPs ?? []
  switch (serviceType(svc)) {
    case 'ClusterIP':
    case 'NodePort':
      return external.length > 0 ? external.join(',') : '<none>'
    case 'LoadBalancer': {
      const ingress = [
        ...new Set(
          (svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '').filter(Boolean),
        ),
      ].sort()
      let lb = ingress.join(',')
      if (!wide && lb.length > 16) lb = `${lb.slice(0, 13)}...`
      if (external.length > 0) return [...(lb ? lb.split(',') : []), ...external].join(',')
      return lb || '<pending>'
    }
    case 'ExternalName':
      return svc.spec.externalName ?? ''
  }
  return '<unknown>'
}

export const endpointsTable: TableHandler = {
  columns: [NAME, { name: 'Endpoints' }, AGE],
  row: (obj: KubeObject, nowMs: number) => [
    obj.metadata.name,
    formatEndpoints(obj as Endpoints),
    translateTimestampSince(obj.metadata.creationTimestamp, nowMs),
  ],
}

/** formatEndpoints(ep, nil): up to three `ip:port`, then ` + N more...`; `<none>` without subsets. */
function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? []
  if (subsets.length === 0) return '<none>'
  const max = 3
  const list: string[] = []
  let more = false
  let count = 0
  for (const ss of subsets) {
    const addresses = ss.addresses ?? []
    if ((ss.ports ?? []).length === 0) {
      // Headless services may have no ports.
      count += addresses.length
      for (const a of addresses) {
        if (list.length === max) {
          more = true
          break
        }
        list.push(a.ip)
      }
      continue
    }
    for (const port of ss.ports ?? []) {
      count += addresses.length
      for (const a of addresses) {
        if (list.length === max) {
          more = true
          break
        }
        list.push(joinHostPort(a.ip, port.port))
      }
    }
  }
  const ret = list.join(',')
  return more ? `${ret} + ${count - max} more...` : ret
}

export const endpointSliceTable: TableHandler = {
  columns: [NAME, { name: 'AddressType' }, { name: 'Ports' }, { name: 'Endpoints' }, AGE],
  row(obj: KubeObject, nowMs: number) {
    const eps = obj as EndpointSlice
    const ports = (eps.ports ?? []).map((p) =>
      p.port != null ? String(p.port) : p.name != null ? p.name : '*',
    )
    const addresses = (eps.endpoints ?? []).flatMap((e) => e.addresses)
    return [
      eps.metadata.name,
      eps.addressType,
      listWithMore(ports),
      listWithMore(addresses),
      translateTimestampSince(eps.metadata.creationTimestamp, nowMs),
    ]
  },
}

/** listWithMoreString with max 3: `a,b,c + 2 more...`, or `<unset>` when empty. */
function listWithMore(items: string[]): string {
  const max = 3
  const ret = items.slice(0, max).join(',')
  if (items.length > max) return `${ret} + ${items.length - max} more...`
  return ret === '' ? '<unset>' : ret
}
