import { describe, expect, it } from 'vitest'
import {
  claim,
  pod,
  revision,
  service,
  statefulSet,
  storageClass,
  endpointSlice,
  volume,
} from '../testing/fixtures'
import { goFloatG, goSharpV, goSprint } from './goFormat'
import { printOutput, resourceName } from './index'
import { goJsonMarshal, printJson } from './json'

const lines = (...l: string[]) => `${l.join('\n')}\n`

describe('-o json', () => {
  it('indents four spaces with keys sorted at every level', () => {
    const svc = service()
    const out = printOutput([{ ...svc, metadata: { ...svc.metadata, annotations: undefined } }], {
      output: 'json',
      singleItem: true,
    }).stdout
    expect(out).toBe(
      lines(
        '{',
        '    "apiVersion": "v1",',
        '    "kind": "Service",',
        '    "metadata": {',
        '        "creationTimestamp": "2026-01-01T09:00:00Z",',
        '        "labels": {',
        '            "app": "nginx"',
        '        },',
        '        "name": "nginx",',
        '        "namespace": "default",',
        '        "resourceVersion": "512",',
        '        "uid": "4b1f7c2e-8d3a-4e6f-9a0b-1c2d3e4f5a6b"',
        '    },',
        '    "spec": {',
        '        "clusterIP": "None",',
        '        "clusterIPs": [',
        '            "None"',
        '        ],',
        '        "internalTrafficPolicy": "Cluster",',
        '        "ipFamilies": [',
        '            "IPv4"',
        '        ],',
        '        "ipFamilyPolicy": "SingleStack",',
        '        "ports": [',
        '            {',
        '                "name": "web",',
        '                "port": 80,',
        '                "protocol": "TCP",',
        '                "targetPort": 80',
        '            }',
        '        ],',
        '        "selector": {',
        '            "app": "nginx"',
        '        },',
        '        "sessionAffinity": "None",',
        '        "type": "ClusterIP"',
        '    },',
        '    "status": {',
        '        "loadBalancer": {}',
        '    }',
        '}',
      ),
    )
  })

  it('prints an empty list request as a List with no items', () => {
    expect(printOutput([], { output: 'json' }).stdout).toBe(
      lines(
        '{',
        '    "apiVersion": "v1",',
        '    "items": [],',
        '    "kind": "List",',
        '    "metadata": {',
        '        "resourceVersion": ""',
        '    }',
        '}',
      ),
    )
  })

  it('escapes as Go does: HTML characters and line separators as \\u, control characters short', () => {
    expect(goJsonMarshal({ a: '<b> & "c"\n\t\u2028\u0001' })).toBe(
      '{"a":"\\u003cb\\u003e \\u0026 \\"c\\"\\n\\t\\u2028\\u0001"}',
    )
    expect(printJson({ z: [], a: {} })).toBe('{\n    "a": {},\n    "z": []\n}\n')
  })
})

describe('-o name', () => {
  it('prints kind (with group outside core) and name per object', () => {
    expect(
      printOutput(
        [
          pod({ ordinal: 0 }),
          statefulSet(),
          claim(0),
          volume(0),
          storageClass(),
          endpointSlice(),
          revision(),
          service(),
        ],
        { output: 'name' },
      ).stdout,
    ).toBe(
      lines(
        'pod/web-0',
        'statefulset.apps/web',
        'persistentvolumeclaim/www-web-0',
        'persistentvolume/pvc-2bf00408-d366-4a12-bad0-1869c65d0bee',
        'storageclass.storage.k8s.io/standard',
        'endpointslice.discovery.k8s.io/nginx-7x2kq',
        'controllerrevision.apps/web-64785d989f',
        'service/nginx',
      ),
    )
    expect(resourceName(statefulSet())).toBe('statefulset.apps/web')
  })
})

describe('-o custom-columns', () => {
  it('prints the given headers and each path, <none> when missing, Go syntax for maps', () => {
    const pods = [pod({ ordinal: 0 }), pod({ ordinal: 1, state: 'creating' })]
    expect(
      printOutput(pods, {
        output:
          'custom-columns=NAME:.metadata.name,IP:.status.podIP,PORTS:.spec.containers[*].ports[*].containerPort,SEL:{.spec.nodeSelector}',
      }).stdout,
    ).toBe(
      lines(
        'NAME    IP           PORTS   SEL',
        'web-0   10.244.1.6   80      <none>',
        'web-1   <none>       80      <none>',
      ),
    )
    expect(
      printOutput([statefulSet()], {
        output: 'custom-columns=N:metadata.name,L:.spec.selector.matchLabels',
        singleItem: true,
        noHeaders: true,
      }).stdout,
    ).toBe(lines('web   map[app:nginx]'))
  })

  it('reports malformed specs as kubectl does', () => {
    expect(printOutput([], { output: 'custom-columns=NAME' }).stderr).toBe(
      'error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>\n',
    )
    expect(printOutput([], { output: 'custom-columns=' }).stderr).toBe(
      'error: custom-columns format specified but no custom columns given\n',
    )
  })
})

describe('Go value formatting', () => {
  it('formats floats as strconv %g does', () => {
    expect([0.5, 1e6, 123456.5, 1e-5, 0.0001, 1.5e21, -2.25].map(goFloatG)).toEqual([
      '0.5',
      '1e+06',
      '123456.5',
      '1e-05',
      '0.0001',
      '1.5e+21',
      '-2.25',
    ])
  })

  it('prints %v and %#v of unstructured values', () => {
    const v = { b: [1, 'x', null], a: { c: true } }
    expect(goSprint(v)).toBe('map[a:map[c:true] b:[1 x <nil>]]')
    expect(goSharpV(v)).toBe(
      'map[string]interface {}{"a":map[string]interface {}{"c":true}, "b":[]interface {}{1, "x", interface {}(nil)}}',
    )
  })
})
