// Test fixtures (imported by tests only): the StatefulSet Basics tutorial's objects (`web.yaml`)
// as the API server stores them on a kind cluster, with timestamps `at(seconds)` after the epoch.
import type {
  ControllerRevision,
  EndpointSlice,
  Endpoints,
  Event,
  Pod,
  Service,
  StatefulSet,
} from '../../../sim/model'
import { timestamp } from '../../../sim/runtime/time'

export { claim, node, storageClass, volume } from './infra'

export const at = (seconds: number): string => timestamp(seconds * 1000)
export const sec = (seconds: number): number => seconds * 1000

const STS_UID = '9d6b4e1c-2f0a-4c8e-a1b7-3e5f6a7b8c90'
const LAST_APPLIED =
  '{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"labels":{"app":"nginx"},"name":"nginx","namespace":"default"},"spec":{"clusterIP":"None","ports":[{"name":"web","port":80}],"selector":{"app":"nginx"}}}\n'

export function service(): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'nginx',
      namespace: 'default',
      uid: '4b1f7c2e-8d3a-4e6f-9a0b-1c2d3e4f5a6b',
      resourceVersion: '512',
      creationTimestamp: at(0),
      labels: { app: 'nginx' },
      annotations: { 'kubectl.kubernetes.io/last-applied-configuration': LAST_APPLIED },
    },
    spec: {
      clusterIP: 'None',
      clusterIPs: ['None'],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ name: 'web', port: 80, protocol: 'TCP', targetPort: 80 }],
      selector: { app: 'nginx' },
      sessionAffinity: 'None',
      type: 'ClusterIP',
    },
    status: { loadBalancer: {} },
  }
}

export function statefulSet(readyReplicas = 2): StatefulSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: {
      name: 'web',
      namespace: 'default',
      uid: STS_UID,
      resourceVersion: '601',
      generation: 1,
      creationTimestamp: at(0),
    },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'nginx' } },
      serviceName: 'nginx',
      podManagementPolicy: 'OrderedReady',
      revisionHistoryLimit: 10,
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: {
          containers: [
            {
              name: 'nginx',
              image: 'registry.k8s.io/nginx-slim:0.7',
              imagePullPolicy: 'IfNotPresent',
              ports: [{ containerPort: 80, name: 'web', protocol: 'TCP' }],
              resources: {},
              terminationMessagePath: '/dev/termination-log',
              terminationMessagePolicy: 'File',
              volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }],
            },
          ],
          dnsPolicy: 'ClusterFirst',
          restartPolicy: 'Always',
          schedulerName: 'default-scheduler',
          securityContext: {},
          terminationGracePeriodSeconds: 30,
        },
      },
      volumeClaimTemplates: [
        {
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          metadata: { name: 'www' },
          spec: {
            accessModes: ['ReadWriteOnce'],
            resources: { requests: { storage: '1Gi' } },
            volumeMode: 'Filesystem',
          },
        },
      ],
    },
    status: {
      observedGeneration: 1,
      replicas: 2,
      readyReplicas,
      currentReplicas: 2,
      updatedReplicas: 2,
      availableReplicas: readyReplicas,
      currentRevision: 'web-64785d989f',
      updateRevision: 'web-64785d989f',
      collisionCount: 0,
    },
  }
}

export interface PodOptions {
  ordinal: number
  nodeName?: string
  ip?: string
  createdAt?: number
  phase?: Pod['status']['phase']
  state?: 'pending' | 'creating' | 'running' | 'ready'
}

