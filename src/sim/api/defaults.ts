// API-server defaulting, per kind: pkg/apis/apps/v1/defaults.go (SetDefaults_StatefulSet,
// SetDefaults_Deployment, SetDefaults_ReplicaSet),
// pkg/apis/core/v1/defaults.go, pkg/apis/storage/v1/defaults.go, plus the few values the REST
// layer fills before validation (a Service's clusterIPs and IP families, a claim template's
// TypeMeta). Quantities are left as written; canonicalQuantity renders them.
import type {
  Deployment,
  DeploymentSpec,
  KubeObject,
  Namespace,
  PersistentVolume,
  PersistentVolumeClaim,
  PersistentVolumeClaimSpec,
  Pod,
  ReplicaSet,
  Service,
  StatefulSet,
  StatefulSetSpec,
  StorageClass,
} from '../model'
import { defaultPodSpec } from './podDefaults'
import { jsonCopy } from './jsonCopy'

const defaultClaimSpec = (spec: PersistentVolumeClaimSpec | undefined): PersistentVolumeClaimSpec => ({
  ...spec,
  volumeMode: spec?.volumeMode ?? 'Filesystem',
})

function defaultStatefulSetSpec(spec: StatefulSetSpec): StatefulSetSpec {
  const s: StatefulSetSpec = { ...spec }
  s.podManagementPolicy = s.podManagementPolicy || 'OrderedReady'
  const strategy = { ...s.updateStrategy }
  if (!strategy.type) {
    strategy.type = 'RollingUpdate'
    // Only an empty type gets a rollingUpdate block; `type: RollingUpdate` alone stays without one.
    strategy.rollingUpdate = strategy.rollingUpdate ?? {}
  }
  if (strategy.type === 'RollingUpdate' && strategy.rollingUpdate) {
    strategy.rollingUpdate = { ...strategy.rollingUpdate, partition: strategy.rollingUpdate.partition ?? 0 }
  }
  s.updateStrategy = strategy
  const retention = s.persistentVolumeClaimRetentionPolicy ?? {}
  s.persistentVolumeClaimRetentionPolicy = {
    ...retention,
    whenDeleted: retention.whenDeleted || 'Retain',
    whenScaled: retention.whenScaled || 'Retain',
  }
  s.replicas = s.replicas ?? 1
  s.revisionHistoryLimit = s.revisionHistoryLimit ?? 10
  // minReadySeconds defaults to 0, which Go's omitempty never writes back.
  if (s.template) s.template = { ...s.template, spec: defaultPodSpec(s.template.spec, false) }
  if (s.volumeClaimTemplates) {
    s.volumeClaimTemplates = s.volumeClaimTemplates.map((t) => ({
      ...t,
      apiVersion: t.apiVersion || 'v1',
      kind: t.kind || 'PersistentVolumeClaim',
      spec: defaultClaimSpec(t.spec),
    }))
  }
  return s
}

/** SetDefaults_Deployment, plus the pod template's defaults. */
function defaultDeploymentSpec(spec: DeploymentSpec): DeploymentSpec {
  const s: DeploymentSpec = { ...spec }
  s.replicas = s.replicas ?? 1
  const strategy = { ...s.strategy }
  strategy.type = strategy.type || 'RollingUpdate'
  if (strategy.type === 'RollingUpdate') {
    const ru = { ...strategy.rollingUpdate }
    ru.maxUnavailable = ru.maxUnavailable ?? '25%'
    ru.maxSurge = ru.maxSurge ?? '25%'
    strategy.rollingUpdate = ru
  }
  s.strategy = strategy
  s.revisionHistoryLimit = s.revisionHistoryLimit ?? 10
  s.progressDeadlineSeconds = s.progressDeadlineSeconds ?? 600
  // A Go struct value: an absent template is still defaulted (and then fails validation).
  s.template = { ...s.template, spec: defaultPodSpec(s.template?.spec, false) }
  return s
}

function defaultService(svc: Service): Service {
  const s = { ...svc.spec }
  s.type = s.type || 'ClusterIP'
  s.sessionAffinity = s.sessionAffinity || 'None'
  if (s.ports) {
    s.ports = s.ports.map((p) => ({
      ...p,
      protocol: p.protocol || 'TCP',
      targetPort:
        p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '' ? p.port : p.targetPort,
    }))
  }
  // NormalizeClusterIPs on create: a singular clusterIP (e.g. `None`) seeds the plural field.
  if (s.clusterIP && !s.clusterIPs?.length) s.clusterIPs = [s.clusterIP]
  if (s.type !== 'ExternalName') {
    s.internalTrafficPolicy = s.internalTrafficPolicy ?? 'Cluster'
    const headless = s.clusterIPs?.length === 1 && s.clusterIPs[0] === 'None'
    // Selectorless headless Services are not bound to one family (registry initIPFamilyFields).
    if (headless && Object.keys(s.selector ?? {}).length === 0)
      s.ipFamilyPolicy = s.ipFamilyPolicy ?? 'RequireDualStack'
    s.ipFamilyPolicy = s.ipFamilyPolicy ?? 'SingleStack'
    if (!s.ipFamilies?.length) s.ipFamilies = ['IPv4']
  }
  return { ...svc, spec: s }
}

