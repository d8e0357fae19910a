// kubectl apply -f against a real Simulation: created / configured / unchanged (13.12), the
// three-way merge, multi-document files that fail half-way (F113), the client-side errors
// (F144, F146, YAML syntax), immutable fields (12.2), stdin and dry runs.
import { describe, expect, test } from 'vitest'
import type { KubeObject, PersistentVolumeClaim, Service, StatefulSet } from '../../sim/model'
import { KubectlHarness, WEB_YAML } from '../testing/kubectlHarness'

const [SERVICE_DOC, STATEFULSET_DOC] = WEB_YAML.split('---\n') as [string, string]

const FRONT = (labels: string[]) => `apiVersion: v1
kind: Service
metadata:
  name: front
  labels:
${labels.map((l) => `    ${l}\n`).join('')}spec:
  selector:
    app: front
  ports:
  - port: 80
`

const CLAIM_AND_USER = (labels: string[]) => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
  labels:
${labels.map((l) => `    ${l}\n`).join('')}spec:
  accessModes: ["ReadWriteOnce"]
  resources:
    requests:
      storage: 1Gi
---
apiVersion: v1
kind: Pod
metadata:
  name: user
spec:
  containers:
  - name: c
    image: busybox:1.28
    command: ["sleep", "3600"]
    volumeMounts:
    - name: d
      mountPath: /data
  volumes:
  - name: d
    persistentVolumeClaim:
      claimName: data
`

function harness(files: Record<string, string> = {}): KubectlHarness {
  return new KubectlHarness({ files: { 'web.yaml': WEB_YAML, ...files } })
}

function live<T extends KubeObject>(k: KubectlHarness, kind: string, name: string): T {
  return k.sim.ctx.api.get<T>(kind, 'default', name)
}

describe('kubectl apply reports each object as created, configured or unchanged (13.12)', () => {
  test('a first apply creates both objects of web.yaml, in file order', () => {
    const r = harness().kubectl('apply -f web.yaml')
    expect(r).toEqual({
      stdout: 'service/nginx created\nstatefulset.apps/web created\n',
      stderr: '',
      output: 'service/nginx created\nstatefulset.apps/web created\n',
      exitCode: 0,
    })
  })

  test('re-applying the same file changes nothing and says unchanged', () => {
    const k = harness()
    k.kubectl('apply -f web.yaml')
    k.settle()
    const before = live<StatefulSet>(k, 'StatefulSet', 'web').metadata.resourceVersion
    expect(k.kubectl('apply -f web.yaml').stdout).toBe(
      'service/nginx unchanged\nstatefulset.apps/web unchanged\n',
    )
    expect(live<StatefulSet>(k, 'StatefulSet', 'web').metadata.resourceVersion).toBe(before)
  })

  test('changing replicas in the file configures the StatefulSet and leaves the Service unchanged', () => {
    const k = harness({ 'web3.yaml': WEB_YAML.replace('replicas: 2', 'replicas: 3') })
    k.kubectl('apply -f web.yaml')
    k.settle()
    const r = k.kubectl('apply -f web3.yaml')
    expect(r.stdout).toBe('service/nginx unchanged\nstatefulset.apps/web configured\n')
    expect(r.exitCode).toBe(0)
    expect(live<StatefulSet>(k, 'StatefulSet', 'web').spec.replicas).toBe(3)
  })

  test('-o name prints kind/name only', () => {
    expect(harness().kubectl('apply -f web.yaml -o name').stdout).toBe(
      'service/nginx\nstatefulset.apps/web\n',
    )
  })

  test('several -f flags and a comma-separated list are read in order', () => {
    const k = harness({ 'front.yaml': FRONT(['app: front']) })
    expect(k.kubectl('apply -f web.yaml -f front.yaml').stdout).toBe(
      'service/nginx created\nstatefulset.apps/web created\nservice/front created\n',
    )
    expect(k.kubectl('apply -f front.yaml,web.yaml').stdout).toBe(
      'service/front unchanged\nservice/nginx unchanged\nstatefulset.apps/web unchanged\n',
    )
  })

  test('a kind: List is applied item by item', () => {
    const list = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Service
  metadata:
    name: a
  spec:
    clusterIP: None
- apiVersion: v1
  kind: Service
  metadata:
    name: b
  spec:
    clusterIP: None
`
    expect(harness({ 'list.yaml': list }).kubectl('apply -f list.yaml').stdout).toBe(
      'service/a created\nservice/b created\n',
    )
  })
})

