// viewModel(snapshot): everything the cluster canvas draws, as a pure function of one snapshot
// (so pausing or scrubbing draws the exact state). Identity is the slot: each StatefulSet gets
// slots for ordinals start..start+max(replicas, existing pods)-1 plus any ordinal whose claims
// survive; a slot holds its current tenant pod, its DNS record and its claims with their volumes.
import type { ClusterSnapshot } from '../state/clusterSession'
import type { PersistentVolumeClaim } from '../sim/model'
import { serviceTable } from '../kubectl/printers/columns/network'
import { formatLabelMap } from '../kubectl/printers/columns/util'
import { isHeadless, serviceDns, serviceFqdn, type ServiceDns } from './dns'
import type { CanvasModel, PodView, ServiceView, SetView, VolumeView } from './model'
import { claimView, incarnations, nodeView, podView, storageClassView, volumeView } from './objectViews'
import { setView, type SetContext } from './setView'
import { deploymentView } from './deploymentView'

const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease'])
const byName = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)

export function viewModel(snapshot: ClusterSnapshot): CanvasModel {
  const now = snapshot.now
  const born = incarnations(snapshot.events)
  const pods = snapshot.pods.map((p) =>
    podView(p, now, born.get(`${p.metadata.namespace ?? 'default'}/${p.metadata.name}`) ?? 1),
  )
  const podByUid = new Map(pods.map((p) => [p.uid, p]))
  const controllerOf = new Map(
    snapshot.pods.map((p) => [p.metadata.uid, p.metadata.ownerReferences?.find((r) => r.controller)?.uid]),
  )

  const dns = new Map<string, ServiceDns>()
  const notHeadless = new Set<string>()
  const services: ServiceView[] = []
  for (const svc of snapshot.services) {
    const ns = svc.metadata.namespace ?? 'default'
    if (SYSTEM_NAMESPACES.has(ns) || (ns === 'default' && svc.metadata.name === 'kubernetes')) continue
    const d = serviceDns(svc, snapshot.endpointSlices)
    dns.set(`${ns}/${svc.metadata.name}`, d)
    if (!isHeadless(svc)) notHeadless.add(`${ns}/${svc.metadata.name}`)
    const [, type = '', clusterIP = '', , ports = ''] = serviceTable.row(svc, now)
    const portNames = (svc.spec.ports ?? []).map(
      (p) => `${p.port}/${p.protocol ?? 'TCP'}${p.name ? ` (${p.name})` : ''}`,
    )
    services.push({
      key: `${ns}/${svc.metadata.name}`,
      name: svc.metadata.name,
      namespace: ns,
      headless: isHeadless(svc),
      status: `${type} ${clusterIP}`,
      type,
      clusterIP,
      selector: formatLabelMap(svc.spec.selector),
      ports: portNames.join(', ') || ports,
      fqdn: serviceFqdn(svc),
      records: d.records,
    })
  }

  const volumes = new Map(snapshot.volumes.map((pv) => [pv.metadata.name, volumeView(pv, now)]))
  const usedVolumes = new Set<string>()
  const usedClaims = new Set<string>()
  const volumeOf = (pvc: PersistentVolumeClaim): VolumeView | undefined => {
    const v = pvc.spec.volumeName ? volumes.get(pvc.spec.volumeName) : undefined
    if (v) usedVolumes.add(v.key)
    return v
  }
  const claims = new Map(
    snapshot.claims.map((c) => [`${c.metadata.namespace ?? 'default'}/${c.metadata.name}`, c]),
  )

  const nodes = snapshot.nodes
    .map((n) => nodeView(n, now, pods, snapshot.stoppedNodes.includes(n.metadata.name)))
    .sort(byName)
  const unreachable = new Set(
    nodes.filter((n) => n.stopped || !n.status.startsWith('Ready')).map((n) => n.name),
  )
  // Keyed namespace/name: sets of one name in two namespaces make revisions of one name.
  const revisionNumbers = new Map(snapshot.controllerRevisions.map((r) => [keyOf(r), r.revision]))
  const usedPods = new Set<string>()
  const sets: SetView[] = [...snapshot.statefulSets]
    .sort((a, b) => byName({ key: keyOf(a) }, { key: keyOf(b) }))
    .map((set) => {
      const ctx: SetContext = {
        now,
        podByUid,
        controllerOf,
        dns,
        notHeadless,
        claims,
        volumeOf,
        revisionNumbers,
        unreachable,
      }
      const view = setView(set, ctx)
      for (const s of view.slots) {
        if (s.pod) usedPods.add(s.pod.uid)
        for (const c of s.claims) usedClaims.add(c.key)
      }
      return view
    })

  const podsByOwner = new Map<string, PodView[]>()
  for (const p of pods) {
    const owner = controllerOf.get(p.uid)
    if (!owner || usedPods.has(p.uid)) continue
    let owned = podsByOwner.get(owner)
    if (!owned) podsByOwner.set(owner, (owned = []))
    owned.push(p)
  }
  const deployments = [...snapshot.deployments]
    .sort((a, b) => byName({ key: keyOf(a) }, { key: keyOf(b) }))
    .map((d) => {
      const view = deploymentView(d, {
        now,
        replicaSets: snapshot.replicaSets,
        podsByOwner,
        claims,
        volumeOf,
      })
      for (const rs of view.replicaSets) for (const p of rs.pods) usedPods.add(p.uid)
      for (const c of view.claims) usedClaims.add(c.key)
      return view
    })

  const standalone = [...claims.entries()]
    .filter(([key]) => !usedClaims.has(key))
    .map(([, pvc]) => claimView(pvc, now, { volume: volumeOf(pvc) }))
    .sort(byName)
  const mountedBy = new Map(pods.flatMap((p) => p.claimKeys.map((k) => [k, p] as const)))
  const looseClaims = standalone.map((c) => ({ ...c, orphaned: false, forPod: mountedBy.get(c.key)?.name }))

  return {
    now,
    services: services.sort(byName),
    sets,
    deployments,
    loosePods: pods.filter((p) => !usedPods.has(p.uid)).sort((a, b) => (a.name < b.name ? -1 : 1)),
    claims: looseClaims,
    volumes: [...volumes.values()].filter((v) => !usedVolumes.has(v.key)).sort(byName),
    storageClasses: snapshot.storageClasses.map(storageClassView).sort(byName),
    nodes,
  }
}

const keyOf = (o: { metadata: { namespace?: string; name: string } }) =>
  `${o.metadata.namespace ?? 'default'}/${o.metadata.name}`
