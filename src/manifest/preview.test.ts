// oxlint-disable-next-line no-restricted-imports -- a test reading the example files, not engine code
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { KubectlHarness, WEB_YAML } from '../kubectl/testing/kubectlHarness'
import type { Service, StatefulSet } from '../sim/model'
import { previewManifests } from './preview'

const example = (name: string) => readFileSync(new URL(`../examples/${name}.yaml`, import.meta.url), 'utf8')

describe('previewManifests', () => {
  it('lists what web.yaml creates: the Service, the set, its pods, claims and DNS names', () => {
    const p = previewManifests(WEB_YAML)
    expect(p.objects.map((o) => `${o.ref} ${o.action}`)).toEqual([
      'service/nginx created',
      'statefulset.apps/web created',
    ])
    expect(p.objects[0]!.dnsName).toBe('nginx.default.svc.cluster.local')
    expect(p.statefulSets).toEqual([
      {
        name: 'web',
        namespace: 'default',
        replicas: 2,
        podManagementPolicy: 'OrderedReady',
        serviceName: 'nginx',
        slots: [
          {
            ordinal: 0,
            pod: 'web-0',
            claims: ['www-web-0'],
            dnsName: 'web-0.nginx.default.svc.cluster.local',
          },
          {
            ordinal: 1,
            pod: 'web-1',
            claims: ['www-web-1'],
            dnsName: 'web-1.nginx.default.svc.cluster.local',
          },
        ],
      },
    ])
  })

  it('numbers the slots from ordinals.start', () => {
    const text = WEB_YAML.replace('  replicas: 2', '  replicas: 3\n  ordinals:\n    start: 5')
    const [set] = previewManifests(text).statefulSets
    expect(set!.slots.map((s) => `${s.pod} ${s.claims.join()}`)).toEqual([
      'web-5 www-web-5',
      'web-6 www-web-6',
      'web-7 www-web-7',
    ])
  })

  it('gives no DNS names when the Service is not headless, and says why', () => {
    const [set] = previewManifests(WEB_YAML.replace('  clusterIP: None\n', '')).statefulSets
    expect(set!.slots.map((s) => s.dnsName)).toEqual([undefined, undefined])
    expect(set!.serviceName).toBeUndefined()
    expect(set!.dnsProblem).toContain('Service "nginx" is not headless')
  })

  it('gives no DNS names when serviceName names no Service', () => {
    const [set] = previewManifests(example('wrong-service-name')).statefulSets
    expect(set!.slots.every((s) => s.dnsName === undefined)).toBe(true)
    expect(set!.dnsProblem).toContain('serviceName "nginx-typo" names no Service')
  })

  it('shows the policy, and sets without claim templates have slots without claims', () => {
    expect(previewManifests(example('parallel')).statefulSets[0]!.podManagementPolicy).toBe('Parallel')
    const [set] = previewManifests(example('topology')).statefulSets
    expect(set!.slots.map((s) => s.claims)).toEqual([[], [], []])
  })

  it('names standalone claims, volumes and Services', () => {
    const p = previewManifests(example('pv-claim'))
    expect(p.objects.map((o) => o.ref)).toEqual([
      'persistentvolume/pv-volume',
      'persistentvolumeclaim/pv-claim',
    ])
    expect(p.objects.map((o) => o.namespace)).toEqual([undefined, 'default'])
    expect(p.statefulSets).toEqual([])
  })

  it('marks objects that already exist as configured', () => {
    const h = new KubectlHarness({ files: { 'web.yaml': WEB_YAML } })
    h.kubectl('apply -f web.yaml')
    const api = h.sim.ctx.api
    const cluster = {
      services: api.list<Service>('Service'),
      statefulSets: api.list<StatefulSet>('StatefulSet'),
    }
    const p = previewManifests(WEB_YAML, { cluster })
    expect(p.objects.map((o) => o.action)).toEqual(['configured', 'configured'])
  })

  it('flags an object the API server would refuse and draws no slots for it', () => {
    const p = previewManifests(WEB_YAML.replace('replicas: 2', 'replicas: -1'))
    expect(p.objects.map((o) => o.fails)).toEqual([false, true])
    expect(p.statefulSets).toEqual([])
  })

  it('lists no slots for a set the API server would refuse (replicas: "two" fails decoding)', () => {
    const p = previewManifests(WEB_YAML.replace('replicas: 2', 'replicas: "two"'))
    expect(p.objects.find((o) => o.ref === 'statefulset.apps/web')?.fails).toBe(true)
    expect(p.statefulSets).toEqual([])
    expect(
      previewManifests(WEB_YAML.replace('replicas: 2', 'replicas: 0')).statefulSets[0]!.problem,
    ).toBeUndefined()
  })

  it('skips documents kubectl cannot map and caps the slots it lists', () => {
    const text = WEB_YAML.replace('kind: Service', 'kind: Servise').replace('replicas: 2', 'replicas: 10000')
    const p = previewManifests(text)
    expect(p.objects.map((o) => o.ref)).toEqual(['statefulset.apps/web'])
    expect(p.statefulSets[0]!.replicas).toBe(10000)
    expect(p.statefulSets[0]!.slots).toHaveLength(500)
  })
})
