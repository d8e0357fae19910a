import { describe, expect, it } from 'vitest'
import { createTableWriter, printNoResources, printTable, printTables } from './table'
import {
  at,
  claim,
  endpointSlice,
  endpoints,
  event,
  node,
  pod,
  revision,
  sec,
  service,
  statefulSet,
  storageClass,
  volume,
} from './testing/fixtures'

const lines = (...l: string[]) => `${l.join('\n')}\n`
const NOW = sec(25 * 60)

describe('printTable: the tutorial outputs of §13', () => {
  it('prints `kubectl get sts` as NAME READY AGE (13.3)', () => {
    expect(printTable([statefulSet()], { kind: 'StatefulSet', nowMs: sec(37) })).toBe(
      lines('NAME   READY   AGE', 'web    2/2     37s'),
    )
  })

  it('prints a headless service with CLUSTER-IP None and PORT(S) 80/TCP (13.4)', () => {
    expect(printTable([service()], { kind: 'Service', nowMs: sec(12) })).toBe(
      lines(
        'NAME    TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE',
        'nginx   ClusterIP   None         <none>        80/TCP    12s',
      ),
    )
  })

  it('prints bound claims with the v1.29+ VOLUMEATTRIBUTESCLASS column (13.5, F102)', () => {
    expect(printTable([claim(0), claim(1)], { kind: 'PersistentVolumeClaim', nowMs: NOW })).toBe(
      lines(
        'NAME        STATUS   VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE',
        'www-web-0   Bound    pvc-2bf00408-d366-4a12-bad0-1869c65d0bee   1Gi        RWO            standard       <unset>                 24m',
        'www-web-1   Bound    pvc-ba3bfe9c-413e-4b95-a2c0-3ea8a54dbab4   1Gi        RWO            standard       <unset>                 24m',
      ),
    )
  })

  it('leaves CAPACITY and ACCESS MODES blank for a claim without a volume (F103)', () => {
    expect(printTable([claim(2, false)], { kind: 'PersistentVolumeClaim', nowMs: sec(41), wide: true })).toBe(
      lines(
        'NAME        STATUS    VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE   VOLUMEMODE',
        'www-web-2   Pending                                      standard       <unset>                 0s    Filesystem',
      ),
    )
  })

  it('prints volumes as the tutorial shows them, plus VOLUMEATTRIBUTESCLASS (F104, F105)', () => {
    expect(printTable([volume(0), volume(1)], { kind: 'PersistentVolume', nowMs: NOW })).toBe(
      lines(
        'NAME                                       CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS   CLAIM               STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE',
        'pvc-2bf00408-d366-4a12-bad0-1869c65d0bee   1Gi        RWO            Delete           Bound    default/www-web-0   standard       <unset>                          24m',
        'pvc-ba3bfe9c-413e-4b95-a2c0-3ea8a54dbab4   1Gi        RWO            Delete           Bound    default/www-web-1   standard       <unset>                          24m',
      ),
    )
  })

  it('prints `get pods` and, with -o wide, IP NODE NOMINATED NODE READINESS GATES (13.2.1)', () => {
    const pods = [pod({ ordinal: 0 }), pod({ ordinal: 1, createdAt: 21 })]
    expect(printTable(pods, { kind: 'Pod', nowMs: NOW })).toBe(
      lines(
        'NAME    READY   STATUS    RESTARTS   AGE',
        'web-0   1/1     Running   0          24m',
        'web-1   1/1     Running   0          24m',
      ),
    )
    expect(printTable(pods, { kind: 'Pod', nowMs: NOW, wide: true })).toBe(
      lines(
        'NAME    READY   STATUS    RESTARTS   AGE   IP           NODE          NOMINATED NODE   READINESS GATES',
        'web-0   1/1     Running   0          24m   10.244.1.6   kind-worker   <none>           <none>',
        'web-1   1/1     Running   0          24m   10.244.1.7   kind-worker   <none>           <none>',
      ),
    )
  })

  it('adds CONTAINERS IMAGES to StatefulSets and SELECTOR to Services with -o wide', () => {
    expect(printTable([statefulSet(1)], { kind: 'StatefulSet', nowMs: sec(37), wide: true })).toBe(
      lines(
        'NAME   READY   AGE   CONTAINERS   IMAGES',
        'web    1/2     37s   nginx        registry.k8s.io/nginx-slim:0.7',
      ),
    )
    expect(printTable([service()], { kind: 'Service', nowMs: sec(12), wide: true })).toBe(
      lines(
        'NAME    TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE   SELECTOR',
        'nginx   ClusterIP   None         <none>        80/TCP    12s   app=nginx',
      ),
    )
  })

  it('prints a NodePort service port as port:nodePort/protocol', () => {
    const svc = service()
    const nodePort = {
      ...svc,
      spec: {
        ...svc.spec,
        type: 'NodePort' as const,
        clusterIP: '10.96.12.7',
        clusterIPs: ['10.96.12.7'],
        ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' as const }],
      },
    }
    expect(printTable([nodePort], { kind: 'Service', nowMs: sec(12), noHeaders: true })).toBe(
      lines('nginx   NodePort   10.96.12.7   <none>   80:30080/TCP   12s'),
    )
  })

  it('prints the controller of a revision as statefulset.apps/web (13.7)', () => {
    expect(printTable([revision()], { kind: 'ControllerRevision', nowMs: sec(300) })).toBe(
      lines(
        'NAME             CONTROLLER             REVISION   AGE',
        'web-64785d989f   statefulset.apps/web   1          5m',
      ),
    )
  })
})