describe('kubectl apply merges three ways: last applied, the file, the live object', () => {
  test('a label removed from the file is removed from the live object; the server-set clusterIP stays', () => {
    const k = harness({ 'v1.yaml': FRONT(['app: front', 'tier: web']), 'v2.yaml': FRONT(['app: front']) })
    k.kubectl('apply -f v1.yaml')
    const clusterIP = live<Service>(k, 'Service', 'front').spec.clusterIP
    expect(clusterIP).toMatch(/^10\.\d+\.\d+\.\d+$/)
    expect(k.kubectl('apply -f v2.yaml').stdout).toBe('service/front configured\n')
    const svc = live<Service>(k, 'Service', 'front')
    expect(svc.metadata.labels).toEqual({ app: 'front' })
    expect(svc.spec.clusterIP).toBe(clusterIP)
    expect(svc.spec.clusterIPs).toEqual([clusterIP])
  })

  test('a label added by someone else (kubectl patch) survives a re-apply that never mentioned it', () => {
    const k = harness({ 'v1.yaml': FRONT(['app: front', 'tier: web']), 'v2.yaml': FRONT(['app: front']) })
    k.kubectl('apply -f v1.yaml')
    expect(k.kubectl(`patch svc front -p '{"metadata":{"labels":{"team":"blue"}}}'`).stdout).toBe(
      'service/front patched\n',
    )
    k.kubectl('apply -f v2.yaml')
    expect(live<Service>(k, 'Service', 'front').metadata.labels).toEqual({ app: 'front', team: 'blue' })
  })

  test('re-applying a StatefulSet keeps its status and the defaults the server filled in', () => {
    const k = harness({ 'web3.yaml': WEB_YAML.replace('replicas: 2', 'replicas: 3') })
    k.kubectl('apply -f web.yaml')
    k.settle()
    k.kubectl('apply -f web3.yaml')
    const sts = live<StatefulSet>(k, 'StatefulSet', 'web')
    expect(sts.status?.readyReplicas).toBe(2)
    expect(sts.spec.podManagementPolicy).toBe('OrderedReady')
    expect(sts.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { partition: 0 } })
    expect(sts.spec.template.spec.containers[0]!.imagePullPolicy).toBe('IfNotPresent')
  })

  test("a claim's volumeName, set by the binder, survives a re-apply that drops a label", () => {
    const k = harness({
      'claim.yaml': CLAIM_AND_USER(['app: data', 'tier: db']),
      'claim2.yaml': CLAIM_AND_USER(['app: data']),
    })
    expect(k.kubectl('apply -f claim.yaml').stdout).toBe(
      'persistentvolumeclaim/data created\npod/user created\n',
    )
    k.advanceUntil(
      () => live<PersistentVolumeClaim>(k, 'PersistentVolumeClaim', 'data').status?.phase === 'Bound',
    )
    const volumeName = live<PersistentVolumeClaim>(k, 'PersistentVolumeClaim', 'data').spec.volumeName
    expect(volumeName).toMatch(/^pvc-[0-9a-f-]{36}$/)
    expect(k.kubectl('apply -f claim2.yaml').stdout).toBe(
      'persistentvolumeclaim/data configured\npod/user unchanged\n',
    )
    const claim = live<PersistentVolumeClaim>(k, 'PersistentVolumeClaim', 'data')
    expect(claim.metadata.labels).toEqual({ app: 'data' })
    expect(claim.spec.volumeName).toBe(volumeName)
    expect(claim.status?.phase).toBe('Bound')
  })

  test('the last-applied annotation holds the file as sorted JSON plus a newline', () => {
    const k = harness()
    k.kubectl('apply -f web.yaml')
    const annotation = live<Service>(k, 'Service', 'nginx').metadata.annotations?.[
      'kubectl.kubernetes.io/last-applied-configuration'
    ]
    expect(annotation?.endsWith('}\n')).toBe(true)
    expect(JSON.parse(annotation!)).toMatchObject({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { labels: { app: 'nginx' }, name: 'nginx', namespace: 'default' },
      spec: { clusterIP: 'None', ports: [{ name: 'web', port: 80 }], selector: { app: 'nginx' } },
    })
  })

  // kubectl's GetModifiedConfiguration sets the annotations map (emptied of the last-applied key)
  // before encoding, so every real last-applied JSON carries `"annotations":{}` — as the printers'
  // own fixture (printers/testing/fixtures.ts) records it.
  test('the last-applied annotation keeps the empty "annotations":{} that kubectl encodes', () => {
    const k = harness()
    k.kubectl('apply -f web.yaml')
    expect(
      live<Service>(k, 'Service', 'nginx').metadata.annotations?.[
        'kubectl.kubernetes.io/last-applied-configuration'
      ],
    ).toBe(
      '{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"labels":{"app":"nginx"},"name":"nginx","namespace":"default"},"spec":{"clusterIP":"None","ports":[{"name":"web","port":80}],"selector":{"app":"nginx"}}}\n',
    )
  })
})

