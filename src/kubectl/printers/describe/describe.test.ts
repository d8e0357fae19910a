import { describe, expect, it } from 'vitest'
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
} from '../testing/fixtures'
import { describe as describeObject } from './index'

const lines = (...l: string[]) => `${l.join('\n')}\n`
const NOW = sec(25 * 60)

describe('pods', () => {
  const p = pod({ ordinal: 0 })
  const ref = { kind: 'Pod', name: 'web-0', uid: p.metadata.uid }
  const events = [
    event(ref, 'Scheduled', 'Successfully assigned default/web-0 to kind-worker', 'default-scheduler', 1),
    event(ref, 'Pulling', 'Pulling image "registry.k8s.io/nginx-slim:0.7"', 'kubelet', 3, {
      host: 'kind-worker',
    }),
    event(
      ref,
      'Pulled',
      'Successfully pulled image "registry.k8s.io/nginx-slim:0.7" in 14.2s (14.2s including waiting). Image size: 8505856 bytes.',
      'kubelet',
      17,
      { host: 'kind-worker' },
    ),
    event(ref, 'Created', 'Created container: nginx', 'kubelet', 17, { host: 'kind-worker' }),
    event(ref, 'Started', 'Started container nginx', 'kubelet', 18, { host: 'kind-worker' }),
    // The previous web-0 (another uid): kubectl searches events by uid, so these do not show.
    event({ ...ref, uid: 'previous-incarnation' }, 'Killing', 'Stopping container nginx', 'kubelet', 0),
  ]

  it('prints kubectl describe pod with sections aligned per tabwriter block', () => {
    expect(describeObject(p, { events, nowMs: sec(120) })).toBe(
      lines(
        'Name:             web-0',
        'Namespace:        default',
        'Priority:         0',
        'Service Account:  default',
        'Node:             kind-worker/172.18.0.3',
        'Start Time:       Thu, 01 Jan 2026 09:00:02 +0000',
        'Labels:           app=nginx',
        '                  apps.kubernetes.io/pod-index=0',
        '                  controller-revision-hash=web-64785d989f',
        '                  statefulset.kubernetes.io/pod-name=web-0',
        'Annotations:      <none>',
        'Status:           Running',
        'IP:               10.244.1.6',
        'IPs:',
        '  IP:           10.244.1.6',
        'Controlled By:  StatefulSet/web',
        'Containers:',
        '  nginx:',
        '    Container ID:   containerd://3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a',
        '    Image:          registry.k8s.io/nginx-slim:0.7',
        '    Image ID:       registry.k8s.io/nginx-slim@sha256:b8c6b3b4b7e8f0d2a1c3e5f7a9b1d3f5e7a9c1b3d5f7e9a1c3b5d7f9e1a3c5b7',
        '    Port:           80/TCP',
        '    Host Port:      0/TCP',
        '    State:          Running',
        '      Started:      Thu, 01 Jan 2026 09:00:18 +0000',
        '    Ready:          True',
        '    Restart Count:  0',
        '    Environment:    <none>',
        '    Mounts:',
        '      /usr/share/nginx/html from www (rw)',
        'Conditions:',
        '  Type                        Status',
        '  PodReadyToStartContainers   True ',
        '  Initialized                 True ',
        '  Ready                       True ',
        '  ContainersReady             True ',
        '  PodScheduled                True ',
        'Volumes:',
        '  www:',
        '    Type:        PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)',
        '    ClaimName:   www-web-0',
        '    ReadOnly:    false',
        'QoS Class:       BestEffort',
        'Node-Selectors:  <none>',
        'Tolerations:     node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
        '                 node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
        'Events:',
        '  Type    Reason     Age   From               Message',
        '  ----    ------     ----  ----               -------',
        '  Normal  Scheduled  119s  default-scheduler  Successfully assigned default/web-0 to kind-worker',
        '  Normal  Pulling    117s  kubelet            Pulling image "registry.k8s.io/nginx-slim:0.7"',
        '  Normal  Pulled     103s  kubelet            Successfully pulled image "registry.k8s.io/nginx-slim:0.7" in 14.2s (14.2s including waiting). Image size: 8505856 bytes.',
        '  Normal  Created    103s  kubelet            Created container: nginx',
        '  Normal  Started    102s  kubelet            Started container nginx',
      ),
    )
  })

  it('shows a pending pod with no node, a waiting container and <none> for events', () => {
    const out = describeObject(pod({ ordinal: 1, state: 'pending' }), { nowMs: sec(5) })
    expect(out).toContain('Node:             <none>\n')
    expect(out).toContain('IPs:              <none>\n')
    expect(out).toContain('    Image:        registry.k8s.io/nginx-slim:0.7\n')
    expect(out).not.toContain('Container ID')
    expect(out).toMatch(/\nEvents: +<none>\n$/)
  })

  it('shows Terminating (lasts <invalid>) during the grace period, as kubectl does', () => {
    const deleting = {
      ...p,
      metadata: { ...p.metadata, deletionTimestamp: at(150), deletionGracePeriodSeconds: 30 },
    }
    const out = describeObject(deleting, { nowMs: sec(121) })
    expect(out).toContain(
      'Status:                    Terminating (lasts <invalid>)\nTermination Grace Period:  30s\n',
    )
  })

  it('describes a crashed container with its last state and restart count', () => {
    const crashed = {
      ...p,
      status: {
        ...p.status,
        containerStatuses: [
          {
            ...p.status.containerStatuses![0]!,
            ready: false,
            restartCount: 2,
            state: { waiting: { reason: 'CrashLoopBackOff' } },
            lastState: {
              terminated: { exitCode: 1, reason: 'Error', startedAt: at(30), finishedAt: at(31) },
            },
          },
        ],
      },
    }
    expect(describeObject(crashed, { nowMs: sec(60) })).toContain(
      lines(
        '    State:          Waiting',
        '      Reason:       CrashLoopBackOff',
        '    Last State:     Terminated',
        '      Reason:       Error',
        '      Exit Code:    1',
        '      Started:      Thu, 01 Jan 2026 09:00:30 +0000',
        '      Finished:     Thu, 01 Jan 2026 09:00:31 +0000',
        '    Ready:          False',
        '    Restart Count:  2',
      ),
    )
  })

  it('prints probes with the API defaults and sorts mounts by path', () => {
    const c = p.spec.containers[0]!
    const probed = {
      ...p,
      spec: {
        ...p.spec,
        containers: [
          {
            ...c,
            readinessProbe: { httpGet: { path: '/', port: 80 } },
            livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5 },
            volumeMounts: [
              ...c.volumeMounts!,
              { name: 'config', mountPath: '/etc/nginx', readOnly: true, subPath: 'nginx.conf' },
            ],
          },
        ],
      },
    }
    const out = describeObject(probed, { nowMs: sec(60) })
    expect(out).toContain(
      '    Liveness:       exec [cat /tmp/healthy] delay=5s timeout=1s period=10s #success=1 #failure=3\n',
    )
    expect(out).toContain(
      '    Readiness:      http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3\n',
    )
    expect(out).toContain(
      '    Mounts:\n      /etc/nginx from config (ro,path="nginx.conf")\n      /usr/share/nginx/html from www (rw)\n',
    )
  })
})

