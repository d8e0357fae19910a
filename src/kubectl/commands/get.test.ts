// kubectl get on a cluster running the tutorial's web.yaml (seed 1): the server-side tables of
// every kind (13.1–13.6), -o wide/name/yaml/json/jsonpath, -l, --field-selector, -A, the empty
// and NotFound cases, and -w. Tables are read 12.5 simulated minutes after the apply, where every
// AGE has settled to `12m` (13.1.5), so the text does not hang on start-up timings. Objects the
// cluster had before the session (nodes, the kubernetes Service, the StorageClass) are older:
// their AGE is computed from their creationTimestamp.
import { beforeAll, describe, expect, test } from 'vitest'
import type { KubeObject } from '../../sim/model'
import { translateTimestampSince } from '../printers/humanDuration'
import { KubectlHarness, WEB_YAML } from '../testing/kubectlHarness'

function runningWeb(): KubectlHarness {
  const k = new KubectlHarness({ files: { 'web.yaml': WEB_YAML } })
  k.kubectl('apply -f web.yaml')
  k.settle()
  k.advanceTo(750_000)
  return k
}

/** The AGE kubectl shows for an object the cluster already had (13.1.5). */
function ageOf(k: KubectlHarness, kind: string, name: string, namespace?: string): string {
  const obj = k.sim.ctx.api.get<KubeObject>(kind, namespace, name)
  return translateTimestampSince(obj.metadata.creationTimestamp, k.sim.now)
}

const stdout = (k: KubectlHarness, line: string): string => {
  const r = k.kubectl(line)
  expect(r.stderr).toBe('')
  expect(r.exitCode).toBe(0)
  return r.stdout
}

