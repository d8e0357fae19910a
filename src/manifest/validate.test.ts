// oxlint-disable-next-line no-restricted-imports -- a test reading the example files, not engine code
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { KubectlHarness, WEB_YAML } from '../kubectl/testing/kubectlHarness'
import type { ClusterView } from './cluster'
import { validateManifests, type Diagnostic } from './validate'

const example = (name: string) => readFileSync(new URL(`../examples/${name}.yaml`, import.meta.url), 'utf8')
const lineOf = (text: string, d: Diagnostic) => text.split('\n')[d.line - 1]
const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'error')
const warnings = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'warning')

function viewOf(h: KubectlHarness): ClusterView {
  const api = h.sim.ctx.api
  return {
    services: api.list('Service'),
    statefulSets: api.list('StatefulSet'),
    claims: api.list('PersistentVolumeClaim'),
    volumes: api.list('PersistentVolume'),
    storageClasses: api.list('StorageClass'),
    pods: api.list('Pod'),
  }
}

/** What `kubectl apply -f editor.yaml` prints on stderr for `text`. */
function kubectlStderr(text: string, h = new KubectlHarness()): string {
  h.files['editor.yaml'] = text
  return h.kubectl('apply -f editor.yaml').stderr
}

/**
 * kubectl's stderr as single-cause lines: an Invalid error with several causes (`The X "n" is
 * invalid: ` then `* cause` lines) becomes one `The X "n" is invalid: cause` line per cause.
 */
function causeLines(stderr: string): string[] {
  const out: string[] = []
  let header = ''
  for (const line of stderr.split('\n').filter(Boolean)) {
    if (/^The .* is invalid: $/.test(line)) header = line
    else if (header && line.startsWith('* ')) out.push(header + line.slice(2))
    else {
      header = ''
      out.push(line)
    }
  }
  return [...new Set(out)].sort()
}

/** The error markers say exactly what kubectl prints: every line of stderr, nothing else. */
function expectSameAsKubectl(text: string, h?: KubectlHarness) {
  const view = h ? viewOf(h) : undefined
  const ds = validateManifests(text, view ? { cluster: view } : {})
  const lines = errors(ds).flatMap((d) => d.message.split('\n'))
  expect(lines.length).toBeGreaterThan(0)
  expect([...new Set(lines)].sort()).toEqual(causeLines(kubectlStderr(text, h)))
  return ds
}

