import { describe, expect, it } from 'vitest'
import type { EndpointSlice, Node, Pod } from '../../model'
import {
  createPod,
  createService,
  endpointsCluster,
  removePod,
  runPod,
  setPodStatus,
  slicesOf,
} from './fixtures'

const SETTLE = 200

function onlyEndpoints(slices: EndpointSlice[]) {
  return slices.flatMap((s) => s.endpoints)
}

describe('EndpointSliceController', () => {
  it('lists a ready pod of a headless Service with hostname, targetRef, nodeName and zone', () => {
    const sim = endpointsCluster()
    const api = sim.ctx.api
    const svc = createService(api)
    const pod = runPod(api, 'web-0', '10.244.1.6')
    sim.advance(SETTLE)

    const slices = slicesOf(sim)
    expect(slices).toHaveLength(1)
    const slice = slices[0]!
    expect(slice.metadata.generateName).toBe('nginx-')
    expect(slice.metadata.name).toMatch(/^nginx-[a-z0-9]{5}$/)
    expect(slice.metadata.labels).toEqual({
      app: 'nginx',
      'service.kubernetes.io/headless': '',
      'kubernetes.io/service-name': 'nginx',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
    })
    expect(slice.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'v1',
        kind: 'Service',
        name: 'nginx',
        uid: svc.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ])
    expect(slice.addressType).toBe('IPv4')
    expect(slice.ports).toEqual([{ name: 'web', port: 80, protocol: 'TCP' }])
    expect(slice.endpoints).toEqual([
      {
        addresses: ['10.244.1.6'],
        conditions: { ready: true, serving: true, terminating: false },
        hostname: 'web-0',
        targetRef: { kind: 'Pod', namespace: 'default', name: 'web-0', uid: pod.metadata.uid },
        nodeName: 'node-1',
        zone: 'zone-a',
      },
    ])
  })

  it('follows a pod through deletion and recreation as F46 describes, keeping the slice name', () => {
    const sim = endpointsCluster()
    const api = sim.ctx.api
    createService(api)
    runPod(api, 'web-0', '10.244.1.6')
    runPod(api, 'web-1', '10.244.2.6', { nodeName: 'node-2' })
    sim.advance(SETTLE)
    const name = slicesOf(sim)[0]!.metadata.name
    const web1Before = onlyEndpoints(slicesOf(sim)).find((e) => e.targetRef?.name === 'web-1')

    // 1. Terminating: not ready, still serving (it is Ready), terminating.
    api.delete('Pod', 'default', 'web-0')
    sim.advance(SETTLE)
    let web0 = onlyEndpoints(slicesOf(sim)).find((e) => e.targetRef?.name === 'web-0')
    expect(web0?.conditions).toEqual({ ready: false, serving: true, terminating: true })
    expect(onlyEndpoints(slicesOf(sim)).find((e) => e.targetRef?.name === 'web-1')).toEqual(web1Before)

    // 2. Gone.
    removePod(api, 'web-0')
    sim.advance(SETTLE)
    expect(onlyEndpoints(slicesOf(sim)).map((e) => e.targetRef?.name)).toEqual(['web-1'])

    // 3. Recreated, Pending without an IP: absent.
    createPod(api, 'web-0')
    sim.advance(SETTLE)
    expect(onlyEndpoints(slicesOf(sim)).map((e) => e.targetRef?.name)).toEqual(['web-1'])

    // 4. An IP but not Ready.
    setPodStatus(api, 'web-0', { ip: '10.244.1.7', ready: false })
    sim.advance(SETTLE)
    web0 = onlyEndpoints(slicesOf(sim)).find((e) => e.targetRef?.name === 'web-0')
    expect(web0?.addresses).toEqual(['10.244.1.7'])
    expect(web0?.conditions).toEqual({ ready: false, serving: false, terminating: false })

    // 5. Ready, at its new IP.
    setPodStatus(api, 'web-0', { ip: '10.244.1.7', ready: true })
    sim.advance(SETTLE)
    web0 = onlyEndpoints(slicesOf(sim)).find((e) => e.targetRef?.name === 'web-0')
    expect(web0?.conditions).toEqual({ ready: true, serving: true, terminating: false })
    expect(slicesOf(sim).map((s) => s.metadata.name)).toEqual([name])
  })

  it('marks endpoints ready from the first IP and while terminating when publishNotReadyAddresses is set', () => {
    const sim = endpointsCluster()
    const api = sim.ctx.api
    createService(api, 'nginx', { publishNotReadyAddresses: true })
    createPod(api, 'web-0')
    sim.advance(SETTLE)
    expect(onlyEndpoints(slicesOf(sim))).toEqual([])

    setPodStatus(api, 'web-0', { ip: '10.244.1.6', ready: false })
    sim.advance(SETTLE)
    expect(onlyEndpoints(slicesOf(sim))[0]?.conditions).toEqual({
      ready: true,
      serving: false,
      terminating: false,
    })

    setPodStatus(api, 'web-0', { ip: '10.244.1.6', ready: true })
    api.delete('Pod', 'default', 'web-0')
    sim.advance(SETTLE)
    expect(onlyEndpoints(slicesOf(sim))[0]?.conditions).toEqual({
      ready: true,
      serving: true,
      terminating: true,
    })
  })

  it('leaves out pods that are terminal, and keeps a placeholder slice when nothing is listed', () => {
    const sim = endpointsCluster()
    const api = sim.ctx.api
    createService(api)
    sim.advance(SETTLE)
    const placeholder = slicesOf(sim)
    expect(placeholder).toHaveLength(1)
    expect(placeholder[0]!.endpoints).toEqual([])
    expect(placeholder[0]!.ports).toBeNull()

    const pod = runPod(api, 'web-0', '10.244.1.6')
    sim.advance(SETTLE)
    expect(onlyEndpoints(slicesOf(sim))).toHaveLength(1)
    api.updateStatus<Pod>({
      ...pod,
      status: { ...api.get<Pod>('Pod', 'default', 'web-0').status, phase: 'Failed' },
    })
    sim.advance(SETTLE)
    expect(slicesOf(sim).map((s) => [s.metadata.name, s.endpoints.length, s.ports])).toEqual([
      [placeholder[0]!.metadata.name, 0, null],
    ])
  })

  it('sets hostname only when the pod names the Service as its subdomain, whatever the Service type', () => {
    const sim = endpointsCluster()
    const api = sim.ctx.api
    createService(api, 'nginx')
    createService(api, 'web-lb', { headless: false })
    runPod(api, 'web-0', '10.244.1.6')
    runPod(api, 'web-1', '10.244.2.6', { subdomain: 'elsewhere' })
    sim.advance(SETTLE)
    const hostnames = (svc: string) =>
      Object.fromEntries(onlyEndpoints(slicesOf(sim, svc)).map((e) => [e.targetRef?.name, e.hostname]))
    expect(hostnames('nginx')).toEqual({ 'web-0': 'web-0', 'web-1': undefined })
    expect(hostnames('web-lb')).toEqual({ 'web-0': undefined, 'web-1': undefined })

    createService(api, 'elsewhere')
    sim.advance(SETTLE)
    expect(hostnames('elsewhere')).toEqual({ 'web-0': undefined, 'web-1': 'web-1' })
  })

  it('resolves named target ports per pod and groups pods by the ports they serve', () => {
    const sim = endpointsCluster()
    const api = sim.ctx.api
    createService(api, 'web-lb', {
      headless: false,
      ports: [{ name: 'http', port: 8080, protocol: 'TCP', targetPort: 'web' }],
    })
    runPod(api, 'web-0', '10.244.1.6')
    runPod(api, 'web-1', '10.244.2.6', { containerPorts: [{ name: 'web', containerPort: 8000 }] })
    runPod(api, 'other-0', '10.244.3.6', { containerPorts: [{ name: 'metrics', containerPort: 9000 }] })
    sim.advance(SETTLE)
    const byPorts = Object.fromEntries(
      slicesOf(sim, 'web-lb').map((s) => [
        JSON.stringify(s.ports),
        s.endpoints.map((e) => e.targetRef?.name).sort(),
      ]),
    )
    expect(byPorts).toEqual({
      '[{"name":"http","port":80,"protocol":"TCP"}]': ['web-0'],
      '[{"name":"http","port":8000,"protocol":"TCP"}]': ['web-1'],
      null: ['other-0'],
    })
  })

  it('manages no slices for a Service without a selector, and removes them with the Service', () => {
    const sim = endpointsCluster()
    const api = sim.ctx.api
    createService(api, 'manual', { selector: null })
    createService(api)
    runPod(api, 'web-0', '10.244.1.6')
    sim.advance(SETTLE)
    expect(slicesOf(sim, 'manual')).toEqual([])
    expect(slicesOf(sim)).toHaveLength(1)

    api.delete('Service', 'default', 'nginx')
    sim.advance(SETTLE)
    expect(slicesOf(sim)).toEqual([])
  })

  it('recreates a managed slice someone deleted', () => {
    const sim = endpointsCluster()
    const api = sim.ctx.api
    createService(api)
    runPod(api, 'web-0', '10.244.1.6')
    sim.advance(SETTLE)
    const [slice] = slicesOf(sim)
    api.delete('EndpointSlice', 'default', slice!.metadata.name)
    sim.advance(SETTLE)
    const again = slicesOf(sim)
    expect(again).toHaveLength(1)
    expect(again[0]!.metadata.name).not.toBe(slice!.metadata.name)
    expect(onlyEndpoints(again).map((e) => e.addresses[0])).toEqual(['10.244.1.6'])
  })

  it('skips a pod whose Node is missing and retries until the Node appears', () => {
    const sim = endpointsCluster()
    const api = sim.ctx.api
    createService(api)
    runPod(api, 'web-0', '10.244.9.6', { nodeName: 'node-9' })
    sim.advance(SETTLE)
    expect(onlyEndpoints(slicesOf(sim))).toEqual([])

    const node = api.get<Node>('Node', undefined, 'node-1')
    api.create<Node>({
      ...node,
      metadata: { name: 'node-9', labels: { 'topology.kubernetes.io/zone': 'zone-b' } },
    })
    sim.advance(5000)
    expect(onlyEndpoints(slicesOf(sim)).map((e) => [e.targetRef?.name, e.zone])).toEqual([
      ['web-0', 'zone-b'],
    ])
  })

  it('lists a pod on a missing Node when the Service publishes not-ready addresses', () => {
    const sim = endpointsCluster()
    const api = sim.ctx.api
    createService(api, 'nginx', { publishNotReadyAddresses: true })
    runPod(api, 'web-0', '10.244.9.6', { nodeName: 'node-9' })
    sim.advance(SETTLE)
    expect(onlyEndpoints(slicesOf(sim)).map((e) => [e.nodeName, e.zone])).toEqual([['node-9', undefined]])
  })

  it('drops a pod whose labels stop matching and writes nothing for changes endpoints do not show', () => {
    const sim = endpointsCluster()
    const api = sim.ctx.api
    createService(api)
    runPod(api, 'web-0', '10.244.1.6')
    runPod(api, 'web-1', '10.244.2.6')
    sim.advance(SETTLE)
    const rv = slicesOf(sim)[0]!.metadata.resourceVersion

    const pod = api.get<Pod>('Pod', 'default', 'web-0')
    api.update<Pod>({ ...pod, metadata: { ...pod.metadata, annotations: { note: 'unrelated' } } })
    sim.advance(SETTLE)
    expect(slicesOf(sim)[0]!.metadata.resourceVersion).toBe(rv)

    const labelled = api.get<Pod>('Pod', 'default', 'web-0')
    api.update<Pod>({ ...labelled, metadata: { ...labelled.metadata, labels: { app: 'debug' } } })
    sim.advance(SETTLE)
    expect(onlyEndpoints(slicesOf(sim)).map((e) => e.targetRef?.name)).toEqual(['web-1'])
  })

  it('spreads 10,000 pods over 100 slices and rewrites only the slice whose endpoint changed', () => {
    const sim = endpointsCluster()
    const api = sim.ctx.api
    createService(api, 'big', { selector: { app: 'big' } })
    const ipOf = (i: number) => `10.244.${Math.floor(i / 250)}.${(i % 250) + 1}`
    for (let i = 0; i < 10_000; i++) {
      runPod(api, `big-${i}`, ipOf(i), {
        labels: { app: 'big' },
        subdomain: 'big',
        nodeName: `node-${(i % 3) + 1}`,
      })
    }
    sim.advance(SETTLE)

    const slices = slicesOf(sim, 'big')
    expect(slices).toHaveLength(100)
    expect(slices.every((s) => s.endpoints.length === 100)).toBe(true)
    const ips = new Set(onlyEndpoints(slices).flatMap((e) => e.addresses))
    expect(ips.size).toBe(10_000)
    expect(onlyEndpoints(slices).every((e) => e.conditions.ready && e.hostname === e.targetRef?.name)).toBe(
      true,
    )

    const writes: string[] = []
    sim.ctx.store.watch((e) => {
      if (e.object.kind === 'EndpointSlice') writes.push(`${e.type} ${e.object.metadata.name}`)
    })
    setPodStatus(api, 'big-4242', { ip: ipOf(4242), ready: false })
    sim.advance(SETTLE)
    const holder = slicesOf(sim, 'big').find((s) =>
      s.endpoints.some((e) => e.targetRef?.name === 'big-4242'),
    )!
    expect(writes).toEqual([`MODIFIED ${holder.metadata.name}`])
    expect(holder.endpoints.find((e) => e.targetRef?.name === 'big-4242')?.conditions.ready).toBe(false)
    // Creating 10,000 pods takes a few seconds on a busy 2-core machine.
  }, 60_000)
})