describe('kubectl get prints the server-side table of each kind', () => {
  let k: KubectlHarness
  beforeAll(() => {
    k = runningWeb()
  })

  test('pods (13.2)', () => {
    expect(stdout(k, 'get pods')).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE\n' +
        'web-0   1/1     Running   0          12m\n' +
        'web-1   1/1     Running   0          12m\n',
    )
  })

  test('statefulsets, by short name (13.3)', () => {
    expect(stdout(k, 'get sts')).toBe('NAME   READY   AGE\nweb    2/2     12m\n')
  })

  test("services, with the cluster's kubernetes Service (13.4)", () => {
    const age = ageOf(k, 'Service', 'kubernetes', 'default')
    expect(stdout(k, 'get svc')).toBe(
      'NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\n' +
        `kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   ${age}\n` +
        'nginx        ClusterIP   None         <none>        80/TCP    12m\n',
    )
  })

  test('persistentvolumeclaims with VOLUMEATTRIBUTESCLASS <unset> (13.5)', () => {
    expect(stdout(k, 'get pvc')).toMatch(
      new RegExp(
        '^NAME        STATUS   VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE\n' +
          'www-web-0   Bound    pvc-[0-9a-f-]{36}   1Gi        RWO            standard       <unset>                 12m\n' +
          'www-web-1   Bound    pvc-[0-9a-f-]{36}   1Gi        RWO            standard       <unset>                 12m\n$',
      ),
    )
  })

  test('persistentvolumes, sorted by their pvc-<uid> names, CLAIM as namespace/name (13.6, 13.1.4a)', () => {
    const text = stdout(k, 'get pv')
    const lines = text.split('\n')
    expect(lines[0]).toBe(
      'NAME                                       CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS   CLAIM               STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE',
    )
    for (const line of lines.slice(1, 3)) {
      expect(line).toMatch(
        /^pvc-[0-9a-f-]{36}   1Gi        RWO            Delete           Bound    default\/www-web-[01]   standard       <unset>                          12m$/,
      )
    }
    const names = lines.slice(1, 3).map((l) => l.split(' ')[0]!)
    expect(names).toEqual([...names].sort())
    expect(lines.slice(3)).toEqual([''])
  })

  test('storageclasses mark the default class', () => {
    expect(stdout(k, 'get sc')).toBe(
      'NAME                 PROVISIONER             RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE\n' +
        `standard (default)   rancher.io/local-path   Delete          WaitForFirstConsumer   false                  ${ageOf(k, 'StorageClass', 'standard')}\n`,
    )
  })

  test('nodes', () => {
    const age = ageOf(k, 'Node', 'node-1')
    const col = (text: string) => text.padEnd(Math.max(age.length, 3) + 3)
    expect(stdout(k, 'get nodes')).toBe(
      `NAME     STATUS   ROLES    ${col('AGE')}VERSION\n` +
        ['node-1', 'node-2', 'node-3'].map((n) => `${n}   Ready    <none>   ${col(age)}v1.34.0\n`).join(''),
    )
  })

  test('endpoints list ready addresses as IP:port', () => {
    const r = k.kubectl('get endpoints nginx')
    expect(r.stdout).toBe(
      'NAME    ENDPOINTS                     AGE\nnginx   10.244.1.2:80,10.244.3.2:80   12m\n',
    )
    expect(r.exitCode).toBe(0)
  })

  // The API server has answered every Endpoints request with this warning since v1.33; kubectl
  // prints it on stderr before the table (observed on v1.33+ clusters; kubernetes/website docs).
  test('endpoints come with the v1.33+ deprecation warning on stderr, before the table', () => {
    expect(k.kubectl('get ep nginx').output).toBe(
      'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n' +
        'NAME    ENDPOINTS                     AGE\nnginx   10.244.1.2:80,10.244.3.2:80   12m\n',
    )
  })

  test('endpointslices', () => {
    expect(stdout(k, 'get endpointslices')).toMatch(
      /^NAME          ADDRESSTYPE   PORTS   ENDPOINTS               AGE\nnginx-[a-z0-9]{5}   IPv4          80      10\.244\.1\.2,10\.244\.3\.2   12m\n$/,
    )
  })

  test('events: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE, in event-name order', () => {
    const lines = stdout(k, 'get events').trimEnd().split('\n')
    expect(lines[0]).toBe(
      'LAST SEEN   TYPE     REASON                  OBJECT                            MESSAGE',
    )
    expect(lines).toContain(
      '12m         Normal   SuccessfulCreate        statefulset/web                   create Pod web-0 in StatefulSet web successful',
    )
    expect(lines).toContain(
      '12m         Normal   SuccessfulCreate        statefulset/web                   create Claim www-web-1 Pod web-1 in StatefulSet web success',
    )
    expect(lines).toContain(
      '12m         Normal   Scheduled               pod/web-0                         Successfully assigned default/web-0 to node-1',
    )
    const at = lines[0]!.indexOf('OBJECT')
    // Event names are `<object>.<hex time>`, so storage order puts web-0's before web's.
    const eventNamePrefixes = lines.slice(1).map((l) => l.slice(at).split(' ')[0]!.split('/')[1]! + '.')
    expect(eventNamePrefixes).toEqual([...eventNamePrefixes].sort())
  })

  test('all: one table per kind, kind/name, a blank line between tables', () => {
    expect(stdout(k, 'get all')).toBe(
      'NAME        READY   STATUS    RESTARTS   AGE\n' +
        'pod/web-0   1/1     Running   0          12m\n' +
        'pod/web-1   1/1     Running   0          12m\n' +
        '\n' +
        'NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\n' +
        `service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   ${ageOf(k, 'Service', 'kubernetes', 'default')}\n` +
        'service/nginx        ClusterIP   None         <none>        80/TCP    12m\n' +
        '\n' +
        'NAME                   READY   AGE\n' +
        'statefulset.apps/web   2/2     12m\n',
    )
  })

  test('-o wide adds the priority columns (13.2.1, 13.3.1, 13.4)', () => {
    expect(stdout(k, 'get pods -o wide')).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES\n' +
        'web-0   1/1     Running   0          12m   10.244.1.2   node-1   <none>           <none>\n' +
        'web-1   1/1     Running   0          12m   10.244.3.2   node-3   <none>           <none>\n',
    )
    expect(stdout(k, 'get sts -o wide')).toBe(
      'NAME   READY   AGE   CONTAINERS   IMAGES\nweb    2/2     12m   nginx        registry.k8s.io/nginx-slim:0.7\n',
    )
    expect(stdout(k, 'get svc nginx -o wide')).toBe(
      'NAME    TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE   SELECTOR\nnginx   ClusterIP   None         <none>        80/TCP    12m   app=nginx\n',
    )
  })

  test('--no-headers drops the header and sizes columns by the rows alone', () => {
    expect(stdout(k, 'get pods --no-headers')).toBe(
      'web-0   1/1   Running   0     12m\nweb-1   1/1   Running   0     12m\n',
    )
  })

  // get.go adds a LABELS column (`app=nginx,…`, or `<none>`) with --show-labels.
  test('--show-labels adds a LABELS column', () => {
    expect(stdout(k, 'get sts --show-labels')).toBe(
      'NAME   READY   AGE   LABELS\nweb    2/2     12m   <none>\n',
    )
  })
})

