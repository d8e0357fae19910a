// The merges behind kubectl apply (three-way, strategic) and kubectl patch (strategic, RFC 7386
// merge, RFC 6902 JSON patch), on the shapes a StatefulSet tutorial produces.
import { describe, expect, test } from 'vitest'
import { jsonMergePatch, jsonPatch, strategicMergePatch, threeWayMerge } from './merge'

const container = (extra: Record<string, unknown> = {}) => ({
  name: 'nginx',
  image: 'registry.k8s.io/nginx-slim:0.7',
  ports: [{ containerPort: 80, name: 'web' }],
  ...extra,
})

describe('threeWayMerge (kubectl apply)', () => {
  test('a key dropped from the file since the last apply is deleted from the live object', () => {
    const last = { metadata: { labels: { app: 'nginx', tier: 'web' } } }
    const desired = { metadata: { labels: { app: 'nginx' } } }
    const live = { metadata: { labels: { app: 'nginx', tier: 'web' }, uid: 'u1' } }
    expect(threeWayMerge(live, last, desired)).toEqual({ metadata: { labels: { app: 'nginx' }, uid: 'u1' } })
  })

  test('a key the file never had (set by the server or by kubectl patch) is kept', () => {
    const last = { spec: { ports: [{ port: 80 }] } }
    const desired = { spec: { ports: [{ port: 80 }] } }
    const live = {
      spec: { ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], clusterIP: '10.96.7.7' },
      status: { loadBalancer: {} },
    }
    expect(threeWayMerge(live, last, desired)).toEqual(live)
  })

  test('a changed value in the file wins over the live value', () => {
    expect(
      threeWayMerge({ spec: { replicas: 5 } }, { spec: { replicas: 2 } }, { spec: { replicas: 3 } }),
    ).toEqual({
      spec: { replicas: 3 },
    })
  })

  test('containers merge by name: server defaults inside a container survive, a removed container goes', () => {
    const live = {
      containers: [
        container({ imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log' }),
        { name: 'sidecar', image: 'busybox:1.28' },
      ],
    }
    const last = { containers: [container(), { name: 'sidecar', image: 'busybox:1.28' }] }
    const desired = { containers: [container({ image: 'registry.k8s.io/nginx-slim:0.8' })] }
    expect(threeWayMerge(live, last, desired)).toEqual({
      containers: [
        container({
          image: 'registry.k8s.io/nginx-slim:0.8',
          imagePullPolicy: 'IfNotPresent',
          terminationMessagePath: '/dev/termination-log',
        }),
      ],
    })
  })

  test('a container added by someone else (not in the last apply) is kept', () => {
    const live = { containers: [container(), { name: 'debugger', image: 'busybox:1.28' }] }
    const last = { containers: [container()] }
    expect(threeWayMerge(live, last, { containers: [container()] })).toEqual(live)
  })

  test('container ports merge by containerPort: the defaulted protocol stays', () => {
    const live = { ports: [{ containerPort: 80, name: 'web', protocol: 'TCP' }] }
    const merged = threeWayMerge(
      live,
      { ports: [{ containerPort: 80, name: 'web' }] },
      { ports: [{ containerPort: 80, name: 'http' }] },
    )
    expect(merged).toEqual({ ports: [{ containerPort: 80, name: 'http', protocol: 'TCP' }] })
  })

  test("a list without a merge key is replaced by the file's", () => {
    expect(
      threeWayMerge(
        { accessModes: ['ReadWriteOnce'] },
        { accessModes: ['ReadWriteOnce'] },
        { accessModes: ['ReadWriteMany'] },
      ),
    ).toEqual({
      accessModes: ['ReadWriteMany'],
    })
  })

  test('null in the file deletes the field', () => {
    expect(
      threeWayMerge({ spec: { a: 1, b: 2 } }, { spec: { a: 1, b: 2 } }, { spec: { a: 1, b: null } }),
    ).toEqual({ spec: { a: 1 } })
  })
})

describe('strategicMergePatch (kubectl patch, default type)', () => {
  test('maps merge and null deletes', () => {
    expect(
      strategicMergePatch(
        { spec: { replicas: 2, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } } } },
        {
          spec: { updateStrategy: { type: 'OnDelete', rollingUpdate: null } },
        },
      ),
    ).toEqual({ spec: { replicas: 2, updateStrategy: { type: 'OnDelete' } } })
  })

  test('without the null the old rollingUpdate stays next to the new type (8.11)', () => {
    expect(
      strategicMergePatch(
        { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } } },
        { updateStrategy: { type: 'OnDelete' } },
      ),
    ).toEqual({ updateStrategy: { type: 'OnDelete', rollingUpdate: { partition: 0 } } })
  })

  test('keyed lists merge by key; $patch: delete removes one item; $patch: replace replaces a map', () => {
    const target = { containers: [container(), { name: 'sidecar', image: 'busybox:1.28' }] }
    expect(strategicMergePatch(target, { containers: [{ name: 'nginx', image: 'x' }] })).toEqual({
      containers: [container({ image: 'x' }), { name: 'sidecar', image: 'busybox:1.28' }],
    })
    expect(strategicMergePatch(target, { containers: [{ name: 'sidecar', $patch: 'delete' }] })).toEqual({
      containers: [container()],
    })
    expect(
      strategicMergePatch(
        { selector: { app: 'a', tier: 'b' } },
        { selector: { $patch: 'replace', app: 'c' } },
      ),
    ).toEqual({
      selector: { app: 'c' },
    })
  })

  test('a new keyed item is appended', () => {
    expect(
      strategicMergePatch({ env: [{ name: 'A', value: '1' }] }, { env: [{ name: 'B', value: '2' }] }),
    ).toEqual({
      env: [
        { name: 'A', value: '1' },
        { name: 'B', value: '2' },
      ],
    })
  })
})