describe('kubectl apply keeps going past a bad document and exits 1', () => {
  test('an invalid second document: the first is created, then the Invalid error (F113, F120)', () => {
    const bad =
      SERVICE_DOC +
      '---\n' +
      STATEFULSET_DOC.replace('      app: nginx\n  template', '      app: web\n  template')
    const k = harness({ 'bad.yaml': bad })
    const r = k.kubectl('apply -f bad.yaml')
    expect(r.stdout).toBe('service/nginx created\n')
    expect(r.stderr).toBe(
      'The StatefulSet "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"nginx"}: `selector` does not match template `labels`\n',
    )
    expect(r.exitCode).toBe(1)
    expect(k.sim.ctx.api.tryGet('Service', 'default', 'nginx')).toBeDefined()
    expect(k.sim.ctx.api.tryGet('StatefulSet', 'default', 'web')).toBeUndefined()
  })

  test('several causes print a header ending in ": " and one "* " line per cause (F111, F119)', () => {
    const bad = STATEFULSET_DOC.replace('  selector:\n    matchLabels:\n      app: nginx\n', '')
    const r = harness({ 'bad.yaml': bad }).kubectl('apply -f bad.yaml')
    expect(r.stderr).toBe(
      'The StatefulSet "web" is invalid: \n' +
        '* spec.selector: Required value\n' +
        '* spec.template.metadata.labels: Invalid value: {"app":"nginx"}: `selector` does not match template `labels`\n',
    )
    expect(r.exitCode).toBe(1)
  })

  test('an unknown apiVersion prints the two-line mapping error; the Service is still created (F144)', () => {
    const k = harness({
      'old.yaml': SERVICE_DOC + '---\n' + STATEFULSET_DOC.replace('apps/v1', 'apps/v1beta1'),
    })
    const r = k.kubectl('apply -f old.yaml')
    expect(r.output).toBe(
      'service/nginx created\n' +
        'error: resource mapping not found for name: "web" namespace: "" from "old.yaml": no matches for kind "StatefulSet" in version "apps/v1beta1"\n' +
        'ensure CRDs are installed first\n',
    )
    expect(r.exitCode).toBe(1)
  })

  test('kinds match case-sensitively (F144)', () => {
    const r = harness({
      'k.yaml': STATEFULSET_DOC.replace('kind: StatefulSet', 'kind: Statefulset'),
    }).kubectl('apply -f k.yaml')
    expect(r.stderr).toBe(
      'error: resource mapping not found for name: "web" namespace: "" from "k.yaml": no matches for kind "Statefulset" in version "apps/v1"\n' +
        'ensure CRDs are installed first\n',
    )
  })

  test('a missing kind, or both kind and apiVersion, is a client-side validation error (F146)', () => {
    const k = harness({
      'nokind.yaml': SERVICE_DOC.replace('kind: Service\n', ''),
      'none.yaml': SERVICE_DOC.replace('kind: Service\n', '').replace('apiVersion: v1\n', ''),
    })
    expect(k.kubectl('apply -f nokind.yaml')).toMatchObject({
      stdout: '',
      stderr:
        'error: error validating "nokind.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false\n',
      exitCode: 1,
    })
    expect(k.kubectl('apply -f none.yaml').stderr).toBe(
      'error: error validating "none.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false\n',
    )
  })

  test('a missing metadata.name fails before anything is sent (F117)', () => {
    const r = harness({ 'noname.yaml': STATEFULSET_DOC.replace('  name: web\n', '') }).kubectl(
      'apply -f noname.yaml',
    )
    expect(r.stderr).toBe(
      'error: error when retrieving current configuration of:\n' +
        'Resource: "apps/v1, Resource=statefulsets", GroupVersionKind: "apps/v1, Kind=StatefulSet"\n' +
        'Name: "", Namespace: "default"\n' +
        'from server for: "noname.yaml": resource name may not be empty\n',
    )
    expect(r.exitCode).toBe(1)
  })

  test('a file that does not exist', () => {
    expect(harness().kubectl('apply -f missing.yaml')).toMatchObject({
      stderr: 'error: the path "missing.yaml" does not exist\n',
      exitCode: 1,
    })
  })

  test('no -f at all', () => {
    expect(harness().kubectl('apply').stderr).toBe('error: must specify one of -f and -k\n')
  })

  test('a namespace in the file that differs from -n', () => {
    const r = harness({
      'ns.yaml': SERVICE_DOC.replace('  name: nginx\n', '  name: nginx\n  namespace: foo\n'),
    }).kubectl('apply -f ns.yaml -n bar')
    expect(r.stderr).toBe(
      `error: the namespace from the provided object "foo" does not match the namespace "bar". You must pass '--namespace=foo' to perform this operation.\n`,
    )
  })
})