describe('printTable: the other kinds', () => {
  it('marks the default StorageClass and prints ALLOWVOLUMEEXPANSION as a bool', () => {
    expect(printTable([storageClass()], { kind: 'StorageClass', nowMs: NOW })).toBe(
      lines(
        'NAME                 PROVISIONER             RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE',
        'standard (default)   rancher.io/local-path   Delete          WaitForFirstConsumer   false                  85m',
      ),
    )
  })

  it('prints endpoints as ip:port pairs and `<none>` without subsets', () => {
    const empty = { ...endpoints(), subsets: undefined }
    expect(printTable([endpoints()], { kind: 'Endpoints', nowMs: NOW })).toBe(
      lines('NAME    ENDPOINTS                     AGE', 'nginx   10.244.1.6:80,10.244.1.7:80   25m'),
    )
    expect(printTable([empty], { kind: 'Endpoints', nowMs: NOW })).toBe(
      lines('NAME    ENDPOINTS   AGE', 'nginx   <none>      25m'),
    )
  })

  it('shows three endpoints and counts the rest as `+ N more...`', () => {
    const many = {
      ...endpoints(),
      subsets: [
        {
          addresses: [1, 2, 3, 4, 5].map((i) => ({ ip: `10.244.1.${i}` })),
          ports: [{ name: 'web', port: 80 }],
        },
      ],
    }
    expect(printTable([many], { kind: 'Endpoints', nowMs: NOW, noHeaders: true })).toBe(
      lines('nginx   10.244.1.1:80,10.244.1.2:80,10.244.1.3:80 + 2 more...   25m'),
    )
  })

  it('prints EndpointSlices as NAME ADDRESSTYPE PORTS ENDPOINTS AGE (F57)', () => {
    expect(printTable([endpointSlice()], { kind: 'EndpointSlice', nowMs: NOW })).toBe(
      lines(
        'NAME          ADDRESSTYPE   PORTS   ENDPOINTS               AGE',
        'nginx-7x2kq   IPv4          80      10.244.1.6,10.244.1.7   25m',
      ),
    )
  })

  it('prints nodes with ROLES and, with -o wide, addresses and node info', () => {
    const cordoned = { ...node('kind-worker2', '172.18.0.4'), spec: { unschedulable: true } }
    expect(
      printTable([node('kind-control-plane', '172.18.0.2', 'control-plane'), cordoned], {
        kind: 'Node',
        nowMs: NOW,
      }),
    ).toBe(
      lines(
        'NAME                 STATUS                     ROLES           AGE   VERSION',
        'kind-control-plane   Ready                      control-plane   86m   v1.34.0',
        'kind-worker2         Ready,SchedulingDisabled   <none>          86m   v1.34.0',
      ),
    )
    expect(printTable([node('kind-worker', '172.18.0.3')], { kind: 'Node', nowMs: NOW, wide: true })).toBe(
      lines(
        'NAME          STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION     CONTAINER-RUNTIME',
        'kind-worker   Ready    <none>   86m   v1.34.0   172.18.0.3    <none>        Debian GNU/Linux 12 (bookworm)   6.8.0-60-generic   containerd://2.1.3',
      ),
    )
  })

  it('prints a node whose Ready condition is False as NotReady', () => {
    const n = node('kind-worker', '172.18.0.3')
    const down = {
      ...n,
      status: { ...n.status, conditions: [{ type: 'Ready', status: 'Unknown' as const }] },
    }
    expect(printTable([down], { kind: 'Node', nowMs: NOW, noHeaders: true })).toBe(
      lines('kind-worker   NotReady   <none>   86m   v1.34.0'),
    )
  })

  it('prints namespaces as NAME STATUS AGE', () => {
    const ns = {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'default', uid: 'u', resourceVersion: '1', creationTimestamp: at(-3700) },
      status: { phase: 'Active' },
    }
    expect(printTable([ns], { kind: 'Namespace', nowMs: NOW })).toBe(
      lines('NAME      STATUS   AGE', 'default   Active   86m'),
    )
  })

  it('prints events as LAST SEEN TYPE REASON OBJECT MESSAGE, in the order given', () => {
    const sts = statefulSet()
    const events = [
      event(
        { kind: 'Pod', name: 'web-1', uid: 'p1' },
        'Scheduled',
        'Successfully assigned default/web-1 to kind-worker',
        'default-scheduler',
        21,
      ),
      event(
        { kind: 'StatefulSet', name: 'web', uid: sts.metadata.uid },
        'SuccessfulCreate',
        'create Pod web-0 in StatefulSet web successful',
        'statefulset-controller',
        1,
      ),
    ]
    expect(printTable(events, { kind: 'Event', nowMs: sec(60) })).toBe(
      lines(
        'LAST SEEN   TYPE     REASON             OBJECT            MESSAGE',
        '39s         Normal   Scheduled          pod/web-1         Successfully assigned default/web-1 to kind-worker',
        '59s         Normal   SuccessfulCreate   statefulset/web   create Pod web-0 in StatefulSet web successful',
      ),
    )
  })

  it('adds SUBOBJECT SOURCE FIRST SEEN COUNT NAME to events with -o wide', () => {
    const e = event(
      { kind: 'Pod', name: 'web-0', uid: 'p0' },
      'Pulled',
      'Container image "nginx" already present on machine',
      'kubelet',
      10,
      { last: 40, count: 3, host: 'kind-worker' },
    )
    expect(printTable([e], { kind: 'Event', nowMs: sec(60), wide: true })).toBe(
      lines(
        'LAST SEEN   TYPE     REASON   OBJECT      SUBOBJECT   SOURCE                 MESSAGE                                              FIRST SEEN   COUNT   NAME',
        `20s         Normal   Pulled   pod/web-0               kubelet, kind-worker   Container image "nginx" already present on machine   50s          3       ${e.metadata.name}`,
      ),
    )
  })

  it('falls back to NAME AGE for kinds without columns', () => {
    const other = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'kube-root-ca.crt', uid: 'u', resourceVersion: '1', creationTimestamp: at(0) },
    }
    expect(printTable([other], { kind: 'ConfigMap', nowMs: sec(5) })).toBe(
      lines('NAME               AGE', 'kube-root-ca.crt   5s'),
    )
  })
})