describe('validateManifests: what kubectl apply would refuse, where', () => {
  it('finds nothing wrong with the tutorial web.yaml', () => {
    expect(validateManifests(WEB_YAML)).toEqual([])
  })

  it.each([
    ['an unknown kind', 'kind: StatefulSet', 'kind: StatefulSets', 'kind: StatefulSets'],
    ['a removed apiVersion', 'apiVersion: apps/v1', 'apiVersion: apps/v1beta1', 'apiVersion: apps/v1beta1'],
    [
      'a selector that does not match the template labels',
      '      app: nginx\n  template',
      '      app: web\n  template',
      '      labels:',
    ],
    ['a malformed quantity', 'storage: 1Gi', 'storage: 1Gb', '          storage: 1Gb'],
    ['a port out of range', 'containerPort: 80', 'containerPort: 99999', '        - containerPort: 99999'],
    ['a missing image', '        image: registry.k8s.io/nginx-slim:0.7\n', '', '      - name: nginx'],
    [
      'a namespace that does not exist',
      'name: web\nspec:',
      'name: web\n  namespace: demo\nspec:',
      '  namespace: demo',
    ],
    ['a negative replica count', 'replicas: 2', 'replicas: -1', '  replicas: -1'],
    [
      'an invalid Service port name',
      '    name: web\n  clusterIP',
      '    name: Web_1\n  clusterIP',
      '    name: Web_1',
    ],
  ])('reports %s as kubectl does, at the offending line', (_what, from, to, line) => {
    const text = WEB_YAML.replace(from, to)
    expect(text).not.toBe(WEB_YAML)
    const [d, ...rest] = errors(expectSameAsKubectl(text))
    expect(rest).toEqual([])
    expect(lineOf(text, d!)).toBe(line)
    expect(d!.column).toBe(
      line.length - line.trimStart().length + 1 + (line.trimStart().startsWith('- ') ? 2 : 0),
    )
  })

  it('names the resource mapping error with the CRD hint', () => {
    const [d] = validateManifests(WEB_YAML.replace('kind: StatefulSet', 'kind: Foo'))
    expect(d!.message).toBe(
      'error: resource mapping not found for name: "web" namespace: "" from "editor.yaml": no matches for kind "Foo" in version "apps/v1"\nensure CRDs are installed first',
    )
  })

  it('reports a missing kind or apiVersion at the first line of the document', () => {
    const text = WEB_YAML.replace('apiVersion: apps/v1\nkind: StatefulSet\n', '')
    const [d] = errors(expectSameAsKubectl(text))
    expect(d!.message).toContain('error validating data: [apiVersion not set, kind not set]')
    expect(lineOf(text, d!)).toBe('metadata:')
  })

  it('reports a nameless object with kubectl retrieval error', () => {
    const text = WEB_YAML.replace('metadata:\n  name: web\n', 'metadata: {}\n')
    const [d] = errors(expectSameAsKubectl(text))
    expect(d!.message).toContain('resource name may not be empty')
  })

  it('reports a YAML syntax error at its line and column, and checks nothing after it', () => {
    const text = WEB_YAML.replace('  replicas: 2', '  replicas: [2').replace('kind: Service', 'kind: Servic')
    const ds = validateManifests(text)
    const syntax = ds.find((d) => d.message.includes('error converting YAML to JSON'))!
    expect(syntax.message).toBe(
      // kubectl v1.32's words and line: go-yaml's parser counts that line from 0.
      "error: error parsing editor.yaml: error converting YAML to JSON: yaml: line 7: did not find expected ',' or ']'",
    )
    // Marked at the bracket left open (go-yaml's line is where its parser gave up).
    expect(syntax.line).toBe(21)
    expect(ds.map((d) => d.message).join('\n')).toContain('no matches for kind "Servic"')
    expect(kubectlStderr(text)).toContain(syntax.message + '\n')
  })

  it('gives one marker per cause, each worded as kubectl words a single cause', () => {
    const text = WEB_YAML.replace('replicas: 2', 'replicas: -1').replace(
      'containerPort: 80',
      'containerPort: 0',
    )
    const ds = errors(validateManifests(text))
    expect(ds.map((d) => lineOf(text, d)?.trim())).toEqual(['replicas: -1', '- containerPort: 0'])
    const stderr = kubectlStderr(text)
    for (const d of ds) {
      expect(d.message.startsWith('The StatefulSet "web" is invalid: ')).toBe(true)
      expect(stderr).toContain(`* ${d.message.slice('The StatefulSet "web" is invalid: '.length)}\n`)
    }
  })

  it('checks a changed object as an update: a claim template change is forbidden', () => {
    const h = new KubectlHarness({ files: { 'editor.yaml': WEB_YAML } })
    h.kubectl('apply -f editor.yaml')
    expect(validateManifests(WEB_YAML, { cluster: viewOf(h) })).toEqual([])
    const text = WEB_YAML.replace('storage: 1Gi', 'storage: 2Gi')
    const [d] = errors(expectSameAsKubectl(text, h))
    expect(d!.message).toContain(
      'The StatefulSet "web" is invalid: spec: Forbidden: updates to statefulset spec',
    )
    // The marker goes to the field that may not change, not to `spec:`.
    expect(lineOf(text, d!)).toBe('          storage: 2Gi')
    const renamed = WEB_YAML.replace('serviceName: "nginx"', 'serviceName: "other"')
    const [r] = errors(validateManifests(renamed, { cluster: viewOf(h) }))
    expect(lineOf(renamed, r!)).toBe('  serviceName: "other"')
  })

  it.each([
    ['scaling', 'replicas: 2', 'replicas: 5', false],
    ['a new image', 'nginx-slim:0.7', 'nginx-slim:0.8', false],
    ['a bigger claim template', 'storage: 1Gi', 'storage: 2Gi', true],
    ['another serviceName', 'serviceName: "nginx"', 'serviceName: "other"', true],
    ['another policy', '  replicas: 2', '  replicas: 2\n  podManagementPolicy: Parallel', true],
    ['another selector', '      app: nginx\n  template:', '      app: web\n  template:', true],
    ['a Service that is no longer headless', '  clusterIP: None\n', '', false],
    ['a Service given a cluster IP', 'clusterIP: None', 'clusterIP: 10.96.0.50', true],
    ['a Service port rename', '    name: web\n  clusterIP', '    name: http\n  clusterIP', false],
  ])('agrees with kubectl about re-applying web.yaml with %s', (_what, from, to, refused) => {
    const h = new KubectlHarness({ files: { 'editor.yaml': WEB_YAML } })
    h.kubectl('apply -f editor.yaml')
    h.advance(30_000)
    const text = WEB_YAML.replace(from, to)
    expect(text).not.toBe(WEB_YAML)
    const ds = errors(validateManifests(text, { cluster: viewOf(h) }))
    const expected = causeLines(kubectlStderr(text, h))
    expect([...new Set(ds.flatMap((d) => d.message.split('\n')))].sort()).toEqual(expected)
    expect(ds.length > 0).toBe(refused)
  })

  it('places the errors of a List item inside that item', () => {
    const text = [
      'apiVersion: v1',
      'kind: List',
      'items:',
      '- apiVersion: v1',
      '  kind: Service',
      '  metadata: {name: a}',
      '  spec: {ports: [{port: 80}]}',
      '- apiVersion: v1',
      '  kind: Service',
      '  metadata: {name: b}',
      '  spec:',
      '    ports:',
      '    - port: 0',
      '',
    ].join('\n')
    const [d] = errors(expectSameAsKubectl(text))
    expect(d!.line).toBe(13)
  })

  it('reports every cause of a spec that is not a map, as kubectl does', () => {
    const text = WEB_YAML.replace(/spec:\n  serviceName[\s\S]*$/, 'spec: 5\n')
    const ds = errors(expectSameAsKubectl(text))
    expect(ds.length).toBeGreaterThan(3)
  })
})