describe('a YAML syntax error ends the stream at its document', () => {
  const overIndented = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: nginx\n   labels: x\n'

  test('the error names the file and a line, after the documents before it were applied', () => {
    const k = harness({
      'broken.yaml':
        SERVICE_DOC + '---\n' + STATEFULSET_DOC.replace('  replicas: 2\n', '  replicas: 2\n   bad: x\n'),
    })
    const r = k.kubectl('apply -f broken.yaml')
    expect(r.stdout).toBe('service/nginx created\n')
    expect(r.stderr).toMatch(
      /^error: error parsing broken\.yaml: error converting YAML to JSON: yaml: line 8: .+\n$/,
    )
    expect(r.exitCode).toBe(1)
  })

  test("line numbers count from the start of the failing document, as kubectl's document reader does", () => {
    const r = harness({ 'broken.yaml': SERVICE_DOC + '---\n' + overIndented }).kubectl('apply -f broken.yaml')
    expect(r.stderr).toMatch(
      /^error: error parsing broken\.yaml: error converting YAML to JSON: yaml: line 5: /,
    )
  })

  // go-yaml's scanner (what sigs.k8s.io/yaml runs inside kubectl) words these two classic mistakes
  // as below; kubectl 1.32 prints exactly these lines for these files. js-yaml's own wording ("bad
  // indentation of a mapping entry", "tab characters must not be used in indentation") is mapped
  // to go-yaml's by src/manifest/goYaml.ts.
  test('an over-indented key reads "mapping values are not allowed in this context"', () => {
    expect(harness({ 'syntax.yaml': overIndented }).kubectl('apply -f syntax.yaml').stderr).toBe(
      'error: error parsing syntax.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context\n',
    )
  })

  test('a tab in the indentation reads "found character that cannot start any token"', () => {
    const tab = 'apiVersion: v1\nkind: Service\nmetadata:\n\tname: nginx\n'
    expect(harness({ 'tab.yaml': tab }).kubectl('apply -f tab.yaml').stderr).toBe(
      'error: error parsing tab.yaml: error converting YAML to JSON: yaml: line 4: found character that cannot start any token\n',
    )
  })
})