describe('printTable options', () => {
  it('omits the header with --no-headers and prints nothing for no objects', () => {
    expect(printTable([statefulSet()], { kind: 'StatefulSet', nowMs: sec(37), noHeaders: true })).toBe(
      lines('web   2/2   37s'),
    )
    expect(printTable([], { kind: 'StatefulSet', nowMs: 0 })).toBe('')
  })

  it('puts NAMESPACE first with -A, but not for cluster-scoped kinds', () => {
    expect(printTable([statefulSet()], { kind: 'StatefulSet', nowMs: sec(37), withNamespace: true })).toBe(
      lines('NAMESPACE   NAME   READY   AGE', 'default     web    2/2     37s'),
    )
    expect(printTable([storageClass()], { kind: 'StorageClass', nowMs: NOW, withNamespace: true })).toMatch(
      /^NAME {17}PROVISIONER/,
    )
  })

  it('prefixes names with the kind and group for `get all`', () => {
    expect(
      printTable([statefulSet()], {
        kind: 'StatefulSet',
        nowMs: sec(37),
        withKind: true,
        withNamespace: true,
      }),
    ).toBe(
      lines(
        'NAMESPACE   NAME                   READY   AGE',
        'default     statefulset.apps/web   2/2     37s',
      ),
    )
  })

  it('adds an EVENT column for --output-watch-events', () => {
    expect(printTable([statefulSet()], { kind: 'StatefulSet', nowMs: sec(37), watchEvent: 'ADDED' })).toBe(
      lines('EVENT      NAME   READY   AGE', 'ADDED      web    2/2     37s'),
    )
  })

  it('cuts a cell at its first line break and escapes terminal control characters', () => {
    const e = event(
      { kind: 'Pod', name: 'web-0', uid: 'p0' },
      'Failed',
      'first line\nsecond line \x1b[31m',
      'kubelet',
      1,
    )
    const e2 = event({ kind: 'Pod', name: 'web-0', uid: 'p0' }, 'Failed', 'red \x1b[31mtext', 'kubelet', 1)
    expect(printTable([e, e2], { kind: 'Event', nowMs: sec(1), noHeaders: true })).toBe(
      lines(
        '0s    Normal   Failed   pod/web-0   first line...',
        '0s    Normal   Failed   pod/web-0   red ^[[31mtext',
      ),
    )
  })
})