describe('claims, volumes and classes', () => {
  const pvc = claim(0)
  const ref = { kind: 'PersistentVolumeClaim', name: 'www-web-0', uid: pvc.metadata.uid }
  const events = [
    event(
      ref,
      'WaitForFirstConsumer',
      'waiting for first consumer to be created before binding',
      'persistentvolume-controller',
      1,
    ),
    event(
      ref,
      'ExternalProvisioning',
      "Waiting for a volume to be created either by the external provisioner 'rancher.io/local-path' or manually by the system administrator.",
      'persistentvolume-controller',
      1,
      { last: 300, count: 3 },
    ),
  ]

  it('prints the claim, who uses it, and counted events as `x3 over`', () => {
    expect(
      describeObject(pvc, { events, related: [pod({ ordinal: 0 }), pod({ ordinal: 1 })], nowMs: NOW }),
    ).toBe(
      lines(
        'Name:          www-web-0',
        'Namespace:     default',
        'StorageClass:  standard',
        'Status:        Bound',
        'Volume:        pvc-2bf00408-d366-4a12-bad0-1869c65d0bee',
        'Labels:        app=nginx',
        'Annotations:   pv.kubernetes.io/bind-completed: yes',
        '               pv.kubernetes.io/bound-by-controller: yes',
        '               volume.beta.kubernetes.io/storage-provisioner: rancher.io/local-path',
        '               volume.kubernetes.io/selected-node: kind-worker',
        '               volume.kubernetes.io/storage-provisioner: rancher.io/local-path',
        'Finalizers:    [kubernetes.io/pvc-protection]',
        'Capacity:      1Gi',
        'Access Modes:  RWO',
        'VolumeMode:    Filesystem',
        'Used By:       web-0',
        'Events:',
        '  Type    Reason                Age                From                         Message',
        '  ----    ------                ----               ----                         -------',
        '  Normal  WaitForFirstConsumer  24m                persistentvolume-controller  waiting for first consumer to be created before binding',
        "  Normal  ExternalProvisioning  20m (x3 over 24m)  persistentvolume-controller  Waiting for a volume to be created either by the external provisioner 'rancher.io/local-path' or manually by the system administrator.",
      ),
    )
  })

  it('prints a pending claim with empty capacity and no user', () => {
    const out = describeObject(claim(2, false), { nowMs: NOW })
    expect(out).toContain('Status:        Pending\nVolume:        \n')
    expect(out).toContain(
      'Capacity:      \nAccess Modes:  \nVolumeMode:    Filesystem\nUsed By:       <none>\nEvents:        <none>\n',
    )
  })

  it('prints the volume with its node affinity and host path source', () => {
    expect(describeObject(volume(0), { nowMs: NOW })).toBe(
      lines(
        'Name:              pvc-2bf00408-d366-4a12-bad0-1869c65d0bee',
        'Labels:            <none>',
        'Annotations:       pv.kubernetes.io/provisioned-by: rancher.io/local-path',
        'Finalizers:        [kubernetes.io/pv-protection]',
        'StorageClass:      standard',
        'Status:            Bound',
        'Claim:             default/www-web-0',
        'Reclaim Policy:    Delete',
        'Access Modes:      RWO',
        'VolumeMode:        Filesystem',
        'Capacity:          1Gi',
        'Node Affinity:     ',
        '  Required Terms:  ',
        '    Term 0:        kubernetes.io/hostname in [kind-worker]',
        'Message:           ',
        'Source:',
        '    Type:          HostPath (bare host directory volume)',
        '    Path:          /var/local-path-provisioner/pvc-2bf00408-d366-4a12-bad0-1869c65d0bee_default_www-web-0',
        '    HostPathType:  DirectoryOrCreate',
        'Events:            <none>',
      ),
    )
  })

  it('prints the StorageClass in one aligned block', () => {
    expect(describeObject(storageClass(), { nowMs: NOW })).toBe(
      lines(
        'Name:                  standard',
        'IsDefaultClass:        Yes',
        'Annotations:           storageclass.kubernetes.io/is-default-class=true',
        'Provisioner:           rancher.io/local-path',
        'Parameters:            <none>',
        'AllowVolumeExpansion:  <unset>',
        'MountOptions:          <none>',
        'ReclaimPolicy:         Delete',
        'VolumeBindingMode:     WaitForFirstConsumer',
        'Events:                <none>',
      ),
    )
  })
})

