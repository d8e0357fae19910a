import { describe, expect, it } from 'vitest'
import type { Pod, StatefulSet } from '../model'
import type { Manifest } from '../model/meta'
import { Simulation } from '../simulation'
import { createService, endpointsCluster, runPod } from '../controllers/endpoints/fixtures'
import { DnsResolver } from './resolver'
import { nslookup } from './nslookup'

const SERVER_BLOCK = 'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n'

function tutorial() {
  const sim = endpointsCluster()
  const api = sim.ctx.api
  createService(api)
  runPod(api, 'web-0', '10.244.1.6')
  runPod(api, 'web-1', '10.244.2.6', { nodeName: 'node-2' })
  sim.advance(200)
  api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other' } })
  return new DnsResolver(api)
}

describe('nslookup (busybox 1.28)', () => {
  it('prints a pod name as typed with its address and reverse name', () => {
    expect(nslookup(['web-0.nginx'], tutorial(), 'default')).toEqual({
      stdout:
        SERVER_BLOCK +
        'Name:      web-0.nginx\nAddress 1: 10.244.1.6 web-0.nginx.default.svc.cluster.local\n',
      stderr: '',
      exitCode: 0,
    })
  })

  it('numbers one line per ready pod for a headless Service', () => {
    const { stdout } = nslookup(['nginx'], tutorial(), 'default')
    expect(stdout).toBe(
      SERVER_BLOCK +
        'Name:      nginx\n' +
        'Address 1: 10.244.1.6 web-0.nginx.default.svc.cluster.local\n' +
        'Address 2: 10.244.2.6 web-1.nginx.default.svc.cluster.local\n',
    )
  })

  it('prints a ClusterIP Service with its Service name as the reverse name', () => {
    const { stdout } = nslookup(['kubernetes.default'], tutorial(), 'other')
    expect(stdout).toBe(
      SERVER_BLOCK +
        'Name:      kubernetes.default\nAddress 1: 10.96.0.1 kubernetes.default.svc.cluster.local\n',
    )
  })

  it("prints the server block and, on stderr, can't resolve when the name does not resolve", () => {
    expect(nslookup(['web-0.nginx'], tutorial(), 'other')).toEqual({
      stdout: SERVER_BLOCK,
      stderr: "nslookup: can't resolve 'web-0.nginx'\n",
      exitCode: 1,
    })
  })

  it('resolves an IP literal and shows its reverse name', () => {
    const { stdout, exitCode } = nslookup(['10.244.2.6'], tutorial(), 'default')
    expect(exitCode).toBe(0)
    expect(stdout).toBe(
      SERVER_BLOCK + 'Name:      10.244.2.6\nAddress 1: 10.244.2.6 web-1.nginx.default.svc.cluster.local\n',
    )
  })

  it('shows no reverse name for an address without a PTR record', () => {
    const { stdout } = nslookup(['10-1-2-3.default.pod.cluster.local'], tutorial(), 'default')
    expect(stdout).toBe(SERVER_BLOCK + 'Name:      10-1-2-3.default.pod.cluster.local\nAddress 1: 10.1.2.3\n')
  })

  it('prints usage on stderr and exits 1 without a host, with an option, or with too many arguments', () => {
    const dns = tutorial()
    for (const args of [[], ['-type=srv', 'nginx'], ['a', 'b', 'c']]) {
      const r = nslookup(args, dns, 'default')
      expect(r.exitCode).toBe(1)
      expect(r.stdout).toBe('')
      expect(r.stderr).toBe(
        'BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary.\n\n' +
          'Usage: nslookup [HOST] [SERVER]\n\n' +
          'Query the nameserver for the IP address of the given HOST\n' +
          'optionally using a specified DNS server\n',
      )
    }
  })

  it('reads /etc/hosts before DNS', () => {
    const hosts = [{ ip: '127.0.0.1', names: ['localhost'] }]
    const { stdout } = nslookup(['localhost'], tutorial(), 'default', { hosts })
    expect(stdout).toBe(SERVER_BLOCK + 'Name:      localhost\nAddress 1: 127.0.0.1 localhost\n')
  })

  it('gets no answer from a server that is not the cluster DNS', () => {
    expect(nslookup(['web-0.nginx', '10.0.0.99'], tutorial(), 'default')).toEqual({
      stdout: 'Server:    10.0.0.99\nAddress 1: 10.0.0.99\n\n',
      stderr: "nslookup: can't resolve 'web-0.nginx'\n",
      exitCode: 1,
    })
    expect(nslookup(['web-0.nginx', 'kube-dns.kube-system'], tutorial(), 'default').exitCode).toBe(0)
    expect(nslookup(['web-0.nginx', 'no-such-server'], tutorial(), 'default')).toEqual({
      stdout: '',
      stderr: "nslookup: bad address 'no-such-server'\n",
      exitCode: 1,
    })
  })

  it('follows a StatefulSet of the full cluster: names appear in order, vanish on delete, return at the new IP', () => {
    const sim = new Simulation()
    const api = sim.ctx.api
    createService(api)
    const web: Manifest<StatefulSet> = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'web' },
      spec: {
        serviceName: 'nginx',
        replicas: 2,
        selector: { matchLabels: { app: 'nginx' } },
        template: {
          metadata: { labels: { app: 'nginx' } },
          spec: {
            containers: [
              {
                name: 'nginx',
                image: 'registry.k8s.io/nginx-slim:0.7',
                ports: [{ name: 'web', containerPort: 80 }],
              },
            ],
          },
        },
      },
    }
    api.create(web)
    const dns = new DnsResolver(api)
    const resolves = (name: string) => nslookup([name], dns, 'default').exitCode === 0
    const ipOf = (name: string) => api.tryGet<Pod>('Pod', 'default', name)?.status.podIP

    // OrderedReady: web-1 never resolves before web-0 (F50).
    expect(sim.advanceUntil(() => resolves('web-1.nginx'), 120_000)).toBe(true)
    expect(resolves('web-0.nginx')).toBe(true)
    expect(nslookup(['web-1.nginx'], dns, 'default').stdout).toContain(
      `Address 1: ${ipOf('web-1')} web-1.nginx.default.svc.cluster.local`,
    )

    api.delete('Pod', 'default', 'web-0')
    expect(sim.advanceUntil(() => !resolves('web-0.nginx'), 5_000)).toBe(true)
    expect(api.tryGet<Pod>('Pod', 'default', 'web-0')?.metadata.deletionTimestamp).toBeDefined()
    expect(resolves('web-1.nginx')).toBe(true)

    expect(sim.advanceUntil(() => resolves('web-0.nginx'), 120_000)).toBe(true)
    expect(api.get<Pod>('Pod', 'default', 'web-0').metadata.deletionTimestamp).toBeUndefined()
    expect(new DnsResolver(api).lookupA('web-0.nginx.default.svc.cluster.local').addresses).toEqual([
      ipOf('web-0'),
    ])
  })
})
