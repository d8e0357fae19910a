// oxlint-disable-next-line no-restricted-imports -- a test reading the example files, not engine code
import { readdirSync, readFileSync } from 'node:fs'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { KubectlHarness, WEB_YAML } from '../../kubectl/testing/kubectlHarness'
import { KINDS } from '../model/kinds'
import { fieldPathText, hasFieldList, unknownFields, withoutUnknownFields } from './unknownFields'

const web = () => load(WEB_YAML.split('---\n')[1]!) as Record<string, unknown> & { spec: any }
const unknown = (obj: unknown) => unknownFields(obj).map(fieldPathText)

describe('unknownFields', () => {
  it('has a field list for every kind the API server serves', () => {
    expect(KINDS.filter((k) => !hasFieldList(k.kind)).map((k) => k.kind)).toEqual([])
  })

  it('finds nothing in the tutorial’s StatefulSet', () => {
    expect(unknown(web())).toEqual([])
  })

  it('names a typo, a field in a container and a top-level field by their paths', () => {
    const sts = web()
    sts.spec.replica = 3
    sts.spec.template.spec.containers[0].imagePullPolice = 'Always'
    sts.extra = true
    expect(unknown(sts)).toEqual([
      'extra',
      'spec.replica',
      'spec.template.spec.containers[0].imagePullPolice',
    ])
  })

  it('lists keys in the order of the JSON kubectl sends: sorted at every level, depth first', () => {
    const sts = web()
    sts.spec.zeta = 1
    sts.spec.Alpha = 1
    sts.spec.template.spec.containers[0].b = 1
    expect(unknown(sts)).toEqual(['spec.Alpha', 'spec.template.spec.containers[0].b', 'spec.zeta'])
  })

  it('does not look inside an unknown field or a value of the wrong shape', () => {
    const sts = web()
    sts.spec.template.spec.updateStrategy = { type: 'OnDelete', bogus: 1 }
    sts.spec.selector = [{ nope: 1 }]
    expect(unknown(sts)).toEqual(['spec.template.spec.updateStrategy'])
  })

  it('does not check the keys of maps: labels, annotations, selectors, requests, data', () => {
    const sts = web()
    sts.metadata = { name: 'web', labels: { anything: 'x' }, annotations: { 'a/b': 'c' } }
    sts.spec.volumeClaimTemplates[0].spec.resources.requests = { storage: '1Gi', 'example.com/gpu': 1 }
    const revision = { apiVersion: 'apps/v1', kind: 'ControllerRevision', data: { whatever: 1 }, revision: 1 }
    expect([...unknown(sts), ...unknown(revision)]).toEqual([])
  })

  it('treats __proto__ and constructor as unknown names, without touching prototypes', () => {
    const sts = JSON.parse(
      '{"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"web","constructor":1},"spec":{"__proto__":{"replicas":7},"toString":1}}',
    ) as object
    expect(unknown(sts)).toEqual(['metadata.constructor', 'spec.__proto__', 'spec.toString'])
    const pruned = withoutUnknownFields(sts, unknownFields(sts)) as { spec: object }
    expect(Object.keys(pruned.spec)).toEqual([])
    expect(Object.getPrototypeOf(pruned.spec)).toBe(Object.prototype)
  })

  it('drops unknown fields from a copy, leaving the rest', () => {
    const sts = web()
    sts.spec.replica = 3
    sts.spec.template.spec.containers[0].foo = 'x'
    const pruned = withoutUnknownFields(sts, unknownFields(sts)) as typeof sts
    expect(pruned.spec.replica).toBeUndefined()
    expect(pruned.spec.template.spec.containers[0]).toEqual(web().spec.template.spec.containers[0])
    expect(sts.spec.replica).toBe(3)
  })

  it('has nothing to say about kinds it does not serve', () => {
    expect(unknown({ apiVersion: 'v1', kind: 'ConfigMap', data: {}, bogus: 1 })).toEqual([])
  })
})

describe('the field list against the engine', () => {
  const examples = readdirSync(new URL('../../examples/', import.meta.url)).filter((f) => f.endsWith('.yaml'))

  it.each(examples)('knows every field of %s and of what the engine stores for it', (file) => {
    const text = readFileSync(new URL(`../../examples/${file}`, import.meta.url), 'utf8')
    const documents = text
      .split(/^---$/m)
      .map((d) => load(d))
      .filter(Boolean)
    expect(documents.flatMap(unknown)).toEqual([])
    const h = new KubectlHarness({ files: { [file]: text } })
    expect(h.kubectl(`apply -f ${file}`).exitCode).toBe(0)
    // Some examples never become ready: two simulated minutes, whatever happens.
    h.sim.advanceTo(h.sim.now + 120_000)
    h.kubectl('delete pod web-0 --wait=false')
    h.sim.advanceTo(h.sim.now + 120_000)
    const stored = KINDS.flatMap((k) => h.sim.ctx.api.list(k.kind))
    expect(stored.flatMap((o) => unknown(o).map((p) => `${o.kind}/${o.metadata.name}: ${p}`))).toEqual([])
  })
})