describe('StatefulSets, Services and Endpoints', () => {
  it('prints the StatefulSet with pod counts, template and claim templates', () => {
    const sts = statefulSet()
    const events = [
      event(
        { kind: 'StatefulSet', name: 'web', uid: sts.metadata.uid },
        'SuccessfulCreate',
        'create Pod web-0 in StatefulSet web successful',
        'statefulset-controller',
        1,
      ),
    ]
    const pods = [
      pod({ ordinal: 0 }),
      pod({ ordinal: 1, state: 'creating' }),
      { ...pod({ ordinal: 9 }), metadata: { ...pod({ ordinal: 9 }).metadata, ownerReferences: [] } },
    ]
    expect(describeObject(sts, { events, related: pods, nowMs: sec(60) })).toBe(
      lines(
        'Name:               web',
        'Namespace:          default',
        'CreationTimestamp:  Thu, 01 Jan 2026 09:00:00 +0000',
        'Selector:           app=nginx',
        'Labels:             <none>',
        'Annotations:        <none>',
        'Replicas:           2 desired | 2 total',
        'Update Strategy:    RollingUpdate',
        '  Partition:        0',
        'Pods Status:        1 Running / 1 Waiting / 0 Succeeded / 0 Failed',
        'Pod Template:',
        '  Labels:  app=nginx',
        '  Containers:',
        '   nginx:',
        '    Image:        registry.k8s.io/nginx-slim:0.7',
        '    Port:         80/TCP',
        '    Host Port:    0/TCP',
        '    Environment:  <none>',
        '    Mounts:',
        '      /usr/share/nginx/html from www (rw)',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Volume Claims:',
        '  Name:          www',
        '  StorageClass:  ',
        '  Labels:        <none>',
        '  Annotations:   <none>',
        '  Capacity:      1Gi',
        '  Access Modes:  [ReadWriteOnce]',
        'Events:',
        '  Type    Reason            Age   From                    Message',
        '  ----    ------            ----  ----                    -------',
        '  Normal  SuccessfulCreate  59s   statefulset-controller  create Pod web-0 in StatefulSet web successful',
      ),
    )
  })

  it('prints the Service with endpoints from its EndpointSlices', () => {
    expect(describeObject(service(), { related: [endpointSlice()], nowMs: NOW })).toBe(
      lines(
        'Name:                     nginx',
        'Namespace:                default',
        'Labels:                   app=nginx',
        'Annotations:              <none>',
        'Selector:                 app=nginx',
        'Type:                     ClusterIP',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       None',
        'IPs:                      None',
        'Port:                     web  80/TCP',
        'TargetPort:               80/TCP',
        'Endpoints:                10.244.1.6:80,10.244.1.7:80',
        'Session Affinity:         None',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
      ),
    )
  })

  it('leaves out unready endpoints, and prints <none> without slices', () => {
    const s = endpointSlice()
    const unready = {
      ...s,
      endpoints: s.endpoints.map((e, i) =>
        i === 1 ? { ...e, conditions: { ready: false, serving: false, terminating: false } } : e,
      ),
    }
    expect(describeObject(service(), { related: [unready], nowMs: NOW })).toContain(
      'Endpoints:                10.244.1.6:80\n',
    )
    expect(describeObject(service(), { nowMs: NOW })).toContain('Endpoints:                <none>\n')
  })

  it('prints Endpoints subsets with a blank line after each', () => {
    expect(describeObject(endpoints(), { nowMs: NOW })).toBe(
      lines(
        'Name:         nginx',
        'Namespace:    default',
        'Labels:       app=nginx',
        '              service.kubernetes.io/headless=',
        'Annotations:  <none>',
        'Subsets:',
        '  Addresses:          10.244.1.6,10.244.1.7',
        '  NotReadyAddresses:  <none>',
        '  Ports:',
        '    Name  Port  Protocol',
        '    ----  ----  --------',
        '    web   80    TCP',
        '',
        'Events:  <none>',
      ),
    )
  })
})

