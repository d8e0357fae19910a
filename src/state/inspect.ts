// What the inspector shows for one object: kubectl's describe and YAML (run through kubectl
// itself, so they read exactly as in a terminal), the objects it is related to, and — for a
// volume — the files stored on it.
import type { Simulation } from '../sim/simulation'
import type {
  EndpointSlice,
  KubeObject,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  Service,
  StatefulSet,
} from '../sim/model'
import { kindInfo } from '../sim/model/kinds'
import type { FsNode, Tree } from '../sim/kubelet/filesystem'
import { runKubectl } from '../kubectl/kubectl'

export interface ObjectRef {
  readonly kind: string
  readonly namespace?: string
  readonly name: string
}

export interface Relation {
  readonly label: string
  readonly ref: ObjectRef
}

export interface InspectorView {
  readonly ref: ObjectRef
  readonly exists: boolean
  readonly describe: string
  readonly yaml: string
  readonly relations: readonly Relation[]
  readonly dnsNames: readonly string[]
  /** Files on a volume (path → content), for PersistentVolumes and claims bound to one. */
  readonly files?: readonly { path: string; content: string }[]
}

function kubectl(sim: Simulation, argv: string[]): string {
  let text = ''
  runKubectl(argv, {
    sim,
    out: (s) => (text += s),
    err: (s) => (text += s),
    readFile: () => undefined,
    terminal: true,
  })
  return text
}

export function inspect(sim: Simulation, ref: ObjectRef): InspectorView {
  const store = sim.ctx.store
  const info = kindInfo(ref.kind)
  const ns = info?.namespaced ? (ref.namespace ?? 'default') : undefined
  const obj = store.get<KubeObject>(ref.kind, ns, ref.name)
  const resource = info?.resource ?? ref.kind.toLowerCase()
  const nsArgs = ns ? ['-n', ns] : []
  const view = {
    ref,
    exists: !!obj,
    describe: kubectl(sim, ['describe', resource, ref.name, ...nsArgs]),
    yaml: obj ? kubectl(sim, ['get', resource, ref.name, ...nsArgs, '-o', 'yaml']) : '',
  }
  if (!obj) return { ...view, relations: [], dnsNames: [] }
  const relations: Relation[] = []
  const rel = (label: string, kind: string, name: string | undefined, namespace = ns) => {
    if (name) relations.push({ label, ref: { kind, name, ...(namespace ? { namespace } : {}) } })
  }
  for (const owner of obj.metadata.ownerReferences ?? []) rel('Owner', owner.kind, owner.name)
  let volumeName: string | undefined
  switch (obj.kind) {
    case 'Pod': {
      const pod = obj as Pod
      rel('Node', 'Node', pod.spec.nodeName, undefined)
      for (const v of pod.spec.volumes ?? [])
        if (v.persistentVolumeClaim) rel('Claim', 'PersistentVolumeClaim', v.persistentVolumeClaim.claimName)
      break
    }
    case 'StatefulSet': {
      const set = obj as StatefulSet
      rel('Service', 'Service', set.spec.serviceName)
      for (const p of store.dependents<Pod>(obj.metadata.uid, 'Pod')) rel('Pod', 'Pod', p.metadata.name)
      break
    }
    case 'PersistentVolumeClaim': {
      const claim = obj as PersistentVolumeClaim
      volumeName = claim.spec.volumeName
      rel('Volume', 'PersistentVolume', volumeName, undefined)
      rel('StorageClass', 'StorageClass', claim.spec.storageClassName ?? undefined, undefined)
      for (const p of store.list<Pod>('Pod', ns)) {
        if (p.spec.volumes?.some((v) => v.persistentVolumeClaim?.claimName === claim.metadata.name))
          rel('Used by', 'Pod', p.metadata.name)
      }
      break
    }
    case 'PersistentVolume': {
      const pv = obj as PersistentVolume
      volumeName = pv.metadata.name
      rel('Claim', 'PersistentVolumeClaim', pv.spec.claimRef?.name, pv.spec.claimRef?.namespace)
      rel('StorageClass', 'StorageClass', pv.spec.storageClassName, undefined)
      break
    }
    case 'Service': {
      const svc = obj as Service
      for (const s of store.list<EndpointSlice>('EndpointSlice', ns)) {
        if (s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name)
          rel('EndpointSlice', 'EndpointSlice', s.metadata.name)
      }
      break
    }
  }
  return {
    ...view,
    relations,
    dnsNames: dnsNamesOf(sim, obj),
    ...(volumeName ? { files: volumeFiles(sim, volumeName) } : {}),
  }
}

/** The DNS names that answer with this pod's address right now (per-pod records of headless Services). */
function dnsNamesOf(sim: Simulation, obj: KubeObject): string[] {
  if (obj.kind !== 'Pod') return []
  const names: string[] = []
  for (const slice of sim.ctx.store.list<EndpointSlice>('EndpointSlice', obj.metadata.namespace)) {
    const svcName = slice.metadata.labels?.['kubernetes.io/service-name']
    const svc = svcName ? sim.ctx.store.get<Service>('Service', obj.metadata.namespace, svcName) : undefined
    if (svc?.spec.clusterIP !== 'None') continue
    for (const e of slice.endpoints) {
      if (e.targetRef?.uid === obj.metadata.uid && e.hostname && e.conditions.ready !== false) {
        names.push(`${e.hostname}.${svcName}.${obj.metadata.namespace}.svc.cluster.local`)
      }
    }
  }
  return names
}

function volumeFiles(sim: Simulation, pvName: string): { path: string; content: string }[] {
  const tree = sim.ctx.state.get('kubelet.fs', () => new Map<string, Tree>()).get(`pv:${pvName}`)
  const out: { path: string; content: string }[] = []
  const walk = (node: FsNode, path: string) => {
    if (node.kind === 'file') out.push({ path, content: node.content })
    else
      for (const [name, child] of Object.entries(node.children).sort(([a], [b]) => (a < b ? -1 : 1)))
        walk(child, `${path}/${name}`)
  }
  if (tree) walk(tree, '')
  return out
}