/**
 * The Service strategy's PrepareForUpdate (patchAllocatedValues + NormalizeClusterIPs): a replace
 * that omits the allocated clusterIP keeps it, and a changed singular clusterIP rewrites the
 * plural one, so validation sees e.g. `None` replacing `10.96.0.10` as a clusterIPs change.
 */
export function prepareServiceForUpdate(oldSvc: Service, newSvc: Service): Service {
  const s = { ...newSvc.spec }
  const o = oldSvc.spec ?? {}
  if (s.type !== 'ExternalName' && o.type !== 'ExternalName') {
    if (!s.clusterIP) s.clusterIP = o.clusterIP
    if (!s.clusterIPs?.length && o.clusterIPs?.length) s.clusterIPs = o.clusterIPs
  }
  const same = (a?: string[], b?: string[]) => (a ?? []).join(',') === (b ?? []).join(',')
  if (o.clusterIPs?.length && !s.clusterIPs?.length && o.clusterIP === s.clusterIP)
    s.clusterIPs = o.clusterIPs
  if ((o.clusterIP ?? '') !== (s.clusterIP ?? '') && same(o.clusterIPs, s.clusterIPs)) {
    if (o.clusterIP && !s.clusterIP) delete s.clusterIPs
    else s.clusterIPs = [s.clusterIP as string]
  }
  return { ...newSvc, spec: s, ...(oldSvc.status ? { status: oldSvc.status } : {}) }
}

const NO_DEFAULTS = new Set(['Event', 'ControllerRevision', 'EndpointSlice', 'Endpoints'])

/** Returns a defaulted copy of `obj`, as the API server stores it; `obj` is not modified. */
export function applyDefaults<T extends KubeObject>(obj: T): T {
  // Kinds written only by the system have no defaults: skip the copy (they are the bulk of writes).
  if (NO_DEFAULTS.has(obj.kind)) return obj
  const o = jsonCopy(obj) as KubeObject
  switch (o.kind) {
    case 'Node': {
      // Go's zero values: a Node applied without spec or status still has both (empty).
      const n = o as KubeObject & { spec?: object; status?: object }
      return { ...n, spec: n.spec ?? {}, status: n.status ?? {} } as KubeObject as T
    }
    case 'StatefulSet': {
      const sts = o as StatefulSet
      return { ...sts, spec: defaultStatefulSetSpec(sts.spec) } as KubeObject as T
    }
    case 'Deployment': {
      const d = o as Deployment
      return { ...d, spec: defaultDeploymentSpec(d.spec ?? ({} as DeploymentSpec)) } as KubeObject as T
    }
    case 'ReplicaSet': {
      // SetDefaults_ReplicaSet: replicas 1; the template gets the pod defaults.
      const rs = o as ReplicaSet
      const spec = { ...rs.spec, replicas: rs.spec?.replicas ?? 1 }
      spec.template = { ...spec.template, spec: defaultPodSpec(spec.template?.spec, false) }
      return { ...rs, spec } as KubeObject as T
    }
    case 'Pod': {
      const pod = o as Pod
      return { ...pod, spec: defaultPodSpec(pod.spec, true) } as KubeObject as T
    }
    case 'Service':
      return defaultService(o as Service) as KubeObject as T
    case 'PersistentVolumeClaim': {
      const pvc = o as PersistentVolumeClaim
      return {
        ...pvc,
        spec: defaultClaimSpec(pvc.spec),
        status: pvc.status ?? { phase: 'Pending' },
      } as KubeObject as T
    }
    case 'PersistentVolume': {
      const pv = o as PersistentVolume
      const spec = { ...pv.spec }
      spec.persistentVolumeReclaimPolicy = spec.persistentVolumeReclaimPolicy || 'Retain'
      spec.volumeMode = spec.volumeMode ?? 'Filesystem'
      if (spec.hostPath) spec.hostPath = { type: '', ...spec.hostPath }
      return { ...pv, spec, status: pv.status ?? { phase: 'Pending' } } as KubeObject as T
    }
    case 'StorageClass': {
      const sc = o as StorageClass
      return {
        ...sc,
        reclaimPolicy: sc.reclaimPolicy || 'Delete',
        volumeBindingMode: sc.volumeBindingMode || 'Immediate',
      } as KubeObject as T
    }
    case 'Namespace': {
      const ns = o as Namespace
      const labels = ns.metadata?.name
        ? { ...ns.metadata.labels, 'kubernetes.io/metadata.name': ns.metadata.name }
        : ns.metadata?.labels
      const metadata = labels ? { ...ns.metadata, labels } : ns.metadata
      return {
        ...ns,
        metadata,
        status: { ...ns.status, phase: ns.status?.phase || 'Active' },
      } as KubeObject as T
    }
    default:
      return o as T
  }
}