describe('nodes, namespaces and kinds without a describer', () => {
  it('prints the node with its non-terminated pods and allocated resources', () => {
    const out = describeObject(node('kind-worker', '172.18.0.3'), {
      related: [pod({ ordinal: 0 }), pod({ ordinal: 1, nodeName: 'kind-worker2' })],
      nowMs: NOW,
    })
    expect(out).toContain('Roles:              <none>\n')
    expect(out).toContain(
      lines(
        'Conditions:',
        '  Type    Status  LastHeartbeatTime                 LastTransitionTime                Reason         Message',
        '  ----    ------  -----------------                 ------------------                ------         -------',
        '  Ready   True    Thu, 01 Jan 2026 09:24:50 +0000   Thu, 01 Jan 2026 07:58:40 +0000   KubeletReady   kubelet is posting ready status',
        'Addresses:',
        '  InternalIP:  172.18.0.3',
        '  Hostname:    kind-worker',
      ),
    )
    expect(out).toContain('Non-terminated Pods:          (1 in total)\n')
    expect(out).toContain(
      '  default                     web-0    0 (0%)        0 (0%)      0 (0%)           0 (0%)         24m\n',
    )
    expect(out).toContain('  cpu                0 (0%)    0 (0%)\n')
  })

  it('sums container requests against the allocatable capacity', () => {
    const p = pod({ ordinal: 0 })
    const c = p.spec.containers[0]!
    const requesting = {
      ...p,
      spec: {
        ...p.spec,
        containers: [
          {
            ...c,
            resources: { requests: { cpu: '250m', memory: '64Mi' }, limits: { cpu: '1', memory: '128Mi' } },
          },
        ],
      },
    }
    const out = describeObject(node('kind-worker', '172.18.0.3'), {
      related: [requesting, requesting],
      nowMs: NOW,
    })
    expect(out).toContain(
      '  default                     web-0    250m (3%)     1 (12%)     64Mi (0%)        128Mi (0%)     24m\n',
    )
    expect(out).toContain('  cpu                500m (6%)   2 (25%)\n')
  })

  it('falls back to the generic describer with smart labels for other kinds', () => {
    expect(describeObject(revision(), { nowMs: NOW })).toBe(
      lines(
        'Name:         web-64785d989f',
        'Namespace:    default',
        'Labels:       app=nginx',
        '              controller.kubernetes.io/hash=64785d989f',
        'Annotations:  <none>',
        'API Version:  apps/v1',
        'Data:',
        '  Spec:',
        '    Template:',
        '      $patch:  replace',
        'Kind:          ControllerRevision',
        'Metadata:',
        '  Creation Timestamp:  2026-01-01T09:00:00Z',
        '  Owner References:',
        '    API Version:           apps/v1',
        '    Block Owner Deletion:  true',
        '    Controller:            true',
        '    Kind:                  StatefulSet',
        '    Name:                  web',
        '    UID:                   9d6b4e1c-2f0a-4c8e-a1b7-3e5f6a7b8c90',
        '  Resource Version:        602',
        '  UID:                     cr-uid',
        'Revision:                  1',
        'Events:                    <none>',
      ),
    )
  })

  it('describes a namespace with the no-quota and no-limit-range lines', () => {
    const ns = {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: 'default',
        uid: 'u',
        resourceVersion: '1',
        creationTimestamp: at(0),
        labels: { 'kubernetes.io/metadata.name': 'default' },
      },
      status: { phase: 'Active' as const },
    }
    expect(describeObject(ns, { nowMs: NOW })).toBe(
      lines(
        'Name:         default',
        'Labels:       kubernetes.io/metadata.name=default',
        'Annotations:  <none>',
        'Status:       Active',
        '',
        'No resource quota.',
        '',
        'No LimitRange resource.',
      ),
    )
  })
})