describe('kubectl get with the generic printers', () => {
  let k: KubectlHarness
  beforeAll(() => {
    k = runningWeb()
  })

  test('-o name prints kind[.group]/name, one per line', () => {
    expect(stdout(k, 'get pods -o name')).toBe('pod/web-0\npod/web-1\n')
    expect(stdout(k, 'get sts,svc -o name')).toBe('statefulset.apps/web\nservice/kubernetes\nservice/nginx\n')
  })

  test('-o yaml of one pod: the object itself, keys sorted, the pod-index label quoted', () => {
    const text = stdout(k, 'get pod web-0 -o yaml')
    const topLevel = text
      .split('\n')
      .filter((l) => /^\S/.test(l))
      .map((l) => l.split(':')[0])
    expect(topLevel).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status'])
    expect(text.startsWith('apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: "')).toBe(true)
    expect(text).toContain(
      '  labels:\n' +
        '    app: nginx\n' +
        '    apps.kubernetes.io/pod-index: "0"\n' +
        '    controller-revision-hash: web-',
    )
    expect(text).toContain(
      '    statefulset.kubernetes.io/pod-name: web-0\n  name: web-0\n  namespace: default\n  ownerReferences:\n',
    )
    expect(text).toContain('  hostname: web-0\n')
    expect(text).toContain('  subdomain: nginx\n')
    expect(text).toContain('  - name: www\n    persistentVolumeClaim:\n      claimName: www-web-0\n')
    const metadataKeys = text
      .slice(text.indexOf('metadata:\n') + 10, text.indexOf('\nspec:\n'))
      .split('\n')
      .filter((l) => /^ {2}[a-zA-Z]/.test(l))
      .map((l) => l.trim().split(':')[0]!)
    expect(metadataKeys).toEqual([...metadataKeys].sort())
  })

  // The controller builds pods with controller.GetPodFromTemplate, which sets GenerateName to
  // "<set>-"; every StatefulSet pod read back from the API server shows `generateName: web-`.
  test('-o yaml of a StatefulSet pod shows generateName: web-', () => {
    expect(stdout(k, 'get pod web-0 -o yaml')).toContain('  generateName: web-\n')
  })

  test('-o json of a list is a List with 4-space indentation; of one named object, the object', () => {
    const list = stdout(k, 'get pods -o json')
    expect(list.startsWith('{\n    "apiVersion": "v1",\n    "items": [\n        {\n')).toBe(true)
    expect(
      list.endsWith(
        '    ],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n',
      ),
    ).toBe(true)
    expect(
      (JSON.parse(list) as { items: { metadata: { name: string } }[] }).items.map((p) => p.metadata.name),
    ).toEqual(['web-0', 'web-1'])
    const one = JSON.parse(stdout(k, 'get sts web -o json')) as {
      kind: string
      status: { readyReplicas: number }
    }
    expect(one.kind).toBe('StatefulSet')
    expect(one.status.readyReplicas).toBe(2)
  })

  test('-o jsonpath prints the values space-separated and no trailing newline', () => {
    expect(stdout(k, "get pods -o jsonpath='{.items[*].metadata.name}'")).toBe('web-0 web-1')
    expect(stdout(k, "get pod web-0 -o jsonpath='{.spec.hostname}.{.spec.subdomain}'")).toBe('web-0.nginx')
  })

  test('an unknown output format names the allowed ones', () => {
    const r = k.kubectl('get pods -o foo')
    expect(r.stderr).toBe(
      'error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
    )
    expect(r.exitCode).toBe(1)
  })
})

