// CoreDNS's `kubernetes` plugin as kubeadm's Corefile runs it (`kubernetes cluster.local in-addr.arpa
// ip6.arpa { pods insecure; fallthrough in-addr.arpa ip6.arpa; ttl 30 }`), answering from the
// Services and EndpointSlices in the store at call time, plus the pod stub resolver's search path.
// Simplified: no TTLs and no caching (kubeadm's Corefile disables caching of cluster.local and busybox
// keeps none, so every answer reflects the store now); A answers sorted by IP where `loadbalance`
// shuffles them; IPv4 only; names per endpoint only under headless Services (the DNS spec, F34;
// CoreDNS also answers them under ClusterIP Services); no `*`/`any` wildcard queries; no upstream,
// so names outside cluster.local, and ExternalName targets outside it, do not resolve.
import type { ApiServer } from '../api/apiServer'
import type { ObjectStore } from '../api/store'
import type { EndpointSlice, Service } from '../model'
import { CLUSTER_DOMAIN } from '../bootstrap'

export type Rcode = 'NOERROR' | 'NXDOMAIN'
/** NOERROR with no addresses is NODATA: the name exists, it has no A record. */
export interface AResult {
  rcode: Rcode
  addresses: string[]
  /** An ExternalName Service answers with a CNAME to this name. */
  cname?: string
}
export interface SrvRecord {
  priority: number
  weight: number
  port: number
  target: string
}
export interface SrvResult {
  rcode: Rcode
  records: SrvRecord[]
}
export interface ResolveResult {
  rcode: Rcode
  /** The name (a search-path expansion, or the name itself) that answered. */
  fqdn?: string
  addresses: string[]
}

const ZONE = CLUSTER_DOMAIN
const SERVICE_NAME_LABEL = 'kubernetes.io/service-name'
const CNAME_DEPTH = 8

/** The resolv.conf search list of a ClusterFirst pod in `namespace` (F39). Names never end in a dot. */
export function searchPath(namespace: string): string[] {
  return [`${namespace}.svc.${ZONE}`, `svc.${ZONE}`, ZONE]
}

/** What CoreDNS's findServices/findPods return: one entry per (address × port). Port -1: none. */
interface Entry {
  host: string
  port: number
  target: string
}
type Records = { rcode: Rcode; entries: Entry[]; cname?: string }

const NXDOMAIN: Records = { rcode: 'NXDOMAIN', entries: [] }
const NODATA: Records = { rcode: 'NOERROR', entries: [] }

export class DnsResolver {
  private readonly store: ObjectStore

  constructor(source: ApiServer | ObjectStore) {
    this.store = 'store' in source ? source.store : source
  }

  /** Whether `ip` reaches the cluster DNS: the cluster IP of Service kube-system/kube-dns. */
  isClusterDns(ip: string): boolean {
    const svc = this.store.get<Service>('Service', 'kube-system', 'kube-dns')
    return !!svc && clusterIPs(svc).includes(ip)
  }

  /** A query. Headless: ready endpoint IPs (NXDOMAIN when none); ClusterIP: the cluster IP. */
  lookupA(name: string): AResult {
    return this.answerA(name, 0)
  }

  private answerA(name: string, depth: number): AResult {
    const r = this.records(name)
    if (r.cname !== undefined) {
      // An in-zone CNAME target is answered too; one outside would need the upstream we lack.
      const next = inZone(r.cname) && depth < CNAME_DEPTH ? this.answerA(r.cname, depth + 1) : undefined
      return { rcode: 'NOERROR', addresses: next?.addresses ?? [], cname: r.cname }
    }
    return { rcode: r.rcode, addresses: sortIPs(r.entries.map((e) => e.host).filter(isIPv4)) }
  }

