import { describe, expect, it } from 'vitest'
import type { Service } from '../model'
import {
  createPod,
  createService,
  endpointsCluster,
  removePod,
  runPod,
  setPodStatus,
} from '../controllers/endpoints/fixtures'
import { DnsResolver, searchPath } from './resolver'

const SETTLE = 200
const FQDN = (name: string) => `${name}.default.svc.cluster.local`

function tutorial(pods = 2) {
  const sim = endpointsCluster()
  const api = sim.ctx.api
  createService(api)
  for (let i = 0; i < pods; i++) runPod(api, `web-${i}`, `10.244.${i + 1}.6`, { nodeName: `node-${i + 1}` })
  sim.advance(SETTLE)
  return { sim, api, dns: new DnsResolver(api) }
}

describe('DnsResolver', () => {
  it('answers a ready pod of a headless Service at <hostname>.<service>.<ns>.svc.cluster.local', () => {
    const { dns } = tutorial()
    expect(dns.lookupA('web-0.nginx.default.svc.cluster.local')).toEqual({
      rcode: 'NOERROR',
      addresses: ['10.244.1.6'],
    })
    expect(dns.lookupA('WEB-1.Nginx.DEFAULT.svc.cluster.local.')).toEqual({
      rcode: 'NOERROR',
      addresses: ['10.244.2.6'],
    })
    expect(dns.lookupA('web-7.nginx.default.svc.cluster.local').rcode).toBe('NXDOMAIN')
  })

  it('answers the headless Service name with the set of ready pod IPs, and NXDOMAIN with none', () => {
    const { sim, api, dns } = tutorial()
    expect(new Set(dns.lookupA(FQDN('nginx')).addresses)).toEqual(new Set(['10.244.1.6', '10.244.2.6']))

    setPodStatus(api, 'web-1', { ip: '10.244.2.6', ready: false })
    sim.advance(SETTLE)
    expect(dns.lookupA(FQDN('nginx')).addresses).toEqual(['10.244.1.6'])
    expect(dns.lookupA(FQDN('web-1.nginx')).rcode).toBe('NXDOMAIN')

    setPodStatus(api, 'web-0', { ip: '10.244.1.6', ready: false })
    sim.advance(SETTLE)
    expect(dns.lookupA(FQDN('nginx'))).toEqual({ rcode: 'NXDOMAIN', addresses: [] })
  })

  it('follows the F46 lifecycle: NXDOMAIN while terminating, absent or unready, then the new IP', () => {
    const { sim, api, dns } = tutorial()
    api.delete('Pod', 'default', 'web-0')
    sim.advance(SETTLE)
    expect(dns.lookupA(FQDN('web-0.nginx')).rcode).toBe('NXDOMAIN')
    expect(dns.lookupA(FQDN('web-1.nginx')).addresses).toEqual(['10.244.2.6'])
    expect(dns.lookupA(FQDN('nginx')).addresses).toEqual(['10.244.2.6'])
    removePod(api, 'web-0')
    createPod(api, 'web-0')
    sim.advance(SETTLE)
    expect(dns.lookupA(FQDN('web-0.nginx')).rcode).toBe('NXDOMAIN')
    setPodStatus(api, 'web-0', { ip: '10.244.1.7', ready: false })
    sim.advance(SETTLE)
    expect(dns.lookupA(FQDN('web-0.nginx')).rcode).toBe('NXDOMAIN')
    setPodStatus(api, 'web-0', { ip: '10.244.1.7', ready: true })
    sim.advance(SETTLE)
    expect(dns.lookupA(FQDN('web-0.nginx')).addresses).toEqual(['10.244.1.7'])
  })

  it('publishes a not-ready pod when the Service sets publishNotReadyAddresses (F48)', () => {
    const sim = endpointsCluster()
    const api = sim.ctx.api
    createService(api, 'nginx', { publishNotReadyAddresses: true })
    runPod(api, 'web-0', '10.244.1.6', { ready: false })
    sim.advance(SETTLE)
    expect(new DnsResolver(sim.ctx.store).lookupA(FQDN('web-0.nginx')).addresses).toEqual(['10.244.1.6'])
  })

  it('answers a ClusterIP Service with its cluster IP, endpoints or not (F29)', () => {
    const { api, dns } = tutorial()
    const lb = createService(api, 'web-lb', { headless: false, selector: { app: 'none' } })
    expect(dns.lookupA(FQDN('web-lb')).addresses).toEqual([lb.spec.clusterIP])
    expect(dns.lookupA('kube-dns.kube-system.svc.cluster.local').addresses).toEqual(['10.96.0.10'])
    expect(dns.lookupA('kubernetes.default.svc.cluster.local').addresses).toEqual(['10.96.0.1'])
    // Per-endpoint names exist only under headless Services (the spec's rule, F34).
    expect(dns.lookupA(FQDN('web-0.web-lb')).rcode).toBe('NXDOMAIN')
  })

  it('names an endpoint without a hostname by its dashed IP', () => {
    const sim = endpointsCluster()
    const api = sim.ctx.api
    createService(api)
    runPod(api, 'loose', '10.244.3.9', { hostname: null, subdomain: null })
    sim.advance(SETTLE)
    const dns = new DnsResolver(api)
    expect(dns.lookupA(FQDN('10-244-3-9.nginx')).addresses).toEqual(['10.244.3.9'])
    expect(dns.reverse('10.244.3.9')).toEqual([FQDN('10-244-3-9.nginx')])
  })

  it('tells NODATA (NOERROR, nothing) from NXDOMAIN for names that exist without an A record', () => {
    const { dns } = tutorial()
    expect(dns.lookupA('default.svc.cluster.local')).toEqual({ rcode: 'NOERROR', addresses: [] })
    expect(dns.lookupA('svc.cluster.local')).toEqual({ rcode: 'NOERROR', addresses: [] })
    expect(dns.lookupA('nowhere.svc.cluster.local').rcode).toBe('NXDOMAIN')
    expect(dns.lookupA('nginx.nowhere.svc.cluster.local').rcode).toBe('NXDOMAIN')
    expect(dns.lookupA('a.b.web-0.nginx.default.svc.cluster.local').rcode).toBe('NXDOMAIN')
    expect(dns.lookupA('example.com').rcode).toBe('NXDOMAIN')
  })

  it('answers pod-IP names of any well-formed IP (pods insecure, F35)', () => {
    const { dns } = tutorial()
    expect(dns.lookupA('10-244-1-6.default.pod.cluster.local').addresses).toEqual(['10.244.1.6'])
    expect(dns.lookupA('1-2-3-4.default.pod.cluster.local').addresses).toEqual(['1.2.3.4'])
    expect(dns.lookupA('1-2-3-400.default.pod.cluster.local').rcode).toBe('NXDOMAIN')
    expect(dns.lookupA('10-244-1-6.nowhere.pod.cluster.local').rcode).toBe('NXDOMAIN')
  })

  it('gives SRV weights of floor(100 / N) for 1, 2 and 3 ready pods (F31)', () => {
    const weights = [1, 2, 3].map((n) => {
      const { dns } = tutorial(n)
      const srv = dns.lookupSRV(FQDN('_web._tcp.nginx'))
      expect(srv.records.map((r) => r.target)).toEqual(
        Array.from({ length: n }, (_, i) => FQDN(`web-${i}.nginx`)),
      )
      expect(srv.records.every((r) => r.priority === 0 && r.port === 80)).toBe(true)
      return srv.records.map((r) => r.weight)
    })
    expect(weights).toEqual([[100], [50, 50], [33, 33, 33]])
  })

  it('has no SRV record for a port name the Service lacks, and answers ClusterIP SRV with the Service', () => {
    const { dns } = tutorial()
    expect(dns.lookupSRV(FQDN('_http._tcp.nginx'))).toEqual({ rcode: 'NXDOMAIN', records: [] })
    expect(dns.lookupSRV(FQDN('_https._tcp.kubernetes')).records).toEqual([
      { priority: 0, weight: 100, port: 443, target: FQDN('kubernetes') },
    ])
  })

  it('reverses a cluster IP to its Service and a ready pod IP to its per-pod name (F33)', () => {
    const { sim, api, dns } = tutorial()
    expect(dns.reverse('10.96.0.10')).toEqual(['kube-dns.kube-system.svc.cluster.local'])
    expect(dns.reverse('10.244.1.6')).toEqual([FQDN('web-0.nginx')])
    expect(dns.reverse('192.0.2.1')).toEqual([])
    setPodStatus(api, 'web-0', { ip: '10.244.1.6', ready: false })
    sim.advance(SETTLE)
    expect(dns.reverse('10.244.1.6')).toEqual([])
  })

  it('resolves short names through the search path of the pod namespace (F40, F41)', () => {
    const { sim, dns } = tutorial()
    sim.ctx.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other' } })
    expect(searchPath('default')).toEqual(['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'])

    expect(dns.resolve('web-0.nginx', searchPath('default'))).toEqual({
      rcode: 'NOERROR',
      fqdn: FQDN('web-0.nginx'),
      addresses: ['10.244.1.6'],
    })
    expect(dns.resolve('web-0.nginx', searchPath('other'))).toEqual({ rcode: 'NXDOMAIN', addresses: [] })
    expect(dns.resolve('web-0.nginx.default', searchPath('other'))).toMatchObject({
      fqdn: 'web-0.nginx.default.svc.cluster.local',
      addresses: ['10.244.1.6'],
    })
    expect(dns.resolve('nginx', searchPath('default')).fqdn).toBe(FQDN('nginx'))
    expect(dns.resolve('web-0.nginx.default.svc.cluster.local.', searchPath('other')).addresses).toEqual([
      '10.244.1.6',
    ])
    // A trailing dot makes the name absolute: no search suffix is tried.
    expect(dns.resolve('web-0.nginx.', searchPath('default')).rcode).toBe('NXDOMAIN')
  })

  it('answers an ExternalName Service with a CNAME, following it inside the cluster', () => {
    const { api, dns } = tutorial()
    const externalName = (name: string, target: string) =>
      api.create<Service>({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name, namespace: 'default' },
        spec: { type: 'ExternalName', externalName: target },
      })
    externalName('db', 'db.example.com')
    externalName('alias', 'kubernetes.default.svc.cluster.local')
    expect(dns.lookupA(FQDN('db'))).toEqual({ rcode: 'NOERROR', addresses: [], cname: 'db.example.com' })
    expect(dns.lookupA(FQDN('alias')).addresses).toEqual(['10.96.0.1'])
  })
})