describe('kubectl apply over an existing StatefulSet with an immutable field changed (12.2)', () => {
  const FORBIDDEN =
    "The StatefulSet \"web\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden\n"

  test('serviceName: the Service line first, then the Forbidden error, exit 1', () => {
    const k = harness({ 'renamed.yaml': WEB_YAML.replace('serviceName: "nginx"', 'serviceName: "nginx2"') })
    k.kubectl('apply -f web.yaml')
    const r = k.kubectl('apply -f renamed.yaml')
    expect(r.output).toBe('service/nginx unchanged\n' + FORBIDDEN)
    expect(r.exitCode).toBe(1)
    expect(live<StatefulSet>(k, 'StatefulSet', 'web').spec.serviceName).toBe('nginx')
  })

  test("podManagementPolicy: the tutorial's web-parallel.yaml over a live web (14.12)", () => {
    const parallel = WEB_YAML.replace('  replicas: 2\n', '  podManagementPolicy: "Parallel"\n  replicas: 2\n')
    const k = harness({ 'web-parallel.yaml': parallel })
    k.kubectl('apply -f web.yaml')
    expect(k.kubectl('apply -f web-parallel.yaml').output).toBe('service/nginx unchanged\n' + FORBIDDEN)
  })
})

describe('kubectl apply -f - and dry runs', () => {
  test('-f - reads standard input and names it STDIN in errors', () => {
    const k = harness()
    expect(k.kubectl('apply -f -', { stdin: WEB_YAML }).stdout).toBe(
      'service/nginx created\nstatefulset.apps/web created\n',
    )
    expect(k.kubectl('apply -f -', { stdin: SERVICE_DOC.replace('kind: Service\n', '') }).stderr).toBe(
      'error: error validating "STDIN": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false\n',
    )
  })

  test('--dry-run=client says (dry run) and creates nothing', () => {
    const k = harness()
    expect(k.kubectl('apply -f web.yaml --dry-run=client').stdout).toBe(
      'service/nginx created (dry run)\nstatefulset.apps/web created (dry run)\n',
    )
    expect(k.sim.ctx.api.tryGet('StatefulSet', 'default', 'web')).toBeUndefined()
    expect(k.kubectl('get sts').stderr).toBe('No resources found in default namespace.\n')
  })

  test('--dry-run=server over a live object says (server dry run) and changes nothing', () => {
    const k = harness({ 'web3.yaml': WEB_YAML.replace('replicas: 2', 'replicas: 3') })
    k.kubectl('apply -f web.yaml')
    expect(k.kubectl('apply -f web3.yaml --dry-run=server').stdout).toContain(
      'statefulset.apps/web configured (server dry run)\n',
    )
    expect(live<StatefulSet>(k, 'StatefulSet', 'web').spec.replicas).toBe(2)
  })

  // apply computes the patch client-side; an empty patch ({}) is never sent and prints
  // "unchanged" with the dry-run suffix.
  test('--dry-run=server says unchanged for an object the file does not change', () => {
    const k = harness({ 'web3.yaml': WEB_YAML.replace('replicas: 2', 'replicas: 3') })
    k.kubectl('apply -f web.yaml')
    expect(k.kubectl('apply -f web3.yaml --dry-run=server').stdout).toBe(
      'service/nginx unchanged (server dry run)\nstatefulset.apps/web configured (server dry run)\n',
    )
  })
})

describe('kubectl create -f', () => {
  test('creates what does not exist', () => {
    expect(harness().kubectl('create -f web.yaml').stdout).toBe(
      'service/nginx created\nstatefulset.apps/web created\n',
    )
  })

  // create.go wraps every failure with AddSourceToErr("creating", …).
  test('fails with AlreadyExists "error when creating" for objects that exist', () => {
    const k = harness()
    k.kubectl('create -f web.yaml')
    const r = k.kubectl('create -f web.yaml')
    expect(r.stderr).toBe(
      'Error from server (AlreadyExists): error when creating "web.yaml": services "nginx" already exists\n' +
        'Error from server (AlreadyExists): error when creating "web.yaml": statefulsets.apps "web" already exists\n',
    )
    expect(r.exitCode).toBe(1)
  })
})