describe('kubectl get selects what to list', () => {
  let k: KubectlHarness
  beforeAll(() => {
    k = runningWeb()
  })

  test('-l and --field-selector status.phase=Running combine', () => {
    expect(stdout(k, 'get pods -l app=nginx --field-selector status.phase=Running -o name')).toBe(
      'pod/web-0\npod/web-1\n',
    )
    expect(stdout(k, 'get pods -l statefulset.kubernetes.io/pod-name=web-1 -o name')).toBe('pod/web-1\n')
    expect(stdout(k, "get pods -l 'app in (nginx),apps.kubernetes.io/pod-index!=0' -o name")).toBe(
      'pod/web-1\n',
    )
  })

  test('nothing matching prints "No resources found in default namespace." on stderr, exit 0 (13.1.4)', () => {
    expect(k.kubectl('get pods --field-selector status.phase=Pending')).toEqual({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
      output: 'No resources found in default namespace.\n',
      exitCode: 0,
    })
    expect(k.kubectl('get pods -n kube-system').stderr).toBe('No resources found in kube-system namespace.\n')
    expect(k.kubectl('get pvc -A -l app=none').stderr).toBe('No resources found\n')
  })

  test('-A adds a NAMESPACE column and lists every namespace', () => {
    expect(stdout(k, 'get svc -A')).toBe(
      'NAMESPACE     NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE\n' +
        `default       kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP                  ${ageOf(k, 'Service', 'kubernetes', 'default')}\n` +
        'default       nginx        ClusterIP   None         <none>        80/TCP                   12m\n' +
        `kube-system   kube-dns     ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP,9153/TCP   ${ageOf(k, 'Service', 'kube-dns', 'kube-system')}\n`,
    )
  })

  test('a named object that does not exist is NotFound, exit 1, after the rows that were found', () => {
    expect(k.kubectl('get pod web-9')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): pods "web-9" not found\n',
      output: 'Error from server (NotFound): pods "web-9" not found\n',
      exitCode: 1,
    })
    const r = k.kubectl('get pods web-0 web-9')
    expect(r.output).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE\nweb-0   1/1     Running   0          12m\n' +
        'Error from server (NotFound): pods "web-9" not found\n',
    )
    expect(r.exitCode).toBe(1)
    expect(k.kubectl('get sts nope').stderr).toBe(
      'Error from server (NotFound): statefulsets.apps "nope" not found\n',
    )
  })

  test('type/name arguments of several kinds print one table each', () => {
    expect(stdout(k, 'get pod/web-0 svc/nginx')).toBe(
      'NAME        READY   STATUS    RESTARTS   AGE\npod/web-0   1/1     Running   0          12m\n\n' +
        'NAME            TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nservice/nginx   ClusterIP   None         <none>        80/TCP    12m\n',
    )
  })

  test('no resource type at all', () => {
    expect(k.kubectl('get').stderr).toBe(
      'error: You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
        'error: Required resource not specified.\n' +
        'Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n' +
        "See 'kubectl get -h' for help and examples\n",
    )
  })

  // The field is not supported for pods: the server's message (pods have their own field-label
  // conversion) is printed once, as `Error from server (BadRequest): …`.
  test('an unsupported field selector is one server error, not "error: Error from server"', () => {
    expect(k.kubectl('get pods --field-selector spec.foo=bar').stderr).toMatch(
      /^Error from server \(BadRequest\): /,
    )
  })

  // Events support involvedObject.* field selectors on the server; `kubectl get events
  // --field-selector involvedObject.name=web-0` is the usual way to read one pod's events.
  test('events can be selected by involvedObject.name', () => {
    const r = k.kubectl('get events --field-selector involvedObject.name=web-0 -o name')
    expect(r.exitCode).toBe(0)
    expect(r.stdout.split('\n').filter(Boolean).length).toBe(5)
  })

  // pflag hands everything after `--` to the command as arguments (ArgsLenAtDash), so
  // `kubectl get -o name -- pods` is `kubectl get -o name pods`.
  test('arguments after -- are still resource arguments', () => {
    expect(stdout(k, 'get -o name -- pods')).toBe('pod/web-0\npod/web-1\n')
  })
})