  /** SRV query (CoreDNS backend_lookup SRV): priority 0, weight floor(100/N) (at least 1). */
  lookupSRV(name: string): SrvResult {
    const r = this.records(name)
    if (r.cname !== undefined)
      return { rcode: 'NOERROR', records: [{ priority: 0, weight: 100, port: 0, target: r.cname }] }
    const weight = Math.max(1, Math.floor(100 / r.entries.length))
    const seen = new Set<string>()
    const records: SrvRecord[] = []
    for (const e of r.entries) {
      // Port -1 stands for "no ports": it counts towards N but gives no record.
      if (e.port === -1 || seen.has(`${e.target}:${e.port}`)) continue
      seen.add(`${e.target}:${e.port}`)
      records.push({ priority: 0, weight, port: e.port, target: e.target })
    }
    records.sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : a.port - b.port))
    return { rcode: r.rcode, records }
  }

  /**
   * PTR names of `ip` (serviceRecordForIP): a cluster IP names its Service; otherwise each ready
   * endpoint with that IP names `<label>.<svc>.<ns>.svc.cluster.local` (one per Service).
   */
  reverse(ip: string): string[] {
    return this.reverseMany([ip]).get(ip) ?? []
  }

  /** reverse() for many IPs at the cost of one pass over Services and EndpointSlices. */
  reverseMany(ips: readonly string[]): Map<string, string[]> {
    const wanted = new Set(ips)
    const out = new Map<string, string[]>()
    for (const svc of this.store.scan<Service>('Service')) {
      for (const ip of clusterIPs(svc)) {
        if (wanted.has(ip) && !out.has(ip))
          out.set(ip, [`${svc.metadata.name}.${svc.metadata.namespace}.svc.${ZONE}`])
      }
    }
    const endpointNames = new Map<string, Set<string>>()
    for (const slice of this.store.scan<EndpointSlice>('EndpointSlice')) {
      const svcName = slice.metadata.labels?.[SERVICE_NAME_LABEL]
      if (!svcName) continue
      for (const { ip, label } of readyAddresses(slice)) {
        if (!wanted.has(ip) || out.has(ip)) continue
        const names = endpointNames.get(ip) ?? new Set<string>()
        endpointNames.set(ip, names.add(`${label}.${svcName}.${slice.metadata.namespace}.svc.${ZONE}`))
      }
    }
    for (const [ip, names] of endpointNames) if (!out.has(ip)) out.set(ip, [...names].sort())
    return out
  }

  /**
   * The pod resolver (F39–F41): a name with fewer than `ndots` dots tries each search suffix
   * first, then itself; otherwise itself first; a trailing dot means only itself. The first
   * name with addresses wins. An IPv4 literal resolves to itself without a query.
   */
  resolve(name: string, search: readonly string[], ndots = 5): ResolveResult {
    if (isIPv4(name)) return { rcode: 'NOERROR', fqdn: name, addresses: [name] }
    const absolute = name.endsWith('.')
    const bare = absolute ? name.slice(0, -1) : name
    const expanded = search.map((s) => `${bare}.${s}`)
    const dots = bare.split('.').length - 1
    const candidates = absolute ? [bare] : dots >= ndots ? [bare, ...expanded] : [...expanded, bare]
    for (const fqdn of candidates) {
      const r = this.lookupA(fqdn)
      if (r.addresses.length > 0) return { rcode: 'NOERROR', fqdn, addresses: r.addresses }
    }
    return { rcode: 'NXDOMAIN', addresses: [] }
  }

  /** parseRequest + Records: `[endpoint | _port._proto].service.namespace.(svc|pod).zone`. */
  private records(name: string): Records {
    const q = name.toLowerCase().replace(/\.$/, '')
    if (!inZone(q)) return NXDOMAIN
    const base = q === ZONE ? '' : q.slice(0, -(ZONE.length + 1))
    if (base === '' || base === 'svc' || base === 'pod') return NODATA
    const segs = base.split('.')
    if (segs.includes('')) return NXDOMAIN
    const kind = segs.pop()
    if (kind !== 'svc' && kind !== 'pod') return NXDOMAIN
    const namespace = segs.pop()!
    if (!this.store.get('Namespace', undefined, namespace)) return NXDOMAIN
    const service = segs.pop()
    if (service === undefined) return NODATA
    if (segs.length > 2) return NXDOMAIN
    if (kind === 'pod') return podRecords(service, namespace)
    const [endpoint, port, protocol] =
      segs.length === 1
        ? [segs[0]!, '', '']
        : segs.length === 2
          ? ['', unscore(segs[0]!), unscore(segs[1]!)]
          : ['', '', '']
    return this.serviceRecords(namespace, service, endpoint, port, protocol)
  }

  private serviceRecords(
    namespace: string,
    name: string,
    endpoint: string,
    port: string,
    protocol: string,
  ): Records {
    const svc = this.store.get<Service>('Service', namespace, name)
    if (!svc) return NXDOMAIN
    if (svc.spec.type === 'ExternalName') {
      return svc.spec.externalName
        ? { rcode: 'NOERROR', entries: [], cname: svc.spec.externalName.toLowerCase() }
        : NXDOMAIN
    }
    const matches = (portName: string, proto: string) =>
      (port === '' || port === portName.toLowerCase()) &&
      (protocol === '' || protocol === proto.toLowerCase())
    const fqdn = `${name}.${namespace}.svc.${ZONE}`
    const entries: Entry[] = []
    if (isHeadless(svc)) {
      for (const slice of this.store.scan<EndpointSlice>('EndpointSlice', namespace)) {
        if (slice.metadata.labels?.[SERVICE_NAME_LABEL] !== name) continue
        for (const { ip, label, ports } of readyAddresses(slice)) {
          if (endpoint !== '' && endpoint !== label.toLowerCase()) continue
          for (const p of ports)
            if (matches(p.name, p.protocol))
              entries.push({ host: ip, port: p.port, target: `${label}.${fqdn}` })
        }
      }
      return entries.length > 0 ? { rcode: 'NOERROR', entries } : NXDOMAIN
    }
    if (endpoint !== '') return NXDOMAIN
    let found = false
    for (const p of svc.spec.ports ?? []) {
      if (!matches(p.name ?? '', p.protocol ?? 'TCP')) continue
      found = true
      for (const ip of clusterIPs(svc)) entries.push({ host: ip, port: p.port, target: fqdn })
    }
    return found ? { rcode: 'NOERROR', entries } : NXDOMAIN
  }
}

