import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ClusterSession } from '../state/clusterSession'
import { viewModel } from './viewModel'
import { podTone } from './objectViews'
import type { CanvasModel, SetView } from './model'

const WEB_YAML = readFileSync(new URL('../examples/web.yaml', import.meta.url), 'utf8')

function session(): ClusterSession {
  const s = new ClusterSession(1)
  expect(s.apply(WEB_YAML).exitCode).toBe(0)
  return s
}

function web(model: CanvasModel): SetView {
  const set = model.sets.find((s) => s.name === 'web')
  expect(set).toBeDefined()
  return set!
}

const pods = (model: CanvasModel) => web(model).slots.map((s) => s.pod && `${s.name} ${s.pod.summary}`)

describe('viewModel', () => {
  it('gives an empty cluster its nodes and the default StorageClass and nothing else', () => {
    const model = viewModel(new ClusterSession(1).snapshot())
    expect(model.sets).toEqual([])
    expect(model.services).toEqual([])
    expect(model.nodes.map((n) => `${n.name} ${n.status}`)).toEqual([
      'node-1 Ready',
      'node-2 Ready',
      'node-3 Ready',
    ])
    expect(model.storageClasses.map((c) => [c.name, c.isDefault, c.bindingMode])).toEqual([
      ['standard', true, 'WaitForFirstConsumer'],
    ])
  })

  it('draws slots for all wanted ordinals at once, each filled in order, with kubectl STATUS READY', () => {
    const s = session()
    let model = viewModel(s.snapshot())
    expect(web(model).slots.map((x) => x.name)).toEqual(['web-0', 'web-1'])
    expect(pods(model)).toEqual([undefined, undefined])
    expect(web(model).slots.map((x) => x.note)).toEqual([
      'vacant · next to be created',
      'waits for web-0 (OrderedReady)',
    ])
    s.advanceTo(1_000)
    model = viewModel(s.snapshot())
    expect(pods(model)).toEqual(['web-0 Pending 0/1', undefined])
    expect(web(model).activity).toBe('web-1 waits until web-0 is Running and Ready (OrderedReady)')
    s.advanceTo(3_000)
    model = viewModel(s.snapshot())
    expect(pods(model)[0]).toMatch(/^web-0 (ContainerCreating|Pending) 0\/1$/)
    s.advanceTo(30_000)
    model = viewModel(s.snapshot())
    expect(pods(model)).toEqual(['web-0 Running 1/1', 'web-1 Running 1/1'])
    expect(web(model).ready).toBe('2/2')
    expect(web(model).activity).toBe('all 2 replicas Running and Ready')
  })

  it('gives each Ready pod its DNS record and the Service its A and SRV records', () => {
    const s = session()
    s.advanceTo(30_000)
    const model = viewModel(s.snapshot())
    const [a, b] = web(model).slots
    expect(a!.record).toMatchObject({
      name: 'web-0.nginx.default.svc.cluster.local',
      type: 'A',
      answers: [a!.pod!.ip],
      podUid: a!.pod!.uid,
    })
    expect(b!.record?.answers).toEqual([b!.pod!.ip])
    const nginx = model.services.find((x) => x.name === 'nginx')!
    expect(nginx).toMatchObject({
      headless: true,
      status: 'ClusterIP None',
      fqdn: 'nginx.default.svc.cluster.local',
    })
    expect(nginx.records.map((r) => [r.name, r.type, r.answers])).toEqual([
      ['nginx.default.svc.cluster.local', 'A', [a!.pod!.ip, b!.pod!.ip].sort()],
      [
        '_web._tcp.nginx.default.svc.cluster.local',
        'SRV',
        ['0 50 80 web-0.nginx.default.svc.cluster.local', '0 50 80 web-1.nginx.default.svc.cluster.local'],
      ],
    ])
    expect(model.services.map((x) => x.name)).toEqual(['nginx']) // not `kubernetes`, not kube-dns
  })

  it('keeps claims and their volumes under the slot, bound, with kubectl phases', () => {
    const s = session()
    s.advanceTo(30_000)
    const slot = web(viewModel(s.snapshot())).slots[0]!
    expect(slot.claims).toHaveLength(1)
    const claim = slot.claims[0]!
    expect(claim).toMatchObject({
      name: 'www-web-0',
      phase: 'Bound',
      capacity: '1Gi',
      storageClass: 'standard',
    })
    expect(claim.orphaned).toBe(false)
    expect(claim.volume).toMatchObject({ name: claim.volumeName, phase: 'Bound', reclaimPolicy: 'Delete' })
    expect(claim.volume?.node).toBe(slot.pod?.node)
  })

  it('replaces a deleted pod with a new tenant: same slot, new uid, record gone then re-pointed', () => {
    const s = session()
    s.advanceTo(30_000)
    const before = web(viewModel(s.snapshot())).slots[0]!
    s.command('kubectl delete pod web-0')
    let slot = web(viewModel(s.snapshot())).slots[0]!
    expect(slot.pod?.summary).toBe('Terminating 1/1')
    expect(slot.pod?.tone).toBe('stop')
    s.advanceTo(31_000)
    slot = web(viewModel(s.snapshot())).slots[0]!
    expect(slot.record).toBeUndefined()
    expect(slot.key).toBe(before.key)
    s.advanceTo(45_000)
    slot = web(viewModel(s.snapshot())).slots[0]!
    expect(slot.pod?.summary).toBe('Running 1/1')
    expect(slot.pod?.uid).not.toBe(before.pod?.uid)
    expect(slot.pod?.ip).not.toBe(before.pod?.ip)
    expect(slot.pod?.incarnation).toBe(2)
    expect(slot.record?.answers).toEqual([slot.pod?.ip])
    expect(slot.claims[0]?.volumeName).toBe(before.claims[0]?.volumeName)
  })

  it('keeps vacant slots after a scale-down, their claims Bound and orphaned', () => {
    const s = session()
    s.advanceTo(30_000)
    s.command('kubectl scale sts web --replicas=4')
    s.advanceTo(90_000)
    expect(pods(viewModel(s.snapshot()))).toHaveLength(4)
    s.command('kubectl scale sts web --replicas=2')
    expect(web(viewModel(s.snapshot())).activity).toMatch(/^scaling down: removing web-3/)
    s.advanceTo(120_000)
    const set = web(viewModel(s.snapshot()))
    expect(set.slots.map((x) => [x.name, x.wanted, !!x.pod])).toEqual([
      ['web-0', true, true],
      ['web-1', true, true],
      ['web-2', false, false],
      ['web-3', false, false],
    ])
    const vacant = set.slots.slice(2)
    expect(vacant.map((x) => x.claims.map((c) => [c.name, c.phase, c.orphaned, c.forPod]))).toEqual([
      [['www-web-2', 'Bound', true, 'web-2']],
      [['www-web-3', 'Bound', true, 'web-3']],
    ])
    expect(vacant[0]!.note).toBe('scaled down · claims kept')
    expect(set.slots[0]!.claims[0]!.orphaned).toBe(false)
  })

  it('shows a standalone claim apart from the slots, and a serviceName with no Service as a problem', () => {
    const s = new ClusterSession(1)
    const claim = `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: pv-claim}
spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 2Gi}}}
`
    const set = WEB_YAML.split('---')[1]!
    expect(s.apply(`${claim}---${set}`).exitCode).toBe(0)
    s.advanceTo(10_000)
    const model = viewModel(s.snapshot())
    expect(model.claims.map((c) => [c.name, c.phase, c.request])).toEqual([['pv-claim', 'Pending', '2Gi']])
    expect(web(model).serviceProblem).toBe('Service "nginx" not found: no per-pod DNS records')
    expect(web(model).slots[0]!.record).toBeUndefined()
  })
})

describe('podTone', () => {
  it('sorts kubectl STATUS words into status families', () => {
    expect(podTone('Running', '1/1')).toBe('ok')
    expect(podTone('Running', '0/1')).toBe('warn')
    expect(podTone('Pending', '0/1')).toBe('progress')
    expect(podTone('ContainerCreating', '0/1')).toBe('progress')
    expect(podTone('Init:0/1', '0/1')).toBe('progress')
    expect(podTone('Terminating', '1/1')).toBe('stop')
    expect(podTone('CrashLoopBackOff', '0/1')).toBe('bad')
    expect(podTone('Completed', '0/1')).toBe('idle')
  })
})
