// The cluster a learner starts with: the usual namespaces, three worker nodes, the `kubernetes`
// and `kube-dns` Services, and kind's default StorageClass `standard` (local-path,
// WaitForFirstConsumer, Delete).
import type { Namespace, Node, Service, StorageClass } from './model'
import type { SimContext } from './simContext'
import { DEFAULT_CLASS_ANNOTATION } from './api/apiServer'
import { timestamp } from './runtime/time'
import { healthyNodeConditions } from './kubelet/nodeStatus'

export interface ClusterShape {
  nodes: number
  namespaces: string[]
}

export const DEFAULT_SHAPE: ClusterShape = {
  nodes: 3,
  namespaces: ['default', 'kube-system', 'kube-public', 'kube-node-lease'],
}

export const CLUSTER_DOMAIN = 'cluster.local'
export const DNS_SERVICE_IP = '10.96.0.10'
export const KUBELET_VERSION = 'v1.34.0'

export function nodeName(i: number): string {
  return `node-${i}`
}

/** How long before the session began the cluster was created (so nodes do not look brand new). */
export const CLUSTER_AGE_MS = 3 * 60 * 60 * 1000

export function bootstrapCluster(ctx: SimContext, shape: Partial<ClusterShape> = {}): void {
  const { nodes, namespaces } = { ...DEFAULT_SHAPE, ...shape }
  const api = ctx.api
  for (const name of namespaces) {
    api.create<Namespace>({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name },
      status: { phase: 'Active' },
    })
  }
  for (let i = 1; i <= nodes; i++) {
    const name = nodeName(i)
    api.create<Node>({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name,
        labels: {
          'kubernetes.io/hostname': name,
          'kubernetes.io/os': 'linux',
          'kubernetes.io/arch': 'amd64',
          'topology.kubernetes.io/zone': 'zone-a',
        },
      },
      spec: { podCIDR: `10.244.${i}.0/24` },
      status: {
        // As the kubelet last posted them: when the session began.
        conditions: healthyNodeConditions(api.now()),
        addresses: [
          { type: 'InternalIP', address: `172.18.0.${i + 1}` },
          { type: 'Hostname', address: name },
        ],
        capacity: { cpu: '2', memory: '8Gi', pods: '110' },
        nodeInfo: {
          kubeletVersion: KUBELET_VERSION,
          containerRuntimeVersion: 'containerd://2.1.1',
          osImage: 'Debian GNU/Linux 12 (bookworm)',
          kernelVersion: '6.1.0-simulated',
        },
      },
    })
  }
  api.create<Service>({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { component: 'apiserver', provider: 'kubernetes' },
    },
    spec: {
      clusterIP: '10.96.0.1',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
    },
  })
  api.create<Service>({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kube-dns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
    spec: {
      clusterIP: DNS_SERVICE_IP,
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP' },
        { name: 'dns-tcp', port: 53, protocol: 'TCP' },
        { name: 'metrics', port: 9153, protocol: 'TCP' },
      ],
    },
  })
  api.create<StorageClass>({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'standard', annotations: { [DEFAULT_CLASS_ANNOTATION]: 'true' } },
    provisioner: 'rancher.io/local-path',
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
  })
  backdate(ctx)
}

/** The bootstrap objects were made when the cluster was created, hours before the session began. */
function backdate(ctx: SimContext): void {
  const created = timestamp(-CLUSTER_AGE_MS)
  for (const kind of ['Namespace', 'Node', 'Service', 'StorageClass']) {
    for (const obj of ctx.store.list(kind)) {
      const status = (obj as { status?: { conditions?: { lastTransitionTime?: string }[] } }).status
      const conditions = status?.conditions?.map((c) => ({ ...c, lastTransitionTime: created }))
      ctx.store.put({
        ...obj,
        metadata: { ...obj.metadata, creationTimestamp: created },
        ...(conditions ? { status: { ...status, conditions } } : {}),
      })
    }
  }
}
