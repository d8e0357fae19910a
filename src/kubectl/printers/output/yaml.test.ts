import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { claim, pod, service } from '../testing/fixtures'
import { printable, printOutput } from './index'
import { toUnstructured } from './unstructured'
import { printYaml, yamlKeyLess } from './yaml'

const lines = (...l: string[]) => `${l.join('\n')}\n`

describe('printYaml (sigs.k8s.io/yaml over yaml.v2)', () => {
  it('prints a claim as kubectl get -o yaml does: sorted keys, quoted timestamps, unindented lists', () => {
    expect(printOutput([claim(0)], { output: 'yaml', singleItem: true }).stdout).toBe(
      lines(
        'apiVersion: v1',
        'kind: PersistentVolumeClaim',
        'metadata:',
        '  annotations:',
        '    pv.kubernetes.io/bind-completed: "yes"',
        '    pv.kubernetes.io/bound-by-controller: "yes"',
        '    volume.beta.kubernetes.io/storage-provisioner: rancher.io/local-path',
        '    volume.kubernetes.io/selected-node: kind-worker',
        '    volume.kubernetes.io/storage-provisioner: rancher.io/local-path',
        '  creationTimestamp: "2026-01-01T09:00:01Z"',
        '  finalizers:',
        '  - kubernetes.io/pvc-protection',
        '  labels:',
        '    app: nginx',
        '  name: www-web-0',
        '  namespace: default',
        '  resourceVersion: "650"',
        '  uid: 2bf00408-d366-4a12-bad0-1869c65d0b10',
        'spec:',
        '  accessModes:',
        '  - ReadWriteOnce',
        '  resources:',
        '    requests:',
        '      storage: 1Gi',
        '  storageClassName: standard',
        '  volumeMode: Filesystem',
        '  volumeName: pvc-2bf00408-d366-4a12-bad0-1869c65d0bee',
        'status:',
        '  accessModes:',
        '  - ReadWriteOnce',
        '  capacity:',
        '    storage: 1Gi',
        '  phase: Bound',
      ),
    )
  })

  it('wraps several objects, or a list request, in a v1 List with an empty resourceVersion', () => {
    expect(printYaml(printable([]))).toBe(
      lines('apiVersion: v1', 'items: []', 'kind: List', 'metadata:', '  resourceVersion: ""'),
    )
    const out = printOutput([pod({ ordinal: 0 }), pod({ ordinal: 1 })], { output: 'yaml' }).stdout
    expect(out.startsWith('apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n')).toBe(true)
    expect(out.endsWith('kind: List\nmetadata:\n  resourceVersion: ""\n')).toBe(true)
  })

  it('prints multi-line strings as literal blocks with the right chomping', () => {
    expect(printYaml({ a: 'x\ny\n', b: 'x\ny', c: 'x\n\n', d: ' indented\nline' })).toBe(
      lines(
        'a: |',
        '  x',
        '  y',
        'b: |-',
        '  x',
        '  y',
        'c: |+',
        '  x',
        '',
        'd: |2-',
        '   indented',
        '  line',
      ),
    )
    const svc = printYaml(toUnstructured(service()))
    expect(svc).toContain(
      '  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: |\n      {"apiVersion":"v1","kind":"Service",',
    )
  })

  it('double-quotes strings that would read back as another type', () => {
    const values = [
      '0',
      '080',
      '1.5',
      '.5',
      '1e3',
      '0x1F',
      '1_000',
      'true',
      'False',
      'yes',
      'n',
      'off',
      'null',
      '~',
      '',
      '10:30',
      '2026-01-01',
      '2026-1-2 3:04:05',
    ]
    const out = printYaml(Object.fromEntries(values.map((v, i) => [`k${String(i).padStart(2, '0')}`, v])))
    for (const v of values) expect(out).toContain(`: "${v}"\n`)
  })

  it('leaves other strings plain, and single-quotes those that start or contain YAML syntax', () => {
    expect(
      printYaml({
        a: '1.2.3',
        b: '10.244.1.6:80',
        c: 'a#b',
        d: '-x',
        e: 'web-0',
        f: 'a: b',
        g: '{"a":1}',
        h: '*',
        i: '- x',
        j: 'a #b',
        k: "it's: ok",
        l: ' lead',
      }),
    ).toBe(
      lines(
        'a: 1.2.3',
        'b: 10.244.1.6:80',
        'c: a#b',
        'd: -x',
        'e: web-0',
        "f: 'a: b'",
        `g: '{"a":1}'`,
        "h: '*'",
        "i: '- x'",
        "j: 'a #b'",
        "k: 'it''s: ok'",
        "l: ' lead'",
      ),
    )
  })

  it('escapes control characters in double quotes', () => {
    expect(printYaml({ a: 'tab\there', b: 'bell\x07', c: 'nul\0', d: 'é ok' })).toBe(
      lines('a: "tab\\there"', 'b: "bell\\a"', 'c: "nul\\0"', 'd: é ok'),
    )
  })

  it('folds long plain and quoted scalars after column 80, as kubectl shows scheduling messages', () => {
    const message =
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling."
    expect(printYaml({ status: { conditions: [{ message, reason: 'Unschedulable' }] } })).toBe(
      lines(
        'status:',
        '  conditions:',
        "  - message: '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane:",
        "      }, 2 node(s) didn''t match Pod''s node affinity/selector. preemption: 0/3 nodes",
        "      are available: 3 Preemption is not helpful for scheduling.'",
        '    reason: Unschedulable',
      ),
    )
    const plain =
      'Successfully pulled image registry.k8s.io/nginx-slim:0.7 in 14.2s including waiting and the image size is 8505856 bytes'
    expect(printYaml({ message: plain })).toBe(
      // The break comes at the first space once column 80 is passed, so lines run a little past it.
      lines(
        'message: Successfully pulled image registry.k8s.io/nginx-slim:0.7 in 14.2s including',
        '  waiting and the image size is 8505856 bytes',
      ),
    )
  })

  it('prints empty maps and lists in flow style, nested lists inline, numbers and null plainly', () => {
    expect(printYaml({ a: {}, b: [], c: [['x', 'y'], { k: 1 }, []], d: null, e: 1.5, f: -3, g: true })).toBe(
      lines(
        'a: {}',
        'b: []',
        'c:',
        '- - x',
        '  - "y"',
        '- k: 1',
        '- []',
        'd: null',
        'e: 1.5',
        'f: -3',
        'g: true',
      ),
    )
  })

  it('orders keys as yaml.v2 does: punctuation before letters, digits numerically', () => {
    const keys = [
      'web-10',
      'web-2',
      'aB',
      'a_b',
      'app',
      'apps.kubernetes.io/pod-index',
      'a0',
      'a00',
      'Z',
      'a',
    ]
    expect([...keys].sort((x, y) => (yamlKeyLess(x, y) ? -1 : yamlKeyLess(y, x) ? 1 : 0))).toEqual([
      'Z',
      'a',
      'a_b', // a non-digit run is "shorter" than a digit run of equal value
      'a0',
      'a00',
      'aB',
      'app',
      'apps.kubernetes.io/pod-index',
      'web-2',
      'web-10',
    ])
    expect(printYaml({ y: 1, n: 2 })).toBe(lines('"n": 2', '"y": 1'))
  })

  it('reads back (with js-yaml) to the object it printed', () => {
    const obj = toUnstructured(pod({ ordinal: 0 }))
    expect(load(printYaml(obj))).toEqual(obj)
    const tricky = {
      a: 'quote \' and " both',
      b: 'x: y # z',
      c: 'multi\nline  \ntext',
      d: '  spaced  ',
      e: 'x'.repeat(50) + ' ' + 'y'.repeat(50) + ' z',
    }
    expect(load(printYaml(tricky))).toEqual(tricky)
  })
})
