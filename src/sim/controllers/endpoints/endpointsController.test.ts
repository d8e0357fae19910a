import { describe, expect, it } from 'vitest'
import type { Endpoints, Pod } from '../../model'
import {
  createPod,
  createService,
  endpointsCluster,
  endpointsOf,
  removePod,
  runPod,
  setPodStatus,
} from './fixtures'

const SETTLE = 200

function names(list: { targetRef?: { name?: string } }[] | undefined): (string | undefined)[] {
  return (list ?? []).map((a) => a.targetRef?.name)
}

describe('EndpointsController', () => {
  it('writes one subset with ready and not-ready addresses and the Service ports', () => {
    const sim = endpointsCluster()
    const api = sim.ctx.api
    createService(api)
    const web0 = runPod(api, 'web-0', '10.244.1.6')
    runPod(api, 'web-1', '10.244.2.6', { nodeName: 'node-2', ready: false })
    createPod(api, 'web-2')
    sim.advance(SETTLE)

    const ep = endpointsOf(sim)!
    expect(ep.metadata.labels).toEqual({ app: 'nginx', 'service.kubernetes.io/headless': '' })
    expect(ep.metadata.annotations).toBeUndefined()
    expect(ep.metadata.ownerReferences).toBeUndefined()
    expect(ep.subsets).toEqual([
      {
        addresses: [
          {
            ip: '10.244.1.6',
            hostname: 'web-0',
            nodeName: 'node-1',
            targetRef: { kind: 'Pod', namespace: 'default', name: 'web-0', uid: web0.metadata.uid },
          },
        ],
        notReadyAddresses: [
          {
            ip: '10.244.2.6',
            hostname: 'web-1',
            nodeName: 'node-2',
            targetRef: expect.objectContaining({ name: 'web-1' }),
          },
        ],
        ports: [{ name: 'web', port: 80, protocol: 'TCP' }],
      },
    ])
  })

  it('drops terminating pods, and moves pods as readiness changes', () => {
    const sim = endpointsCluster()
    const api = sim.ctx.api
    createService(api)
    runPod(api, 'web-0', '10.244.1.6')
    runPod(api, 'web-1', '10.244.2.6')
    sim.advance(SETTLE)
    expect(names(endpointsOf(sim)!.subsets![0]!.addresses)).toEqual(['web-0', 'web-1'])

    api.delete('Pod', 'default', 'web-0')
    setPodStatus(api, 'web-1', { ip: '10.244.2.6', ready: false })
    sim.advance(SETTLE)
    const subset = endpointsOf(sim)!.subsets![0]!
    expect(subset.addresses).toBeUndefined()
    expect(names(subset.notReadyAddresses)).toEqual(['web-1'])

    removePod(api, 'web-1')
    sim.advance(SETTLE)
    expect(endpointsOf(sim)!.subsets).toBeUndefined()
  })

  it('puts every pod with an IP in addresses, terminating ones too, when publishNotReadyAddresses is set', () => {
    const sim = endpointsCluster()
    const api = sim.ctx.api
    createService(api, 'nginx', { publishNotReadyAddresses: true })
    runPod(api, 'web-0', '10.244.1.6', { ready: false })
    runPod(api, 'web-1', '10.244.2.6')
    api.delete('Pod', 'default', 'web-1')
    sim.advance(SETTLE)
    const [subset] = endpointsOf(sim)!.subsets!
    expect(names(subset!.addresses)).toEqual(['web-0', 'web-1'])
    expect(subset!.notReadyAddresses).toBeUndefined()
  })

  it('sets hostname only for pods whose subdomain is the Service name', () => {
    const sim = endpointsCluster()
    const api = sim.ctx.api
    createService(api)
    runPod(api, 'web-0', '10.244.1.6')
    runPod(api, 'web-1', '10.244.2.6', { subdomain: null })
    sim.advance(SETTLE)
    const hostnames = endpointsOf(sim)!.subsets![0]!.addresses!.map((a) => [a.targetRef?.name, a.hostname])
    expect(hostnames).toEqual([
      ['web-0', 'web-0'],
      ['web-1', undefined],
    ])
  })

  it('lists a headless Service without ports as a subset without ports', () => {
    const sim = endpointsCluster()
    const api = sim.ctx.api
    createService(api, 'nginx', { ports: [] })
    runPod(api, 'web-0', '10.244.1.6')
    sim.advance(SETTLE)
    const [subset] = endpointsOf(sim)!.subsets!
    expect(names(subset!.addresses)).toEqual(['web-0'])
    expect(subset!.ports).toBeUndefined()
  })

  it('creates nothing for a Service without a selector and deletes the object with its Service', () => {
    const sim = endpointsCluster()
    const api = sim.ctx.api
    createService(api, 'manual', { selector: null })
    createService(api)
    sim.advance(SETTLE)
    expect(endpointsOf(sim, 'manual')).toBeUndefined()
    expect(endpointsOf(sim)).toBeDefined()
    expect(endpointsOf(sim, 'kubernetes')).toBeUndefined()

    api.delete('Service', 'default', 'nginx')
    sim.advance(SETTLE)
    expect(endpointsOf(sim)).toBeUndefined()
  })

  it('copies the Service labels, marks headless Services, and leaves out labels when there are none', () => {
    const sim = endpointsCluster()
    const api = sim.ctx.api
    createService(api, 'nginx', { labels: { app: 'nginx', tier: 'web' } })
    createService(api, 'web-lb', { headless: false, labels: {} })
    sim.advance(SETTLE)
    expect(endpointsOf(sim)!.metadata.labels).toEqual({
      app: 'nginx',
      tier: 'web',
      'service.kubernetes.io/headless': '',
    })
    expect(endpointsOf(sim, 'web-lb')!.metadata.labels).toBeUndefined()
  })

  it('does not rewrite the object when nothing it shows changed', () => {
    const sim = endpointsCluster()
    const api = sim.ctx.api
    createService(api)
    runPod(api, 'web-0', '10.244.1.6')
    sim.advance(SETTLE)
    const rv = endpointsOf(sim)!.metadata.resourceVersion
    const pod = api.get<Pod>('Pod', 'default', 'web-0')
    api.update<Pod>({ ...pod, metadata: { ...pod.metadata, annotations: { note: 'unrelated' } } })
    sim.advance(SETTLE)
    expect(endpointsOf(sim)!.metadata.resourceVersion).toBe(rv)
  })

  it('truncates past 1000 addresses, ready ones first, and says so in an annotation', () => {
    const sim = endpointsCluster()
    const api = sim.ctx.api
    createService(api, 'big', { selector: { app: 'big' } })
    const ipOf = (i: number) => `10.244.${Math.floor(i / 250)}.${(i % 250) + 1}`
    for (let i = 0; i < 1010; i++)
      runPod(api, `big-${i}`, ipOf(i), { labels: { app: 'big' }, ready: i % 2 === 0 })
    sim.advance(SETTLE)
    const ep = sim.ctx.store.get<Endpoints>('Endpoints', 'default', 'big')!
    expect(ep.metadata.annotations).toEqual({ 'endpoints.kubernetes.io/over-capacity': 'truncated' })
    const [subset] = ep.subsets!
    expect(subset!.addresses).toHaveLength(505)
    expect(subset!.notReadyAddresses).toHaveLength(495)

    for (let i = 0; i < 20; i++) removePod(api, `big-${i}`)
    sim.advance(SETTLE)
    const after = sim.ctx.store.get<Endpoints>('Endpoints', 'default', 'big')!
    expect(after.metadata.annotations).toBeUndefined()
    expect(
      (after.subsets![0]!.addresses?.length ?? 0) + (after.subsets![0]!.notReadyAddresses?.length ?? 0),
    ).toBe(990)
  })
})
