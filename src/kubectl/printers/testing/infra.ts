// Test fixtures, storage and nodes (imported by tests only): the claims, volumes, StorageClass
// and nodes of a kind cluster running the StatefulSet Basics tutorial.
import type { Node, PersistentVolume, PersistentVolumeClaim, StorageClass } from '../../../sim/model'
import { timestamp } from '../../../sim/runtime/time'

const at = (seconds: number): string => timestamp(seconds * 1000)

const PV0 = 'pvc-2bf00408-d366-4a12-bad0-1869c65d0bee'
const PV1 = 'pvc-ba3bfe9c-413e-4b95-a2c0-3ea8a54dbab4'

export function claim(ordinal: number, bound = true): PersistentVolumeClaim {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      name: `www-web-${ordinal}`,
      namespace: 'default',
      uid: `2bf00408-d366-4a12-bad0-1869c65d0b${String(10 + ordinal)}`,
      resourceVersion: String(650 + ordinal),
      creationTimestamp: at(1 + 20 * ordinal),
      labels: { app: 'nginx' },
      annotations: bound
        ? {
            'pv.kubernetes.io/bind-completed': 'yes',
            'pv.kubernetes.io/bound-by-controller': 'yes',
            'volume.beta.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
            'volume.kubernetes.io/selected-node': 'kind-worker',
            'volume.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
          }
        : undefined,
      finalizers: ['kubernetes.io/pvc-protection'],
    },
    spec: {
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: '1Gi' } },
      storageClassName: 'standard',
      volumeMode: 'Filesystem',
      ...(bound ? { volumeName: ordinal === 0 ? PV0 : PV1 } : {}),
    },
    status: bound
      ? { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } }
      : { phase: 'Pending' },
  }
}

export function volume(ordinal: number): PersistentVolume {
  const name = ordinal === 0 ? PV0 : PV1
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: {
      name,
      uid: `6c7d8e9f-0a1b-4c2d-8e3f-4a5b6c7d8e${String(10 + ordinal)}`,
      resourceVersion: String(660 + ordinal),
      creationTimestamp: at(3 + 20 * ordinal),
      annotations: { 'pv.kubernetes.io/provisioned-by': 'rancher.io/local-path' },
      finalizers: ['kubernetes.io/pv-protection'],
    },
    spec: {
      accessModes: ['ReadWriteOnce'],
      capacity: { storage: '1Gi' },
      claimRef: {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        name: `www-web-${ordinal}`,
        namespace: 'default',
        resourceVersion: '640',
        uid: 'x',
      },
      hostPath: {
        path: `/var/local-path-provisioner/${name}_default_www-web-${ordinal}`,
        type: 'DirectoryOrCreate',
      },
      nodeAffinity: {
        required: {
          nodeSelectorTerms: [
            {
              matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['kind-worker'] }],
            },
          ],
        },
      },
      persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: 'standard',
      volumeMode: 'Filesystem',
    },
    status: { phase: 'Bound' },
  }
}

export function storageClass(): StorageClass {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: {
      name: 'standard',
      uid: '0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b',
      resourceVersion: '270',
      creationTimestamp: at(-3600),
      annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
    },
    provisioner: 'rancher.io/local-path',
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
  }
}

export function node(name: string, ip: string, role?: string): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      uid: `node-${name}`,
      resourceVersion: '400',
      creationTimestamp: at(-3700),
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        ...(role ? { [`node-role.kubernetes.io/${role}`]: '' } : {}),
      },
    },
    spec: { podCIDR: role ? '10.244.0.0/24' : '10.244.1.0/24' },
    status: {
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          lastHeartbeatTime: at(1490),
          lastTransitionTime: at(-3680),
          reason: 'KubeletReady',
          message: 'kubelet is posting ready status',
        } as Node['status']['conditions'][number],
      ],
      addresses: [
        { type: 'InternalIP', address: ip },
        { type: 'Hostname', address: name },
      ],
      capacity: { cpu: '8', 'ephemeral-storage': '102626232Ki', memory: '16375328Ki', pods: '110' },
      nodeInfo: {
        kubeletVersion: 'v1.34.0',
        containerRuntimeVersion: 'containerd://2.1.3',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        kernelVersion: '6.8.0-60-generic',
      },
    },
  }
}