describe('kubectl get -w', () => {
  test('prints the list, then one row per watch event; columns only ever widen (13.1.3, 13.2.5)', () => {
    const k = new KubectlHarness({ files: { 'web.yaml': WEB_YAML } })
    k.kubectl('apply -f web.yaml')
    const r = k.kubectl('get pods -w', { limitMs: 30_000 })
    expect(r.ended).toBe('interrupted')
    expect(r.exitCode).toBe(0)
    const lines = r.stdout.trimEnd().split('\n')
    expect(lines[0]).toBe('NAME    READY   STATUS    RESTARTS   AGE')
    expect(
      lines.filter((l) => l.startsWith('web-0')).map((l) => l.split(/\s+/).slice(1, 3).join(' ')),
    ).toEqual(['0/1 Pending', '0/1 Pending', '0/1 ContainerCreating', '1/1 Running'])
    expect(
      lines.filter((l) => l.startsWith('web-1')).map((l) => l.split(/\s+/).slice(1, 3).join(' ')),
    ).toEqual(['0/1 Pending', '0/1 Pending', '0/1 ContainerCreating', '1/1 Running'])
    const restartsAt = lines.map((l) => l.search(/\S+\s+\S+$/))
    for (let i = 1; i < restartsAt.length; i++)
      expect(restartsAt[i]).toBeGreaterThanOrEqual(restartsAt[i - 1]!)
    expect(lines[3]).toMatch(/^web-0   0\/1     ContainerCreating   0          \d+s$/)
    expect(lines[4]).toMatch(/^web-0   1\/1     Running             0          \d+s$/)
  })

  test('on an empty list prints nothing until the first event (13.1.4)', () => {
    const k = new KubectlHarness()
    const r = k.kubectl('get pods -w', { limitMs: 5_000 })
    expect(r.output).toBe('')
    expect(r.exitCode).toBe(0)
  })

  test('--output-watch-events adds the EVENT column padded as kubectl pads it', () => {
    const k = runningWeb()
    expect(k.kubectl('get sts -w --output-watch-events', { limitMs: 1_000 }).stdout).toBe(
      'EVENT      NAME   READY   AGE\nADDED      web    2/2     12m\n',
    )
  })

  test('refuses several types at once', () => {
    expect(new KubectlHarness().kubectl('get pods,svc -w').stderr).toBe(
      'error: watch is only supported on individual resources and resource collections, but 2 resources were found\n',
    )
  })
})

describe('kubectl get -L', () => {
  test('adds a column per key, headed by its last segment upper-cased; a missing label is empty', () => {
    const k = runningWeb()
    k.kubectl('label pod web-0 tier=frontend')
    expect(k.kubectl('get pods -L tier,statefulset.kubernetes.io/pod-name').stdout).toBe(
      [
        'NAME    READY   STATUS    RESTARTS   AGE   TIER       POD-NAME',
        'web-0   1/1     Running   0          12m   frontend   web-0',
        'web-1   1/1     Running   0          12m              web-1',
        '',
      ].join('\n'),
    )
    k.kubectl('label sts web app=nginx')
    expect(k.kubectl('get sts -L app --show-labels').stdout).toBe(
      'NAME   READY   AGE   APP     LABELS\nweb    2/2     12m   nginx   app=nginx\n',
    )
  })
})