/** A StatefulSet pod at one of the points of its start-up (`ready` by default). */
export function pod({
  ordinal,
  nodeName = 'kind-worker',
  ip = `10.244.1.${6 + ordinal}`,
  createdAt = 1,
  state = 'ready',
}: PodOptions): Pod {
  const name = `web-${ordinal}`
  const scheduled = state !== 'pending'
  const started = state === 'running' || state === 'ready'
  const ready = state === 'ready'
  const cond = (type: string, ok: boolean, t: number, reason?: string, message?: string) => ({
    type,
    status: ok ? ('True' as const) : ('False' as const),
    lastProbeTime: null,
    lastTransitionTime: at(t),
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
  })
  const notReady = ['ContainersNotReady', 'containers with unready status: [nginx]'] as const
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      generateName: 'web-',
      namespace: 'default',
      uid: `5f0c3a2b-1d4e-4f6a-8b9c-0d1e2f3a4b${String(50 + ordinal)}`,
      resourceVersion: String(700 + ordinal),
      creationTimestamp: at(createdAt),
      labels: {
        app: 'nginx',
        'apps.kubernetes.io/pod-index': String(ordinal),
        'controller-revision-hash': 'web-64785d989f',
        'statefulset.kubernetes.io/pod-name': name,
      },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'StatefulSet',
          name: 'web',
          uid: STS_UID,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      containers: [
        {
          name: 'nginx',
          image: 'registry.k8s.io/nginx-slim:0.7',
          imagePullPolicy: 'IfNotPresent',
          ports: [{ containerPort: 80, name: 'web', protocol: 'TCP' }],
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }],
        },
      ],
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      hostname: name,
      ...(scheduled ? { nodeName } : {}),
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccountName: 'default',
      subdomain: 'nginx',
      terminationGracePeriodSeconds: 30,
      tolerations: [
        {
          effect: 'NoExecute',
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          tolerationSeconds: 300,
        },
        {
          effect: 'NoExecute',
          key: 'node.kubernetes.io/unreachable',
          operator: 'Exists',
          tolerationSeconds: 300,
        },
      ],
      volumes: [{ name: 'www', persistentVolumeClaim: { claimName: `www-${name}` } }],
    },
    status: scheduled
      ? {
          phase: started ? 'Running' : 'Pending',
          conditions: [
            cond('PodReadyToStartContainers', started, createdAt + 2),
            cond('Initialized', true, createdAt + 1),
            ready ? cond('Ready', true, createdAt + 18) : cond('Ready', false, createdAt + 1, ...notReady),
            ready
              ? cond('ContainersReady', true, createdAt + 18)
              : cond('ContainersReady', false, createdAt + 1, ...notReady),
            cond('PodScheduled', true, createdAt),
          ],
          hostIP: '172.18.0.3',
          hostIPs: [{ ip: '172.18.0.3' }],
          ...(started ? { podIP: ip, podIPs: [{ ip }] } : {}),
          qosClass: 'BestEffort',
          startTime: at(createdAt + 1),
          containerStatuses: [
            {
              name: 'nginx',
              image: 'registry.k8s.io/nginx-slim:0.7',
              imageID: started
                ? 'registry.k8s.io/nginx-slim@sha256:b8c6b3b4b7e8f0d2a1c3e5f7a9b1d3f5e7a9c1b3d5f7e9a1c3b5d7f9e1a3c5b7'
                : '',
              ...(started
                ? {
                    containerID:
                      'containerd://3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a',
                  }
                : {}),
              ready,
              started,
              restartCount: 0,
              state: started
                ? { running: { startedAt: at(createdAt + 17) } }
                : { waiting: { reason: 'ContainerCreating' } },
              lastState: {},
            },
          ],
        }
      : {
          phase: 'Pending',
          conditions: [
            cond(
              'PodScheduled',
              false,
              createdAt,
              'Unschedulable',
              '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims.',
            ),
          ],
          qosClass: 'BestEffort',
        },
  }
}

export function endpoints(): Endpoints {
  const address = (ordinal: number) => ({
    ip: `10.244.1.${6 + ordinal}`,
    hostname: `web-${ordinal}`,
    nodeName: 'kind-worker',
    targetRef: { kind: 'Pod', namespace: 'default', name: `web-${ordinal}`, uid: 'x' },
  })
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      name: 'nginx',
      namespace: 'default',
      uid: 'ep-uid',
      resourceVersion: '720',
      creationTimestamp: at(0),
      labels: { app: 'nginx', 'service.kubernetes.io/headless': '' },
    },
    subsets: [{ addresses: [address(0), address(1)], ports: [{ name: 'web', port: 80, protocol: 'TCP' }] }],
  }
}

export function endpointSlice(): EndpointSlice {
  const ep = (ordinal: number) => ({
    addresses: [`10.244.1.${6 + ordinal}`],
    conditions: { ready: true, serving: true, terminating: false },
    hostname: `web-${ordinal}`,
    nodeName: 'kind-worker',
    targetRef: { kind: 'Pod', namespace: 'default', name: `web-${ordinal}`, uid: 'x' },
  })
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: 'nginx-7x2kq',
      generateName: 'nginx-',
      namespace: 'default',
      uid: 'eps-uid',
      resourceVersion: '721',
      creationTimestamp: at(0),
      labels: {
        'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
        'kubernetes.io/service-name': 'nginx',
      },
    },
    addressType: 'IPv4',
    endpoints: [ep(0), ep(1)],
    ports: [{ name: 'web', port: 80, protocol: 'TCP' }],
  }
}

export function revision(): ControllerRevision {
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: 'web-64785d989f',
      namespace: 'default',
      uid: 'cr-uid',
      resourceVersion: '602',
      creationTimestamp: at(0),
      labels: { app: 'nginx', 'controller.kubernetes.io/hash': '64785d989f' },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'StatefulSet',
          name: 'web',
          uid: STS_UID,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    data: { spec: { template: { $patch: 'replace' } } },
    revision: 1,
  }
}

export function event(
  involved: { kind: string; name: string; uid: string },
  reason: string,
  message: string,
  component: string,
  first: number,
  opts: { last?: number; count?: number; type?: 'Normal' | 'Warning'; host?: string } = {},
): Event {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {
      name: `${involved.name}.${(0x188a0000000000 + first).toString(16)}`,
      namespace: 'default',
      uid: `ev-${first}`,
      resourceVersion: String(800 + first),
      creationTimestamp: at(first),
    },
    involvedObject: {
      apiVersion: involved.kind === 'StatefulSet' ? 'apps/v1' : 'v1',
      kind: involved.kind,
      name: involved.name,
      namespace: 'default',
      uid: involved.uid,
    },
    reason,
    message,
    source: opts.host ? { component, host: opts.host } : { component },
    firstTimestamp: at(first),
    lastTimestamp: at(opts.last ?? first),
    count: opts.count ?? 1,
    type: opts.type ?? 'Normal',
    reportingComponent: component,
  }
}