describe('jsonMergePatch (--type=merge, RFC 7386)', () => {
  test('maps merge, null deletes, lists are replaced whole', () => {
    expect(jsonMergePatch({ a: { b: 1, c: 2 }, l: [1, 2] }, { a: { c: null, d: 3 }, l: [3] })).toEqual({
      a: { b: 1, d: 3 },
      l: [3],
    })
  })
})

describe('jsonPatch (--type=json, RFC 6902)', () => {
  const doc = { spec: { replicas: 2, template: { spec: { containers: [container()] } } } }

  test('replace, add to the end of a list with -, remove', () => {
    expect(jsonPatch(doc, [{ op: 'replace', path: '/spec/replicas', value: 4 }])).toEqual({
      spec: { ...doc.spec, replicas: 4 },
    })
    const added = jsonPatch(doc, [
      { op: 'add', path: '/spec/template/spec/containers/-', value: { name: 'b', image: 'busybox:1.28' } },
    ]) as typeof doc
    expect(added.spec.template.spec.containers.map((c) => c.name)).toEqual(['nginx', 'b'])
    expect(jsonPatch(doc, [{ op: 'remove', path: '/spec/replicas' }])).toEqual({
      spec: { template: doc.spec.template },
    })
  })

  test('does not change its input', () => {
    const before = JSON.stringify(doc)
    jsonPatch(doc, [{ op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'x' }])
    expect(JSON.stringify(doc)).toBe(before)
  })

  test('~1 in a path stands for / (label keys with slashes)', () => {
    expect(
      jsonPatch({ metadata: { labels: { 'apps.kubernetes.io/pod-index': '0' } } }, [
        { op: 'remove', path: '/metadata/labels/apps.kubernetes.io~1pod-index' },
      ]),
    ).toEqual({ metadata: { labels: {} } })
  })

  test('replace or remove of a missing path throws', () => {
    expect(() => jsonPatch(doc, [{ op: 'replace', path: '/spec/nope', value: 1 }])).toThrow(
      'replace operation does not apply: doc is missing path: "/spec/nope": missing value',
    )
    expect(() => jsonPatch(doc, [{ op: 'remove', path: '/spec/nope/x' }])).toThrow(
      'remove operation does not apply: doc is missing path: "/spec/nope/x": missing value',
    )
  })

  test('the test op compares values; move and copy move and copy them', () => {
    expect(() => jsonPatch(doc, [{ op: 'test', path: '/spec/replicas', value: 3 }])).toThrow(
      'testing value /spec/replicas failed: test failed',
    )
    expect(jsonPatch(doc, [{ op: 'test', path: '/spec/replicas', value: 2 }])).toEqual(doc)
    expect(jsonPatch({ a: 1 }, [{ op: 'move', from: '/a', path: '/b' }])).toEqual({ b: 1 })
    expect(jsonPatch({ a: { x: 1 } }, [{ op: 'copy', from: '/a', path: '/b' }])).toEqual({
      a: { x: 1 },
      b: { x: 1 },
    })
  })
})