describe('a `kubectl get pods -w` stream', () => {
  it('prints the header once and widens only the lines written after a longer cell (13.1.3)', () => {
    const w = createTableWriter()
    const opts = { kind: 'Pod', writer: w }
    expect(printTable([pod({ ordinal: 0, state: 'pending', createdAt: 0 })], { ...opts, nowMs: 0 })).toBe(
      lines('NAME    READY   STATUS    RESTARTS   AGE', 'web-0   0/1     Pending   0          0s'),
    )
    expect(
      printTable([pod({ ordinal: 0, state: 'creating', createdAt: 0 })], { ...opts, nowMs: sec(0.5) }),
    ).toBe(lines('web-0   0/1     ContainerCreating   0          0s'))
    expect(
      printTable([pod({ ordinal: 0, state: 'running', createdAt: 0 })], { ...opts, nowMs: sec(18) }),
    ).toBe(lines('web-0   0/1     Running             0          18s'))
    expect(printTable([pod({ ordinal: 0, createdAt: 0 })], { ...opts, nowMs: sec(19) })).toBe(
      lines('web-0   1/1     Running             0          19s'),
    )
  })

  it('prints nothing for an empty initial list and the header with the first event', () => {
    const w = createTableWriter()
    expect(printTable([], { kind: 'Pod', writer: w, nowMs: 0 })).toBe('')
    expect(
      printTable([pod({ ordinal: 0, state: 'pending', createdAt: 0 })], { kind: 'Pod', writer: w, nowMs: 0 }),
    ).toBe(lines('NAME    READY   STATUS    RESTARTS   AGE', 'web-0   0/1     Pending   0          0s'))
  })
})

describe('printTables for several kinds', () => {
  it('prints one table per kind with kind/name and a blank line between them', () => {
    expect(
      printTables(
        [
          { kind: 'Pod', objects: [pod({ ordinal: 0 })] },
          { kind: 'Service', objects: [service()] },
          { kind: 'StatefulSet', objects: [statefulSet()] },
        ],
        { nowMs: NOW },
      ),
    ).toBe(
      lines(
        'NAME        READY   STATUS    RESTARTS   AGE',
        'pod/web-0   1/1     Running   0          24m',
        '',
        'NAME            TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE',
        'service/nginx   ClusterIP   None         <none>        80/TCP    25m',
        '',
        'NAME                   READY   AGE',
        'statefulset.apps/web   2/2     25m',
      ),
    )
  })

  it('skips kinds with nothing to show, and drops kind/ when only one kind has objects', () => {
    expect(
      printTables(
        [
          { kind: 'Pod', objects: [] },
          { kind: 'StatefulSet', objects: [statefulSet()] },
        ],
        { nowMs: sec(37) },
      ),
    ).toBe(lines('NAME   READY   AGE', 'web    2/2     37s'))
    expect(printTables([{ kind: 'Pod', objects: [] }], { nowMs: 0 })).toBe('')
  })

  it('prints objects of one kind named one by one as a single aligned table', () => {
    expect(
      printTables(
        [
          { kind: 'Pod', objects: [pod({ ordinal: 0 })] },
          { kind: 'Pod', objects: [pod({ ordinal: 1, state: 'creating' })] },
        ],
        { nowMs: NOW },
      ),
    ).toBe(
      lines(
        'NAME    READY   STATUS              RESTARTS   AGE',
        'web-0   1/1     Running             0          24m',
        'web-1   0/1     ContainerCreating   0          24m',
      ),
    )
  })

  it('does not carry column widths from one kind to the next', () => {
    const out = printTables(
      [
        { kind: 'PersistentVolume', objects: [volume(0)] },
        { kind: 'StatefulSet', objects: [statefulSet()] },
      ],
      { nowMs: sec(37), noHeaders: true },
    )
    expect(out.split('\n')[1]).toBe('statefulset.apps/web   2/2   37s')
  })
})

describe('printNoResources', () => {
  it('names the namespace, or none for cluster-wide lists', () => {
    expect(printNoResources('default')).toBe('No resources found in default namespace.\n')
    expect(printNoResources()).toBe('No resources found\n')
  })
})