/** `pods insecure`: `a-b-c-d.<ns>.pod.cluster.local` answers a.b.c.d, checking nothing else. */
function podRecords(podName: string, namespace: string): Records {
  const dashes = podName.split('-').length - 1
  const ip = dashes === 3 && !podName.includes('--') ? podName.replaceAll('-', '.') : undefined
  // CoreDNS also reads dashed IPv6 forms (NODATA for A); the simulator has no IPv6, so NXDOMAIN.
  if (!ip || !isIPv4(ip)) return NXDOMAIN
  return { rcode: 'NOERROR', entries: [{ host: ip, port: 0, target: `${podName}.${namespace}.pod.${ZONE}` }] }
}

interface ReadyAddress {
  ip: string
  label: string
  ports: { name: string; protocol: string; port: number }[]
}

/**
 * EndpointSliceToEndpoints: the addresses of endpoints not known to be unready (ready unset counts
 * as ready), each labelled by hostname or dashed IP (endpointHostname); no ports → a -1 sentinel.
 */
function readyAddresses(slice: EndpointSlice): ReadyAddress[] {
  if (slice.addressType !== 'IPv4') return []
  const ports = slice.ports?.length
    ? slice.ports.map((p) => ({ name: p.name ?? '', protocol: p.protocol ?? '', port: p.port ?? -1 }))
    : [{ name: '', protocol: '', port: -1 }]
  const out: ReadyAddress[] = []
  for (const ep of slice.endpoints ?? []) {
    if (ep.conditions?.ready === false) continue
    for (const ip of ep.addresses) out.push({ ip, label: ep.hostname || ip.replaceAll('.', '-'), ports })
  }
  return out
}

function isHeadless(svc: Service): boolean {
  return svc.spec.clusterIP === 'None' || svc.spec.clusterIPs?.[0] === 'None'
}

function clusterIPs(svc: Service): string[] {
  if (isHeadless(svc) || svc.spec.type === 'ExternalName') return []
  return svc.spec.clusterIPs ?? (svc.spec.clusterIP ? [svc.spec.clusterIP] : [])
}

function inZone(name: string): boolean {
  const q = name.toLowerCase().replace(/\.$/, '')
  return q === ZONE || q.endsWith(`.${ZONE}`)
}

function unscore(label: string): string {
  return label.startsWith('_') ? label.slice(1) : label
}

/** A dotted-quad IPv4 address as Go's net.ParseIP accepts it (no leading zeros). */
export function isIPv4(s: string): boolean {
  const parts = s.split('.')
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255)
}

function sortIPs(ips: string[]): string[] {
  const num = (ip: string) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0)
  return [...new Set(ips)].sort((a, b) => num(a) - num(b))
}