describe('validateManifests: StatefulSet warnings', () => {
  it('warns when serviceName names no Service, naming the headless ones there are', () => {
    const text = example('wrong-service-name')
    const [w, ...rest] = validateManifests(text)
    expect(rest).toEqual([])
    expect(w!.severity).toBe('warning')
    expect(w!.message).toBe(
      'serviceName "nginx-typo" names no Service in namespace "default" (headless Services in "default": nginx): web-0.nginx-typo.default.svc.cluster.local will not resolve',
    )
    expect(lineOf(text, w!)).toBe('  serviceName: "nginx-typo"')
  })

  it('warns when the Service is not headless', () => {
    const text = WEB_YAML.replace('  clusterIP: None\n', '')
    const [w] = warnings(validateManifests(text))
    expect(w!.message).toContain('Service "nginx" is not headless (set clusterIP: None)')
  })

  it("warns when the Service does not select the pod template's labels", () => {
    const text = WEB_YAML.replace('  selector:\n    app: nginx', '  selector:\n    app: web')
    const [w] = warnings(validateManifests(text))
    expect(w!.message).toContain(
      'Service "nginx" selects "app=web", which the pod template\'s labels do not match',
    )
  })

  it('finds the headless Service in the cluster when the text has only the StatefulSet', () => {
    const h = new KubectlHarness({ files: { 'editor.yaml': WEB_YAML } })
    h.kubectl('apply -f editor.yaml')
    const setOnly = WEB_YAML.slice(WEB_YAML.indexOf('---\n') + 4)
    expect(validateManifests(setOnly, { cluster: viewOf(h) })).toEqual([])
    expect(warnings(validateManifests(setOnly))).toHaveLength(1)
  })

  it('warns when no StorageClass serves a claim template, at its storageClassName', () => {
    const text = example('no-storage-class')
    const [w, ...rest] = validateManifests(text)
    expect(rest).toEqual([])
    expect(w!.message).toBe(
      'storageclass.storage.k8s.io "fast" not found (StorageClasses: standard): claims www-web-0… will stay Pending',
    )
    expect(lineOf(text, w!)).toBe('      storageClassName: fast')
  })

  it('accepts a class the same text creates, or a volume of that class', () => {
    const fast =
      'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\nprovisioner: rancher.io/local-path\n---\n'
    expect(validateManifests(fast + example('no-storage-class'))).toEqual([])
    expect(validateManifests(example('pv-claim'))).toEqual([])
  })

  it('warns about claims no class serves: no default class, or storageClassName ""', () => {
    const noDefault = validateManifests(WEB_YAML, { cluster: { storageClasses: [] } })
    expect(warnings(noDefault)[0]!.message).toContain('no default StorageClass (no StorageClasses exist)')
    const empty = example('pv-claim').replace(/storageClassName: manual/g, 'storageClassName: ""')
    expect(validateManifests(empty)).toEqual([])
    const [w] = validateManifests(empty.slice(empty.indexOf('---')))
    expect(w!.message).toContain('storageClassName "" turns off dynamic provisioning')
    expect(w!.message).toContain('claim "pv-claim"')
  })
})

describe('the examples', () => {
  it.each(['web', 'topology', 'pv-claim', 'parallel', 'never-ready'])('%s.yaml is clean', (name) => {
    const text = example(name)
    expect(validateManifests(text)).toEqual([])
    expect(kubectlStderr(text)).toBe('')
  })

  it.each(['no-storage-class', 'wrong-service-name'])('%s.yaml applies but warns', (name) => {
    const ds = validateManifests(example(name))
    expect(ds.map((d) => d.severity)).toEqual(['warning'])
    expect(kubectlStderr(example(name))).toBe('')
  })
})
