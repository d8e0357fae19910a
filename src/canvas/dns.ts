// The DNS records CoreDNS would answer, read from a snapshot's Services and EndpointSlices with
// the rules of src/sim/dns/resolver.ts (which needs a live store, so the small rule is repeated):
// an endpoint counts when `conditions.ready !== false`; under a headless Service (clusterIP None)
// each such endpoint with a hostname has `<hostname>.<svc>.<ns>.svc.cluster.local → IP`, the
// Service name answers every such IP, and each named port has `_<port>._<proto>.<svc>…` SRV
// records (weight floor(100/N)). A ClusterIP Service answers its cluster IP instead.
import type { EndpointSlice, Service } from '../sim/model'
import { CLUSTER_DOMAIN } from '../sim/bootstrap'
import type { DnsRecordView } from './model'

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name'

export interface ServiceDns {
  /** The service-level A record and SRV records (names with no answer are left out). */
  readonly records: DnsRecordView[]
  /** Per-pod A records under this Service, by pod name. */
  readonly byPod: Map<string, DnsRecordView>
}

interface ReadyEndpoint {
  ip: string
  hostname?: string
  podName?: string
  podUid?: string
}

export function isHeadless(svc: Service): boolean {
  return svc.spec.clusterIP === 'None' || svc.spec.clusterIPs?.[0] === 'None'
}

export function serviceFqdn(svc: Service): string {
  return `${svc.metadata.name}.${svc.metadata.namespace}.svc.${CLUSTER_DOMAIN}`
}

/** Records of one Service, given all EndpointSlices of the snapshot. */
export function serviceDns(svc: Service, slices: readonly EndpointSlice[]): ServiceDns {
  const fqdn = serviceFqdn(svc)
  const byPod = new Map<string, DnsRecordView>()
  if (svc.spec.type === 'ExternalName') return { records: [], byPod }
  if (!isHeadless(svc)) return { records: clusterIpRecords(svc, fqdn), byPod }

  const mine = slices.filter(
    (s) =>
      s.metadata.namespace === svc.metadata.namespace &&
      s.metadata.labels?.[SERVICE_NAME_LABEL] === svc.metadata.name &&
      s.addressType === 'IPv4',
  )
  const ready = mine.flatMap(readyEndpoints)
  const records: DnsRecordView[] = []
  const ips = sortIPs(ready.map((e) => e.ip))
  if (ips.length > 0) records.push({ key: fqdn, name: fqdn, type: 'A', answers: ips })

  // One SRV name per named port; its targets are every ready endpoint (hostname or dashed IP).
  const ports = new Map<string, { name: string; protocol: string; port: number }>()
  for (const s of mine)
    for (const p of s.ports ?? [])
      if (p.name && p.port !== undefined)
        ports.set(`${p.name}/${p.protocol ?? 'TCP'}`, {
          name: p.name,
          protocol: p.protocol ?? 'TCP',
          port: p.port,
        })
  // A query for one port name sees one entry per ready address, so N is the address count.
  const weight = Math.max(1, Math.floor(100 / Math.max(1, ready.length)))
  for (const p of ports.values()) {
    if (ready.length === 0) continue
    const name = `_${p.name.toLowerCase()}._${p.protocol.toLowerCase()}.${fqdn}`
    const targets = [
      ...new Set(ready.map((e) => `${e.hostname || e.ip.replaceAll('.', '-')}.${fqdn}`)),
    ].sort()
    records.push({ key: name, name, type: 'SRV', answers: targets.map((t) => `0 ${weight} ${p.port} ${t}`) })
  }

  for (const e of ready) {
    if (!e.hostname || !e.podName) continue
    const name = `${e.hostname}.${fqdn}`
    const prev = byPod.get(e.podName)
    const answers = prev ? sortIPs([...prev.answers, e.ip]) : [e.ip]
    byPod.set(e.podName, { key: name, name, type: 'A', answers, podUid: e.podUid, podName: e.podName })
  }
  return { records, byPod }
}

/**
 * Answers as the zone panel lists them: SRV targets without the zone's suffix (`web-0.nginx…`)
 * and a `priority weight port` shared by all of them said once, in `head`.
 */
export function answerParts(rec: DnsRecordView, fqdn: string): { head: string; items: string[] } {
  if (rec.type !== 'SRV') return { head: '', items: [...rec.answers] }
  const suffix = fqdn.slice(fqdn.indexOf('.'))
  const parts = rec.answers.map((a) => a.split(' '))
  const first = parts[0]?.slice(0, 3).join(' ') ?? ''
  const common = parts.every((p) => p.slice(0, 3).join(' ') === first)
  return {
    head: common ? `${first}  ` : '',
    items: parts.map((p) => (common ? p.slice(3) : p).join(' ').replace(suffix, '…')),
  }
}

function clusterIpRecords(svc: Service, fqdn: string): DnsRecordView[] {
  const ips = svc.spec.clusterIPs ?? (svc.spec.clusterIP ? [svc.spec.clusterIP] : [])
  if (ips.length === 0) return []
  const records: DnsRecordView[] = [{ key: fqdn, name: fqdn, type: 'A', answers: ips }]
  for (const p of svc.spec.ports ?? []) {
    if (!p.name) continue
    const name = `_${p.name.toLowerCase()}._${(p.protocol ?? 'TCP').toLowerCase()}.${fqdn}`
    records.push({ key: name, name, type: 'SRV', answers: [`0 100 ${p.port} ${fqdn}`] })
  }
  return records
}

function readyEndpoints(slice: EndpointSlice): ReadyEndpoint[] {
  const out: ReadyEndpoint[] = []
  for (const ep of slice.endpoints ?? []) {
    if (ep.conditions?.ready === false) continue
    const podName = ep.targetRef?.kind === 'Pod' ? ep.targetRef.name : undefined
    for (const ip of ep.addresses) out.push({ ip, hostname: ep.hostname, podName, podUid: ep.targetRef?.uid })
  }
  return out
}

function sortIPs(ips: readonly string[]): string[] {
  // Each address parsed once, not once per comparison: a Service with hundreds of endpoints is
  // sorted every frame.
  const num = (ip: string) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0)
  return [...new Set(ips)]
    .map((ip) => ({ ip, n: num(ip) }))
    .sort((a, b) => a.n - b.n)
    .map((e) => e.ip)
}
