// Port of k8s.io/endpointslice/reconciler.go: turns the desired endpoints of a Service into slice
// creates, updates and deletes — keeping endpoints in the slice they are already in, filling
// slices up to 100 endpoints, keeping one empty placeholder slice when there is nothing to list,
// and writing only the slices whose content changed.
import type { Endpoint, EndpointSlice, EndpointSlicePort, KubeObject, Manifest, Service } from '../../model'
import type { SimContext } from '../../simContext'
import {
  HEADLESS_LABEL,
  MANAGED_BY_LABEL,
  SERVICE_NAME_LABEL,
  endpointKey,
  endpointsEqual,
  isHeadless,
  portMapKey,
  sameLabels,
} from './utils'

export const CONTROLLER_NAME = 'endpointslice-controller.k8s.io'
export const MAX_ENDPOINTS_PER_SLICE = 100

/** The endpoints that resolve the Service's ports the same way, keyed by endpointKey, in pod order. */
export interface DesiredGroup {
  ports: EndpointSlicePort[]
  endpoints: Map<string, Endpoint>
}

/** A slice to write: `base` is the stored slice it replaces (absent for a new one). */
interface SliceDraft {
  base?: EndpointSlice
  ports: EndpointSlicePort[]
  endpoints: Endpoint[]
}

export class SliceReconciler {
  constructor(private readonly ctx: SimContext) {}

  /** The slices this controller manages for the Service `namespace/name`, by name. */
  managedSlices(namespace: string, name: string): EndpointSlice[] {
    const out: EndpointSlice[] = []
    for (const slice of this.ctx.store.scan<EndpointSlice>('EndpointSlice', namespace)) {
      const labels = slice.metadata.labels ?? {}
      if (labels[SERVICE_NAME_LABEL] === name && labels[MANAGED_BY_LABEL] === CONTROLLER_NAME) out.push(slice)
    }
    return out.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))
  }

  /** Reconcile: afterwards the Service's slices list exactly `groups` (or one placeholder). */
  reconcile(svc: Service, existing: EndpointSlice[], groups: Map<string, DesiredGroup>): void {
    const toCreate: SliceDraft[] = []
    const toUpdate: SliceDraft[] = []
    const toDelete: EndpointSlice[] = []
    const byPorts = new Map<string, EndpointSlice[]>()
    for (const slice of existing) {
      if (!ownedBy(slice, svc)) toDelete.push(slice)
      else byPorts.set(portMapKey(slice.ports), [...(byPorts.get(portMapKey(slice.ports)) ?? []), slice])
    }
    const labels = sliceLabels(svc)
    for (const [key, group] of groups) {
      const r = this.reconcileByPortMapping(byPorts.get(key) ?? [], group, labels)
      toCreate.push(...r.toCreate)
      toUpdate.push(...r.toUpdate)
      toDelete.push(...r.toDelete)
    }
    for (const [key, slices] of byPorts) if (!groups.has(key)) toDelete.push(...slices)
    // When no slice would be left, a placeholder with no endpoints and no ports stands in.
    if (existing.length === toDelete.length && toCreate.length === 0) {
      if (toDelete.length === 1 && isPlaceholder(toDelete[0]!, svc, labels)) toDelete.length = 0
      else toCreate.push({ ports: [], endpoints: [] })
    }
    this.finalize(svc, labels, toCreate, toUpdate, toDelete)
  }

  private reconcileByPortMapping(
    slices: EndpointSlice[],
    group: DesiredGroup,
    labels: Record<string, string>,
  ): { toCreate: SliceDraft[]; toUpdate: SliceDraft[]; toDelete: EndpointSlice[] } {
    const desired = new Map(group.endpoints)
    const toUpdate = new Map<string, SliceDraft>()
    const toDelete: EndpointSlice[] = []
    const unchanged: EndpointSlice[] = []
    // 1. Keep desired endpoints where they are (in their new version); drop the others.
    for (const slice of slices) {
      const kept: Endpoint[] = []
      let changed = false
      for (const ep of slice.endpoints ?? []) {
        const key = endpointKey(ep)
        const want = desired.get(key)
        if (!want) continue
        kept.push(want)
        if (!endpointsEqual(want, ep)) changed = true
        desired.delete(key)
      }
      if (changed || kept.length !== (slice.endpoints ?? []).length) {
        if (kept.length === 0) toDelete.push(slice)
        else toUpdate.set(slice.metadata.name, { base: slice, ports: group.ports, endpoints: kept })
      } else if (!sameLabels(slice.metadata.labels, labels)) {
        toUpdate.set(slice.metadata.name, { base: slice, ports: group.ports, endpoints: kept })
      } else unchanged.push(slice)
    }
    const take = (draft: SliceDraft) => {
      for (const [key, ep] of desired) {
        if (draft.endpoints.length >= MAX_ENDPOINTS_PER_SLICE) break
        draft.endpoints.push(ep)
        desired.delete(key)
      }
    }
    // 2. Fill the slices being updated anyway, fullest first.
    if (desired.size > 0) {
      for (const d of [...toUpdate.values()].sort((a, b) => b.endpoints.length - a.endpoints.length)) take(d)
    }
    // 3. Put what is left into the unchanged slice it fits best, or into new slices.
    const toCreate: SliceDraft[] = []
    while (desired.size > 0) {
      const fill = desired.size < MAX_ENDPOINTS_PER_SLICE ? sliceToFill(unchanged, desired.size) : undefined
      let draft: SliceDraft
      if (fill) {
        unchanged.splice(unchanged.indexOf(fill), 1)
        draft = { base: fill, ports: group.ports, endpoints: [...fill.endpoints] }
        toUpdate.set(fill.metadata.name, draft)
      } else toCreate.push((draft = { ports: group.ports, endpoints: [] }))
      take(draft)
    }
    return { toCreate, toUpdate: [...toUpdate.values()], toDelete }
  }

  private finalize(
    svc: Service,
    labels: Record<string, string>,
    toCreate: SliceDraft[],
    toUpdate: SliceDraft[],
    toDelete: EndpointSlice[],
  ): void {
    // A slice about to be deleted is reused for one about to be created: names stay stable.
    for (let i = 0; i < toDelete.length && toCreate.length > 0;) {
      if (ownedBy(toDelete[i]!, svc)) {
        toUpdate.push({ ...toCreate.pop()!, base: toDelete[i] })
        toDelete.splice(i, 1)
      } else i++
    }
    // No new slices for a Service being deleted: the garbage collector would race them.
    if (!svc.metadata.deletionTimestamp) {
      for (const d of toCreate) this.ctx.api.create<EndpointSlice>(sliceManifest(svc, labels, d))
    }
    for (const d of toUpdate)
      this.ctx.api.update<EndpointSlice>(sliceManifest(svc, labels, d) as EndpointSlice)
    for (const slice of toDelete) this.deleteSlice(slice)
  }

  /** Deletes a slice, tolerating one that is already gone. */
  deleteSlice(slice: EndpointSlice): void {
    if (this.ctx.store.get('EndpointSlice', slice.metadata.namespace, slice.metadata.name)) {
      this.ctx.api.delete('EndpointSlice', slice.metadata.namespace, slice.metadata.name)
    }
  }
}

/** setEndpointSliceLabels: the Service's labels, the headless marker, and the two reserved labels. */
function sliceLabels(svc: Service): Record<string, string> {
  const labels: Record<string, string> = {}
  for (const [k, v] of Object.entries(svc.metadata.labels ?? {})) {
    if (k !== SERVICE_NAME_LABEL && k !== MANAGED_BY_LABEL && k !== HEADLESS_LABEL) labels[k] = v
  }
  if (isHeadless(svc)) labels[HEADLESS_LABEL] = ''
  labels[SERVICE_NAME_LABEL] = svc.metadata.name
  labels[MANAGED_BY_LABEL] = CONTROLLER_NAME
  return labels
}

function ownedBy(slice: KubeObject, svc: Service): boolean {
  return (slice.metadata.ownerReferences ?? []).some(
    (o) => o.uid === svc.metadata.uid && o.kind === 'Service' && o.apiVersion === 'v1',
  )
}

function isPlaceholder(slice: EndpointSlice, svc: Service, labels: Record<string, string>): boolean {
  return (
    ownedBy(slice, svc) &&
    sameLabels(slice.metadata.labels, labels) &&
    slice.addressType === 'IPv4' &&
    (slice.endpoints ?? []).length === 0 &&
    (slice.ports ?? []).length === 0
  )
}

/** getSliceToFill: the unchanged slice left closest to full after taking `n` more endpoints. */
function sliceToFill(slices: EndpointSlice[], n: number): EndpointSlice | undefined {
  let closestDiff = MAX_ENDPOINTS_PER_SLICE
  let closest: EndpointSlice | undefined
  for (const slice of slices) {
    const diff = MAX_ENDPOINTS_PER_SLICE - (n + slice.endpoints.length)
    if (diff >= 0 && diff < closestDiff) {
      closestDiff = diff
      closest = slice
      if (diff === 0) break
    }
  }
  return closest
}

/**
 * newEndpointSlice / an update of `base`. Empty port lists are stored as null, as the API serves
 * them after its storage round trip.
 */
function sliceManifest(svc: Service, labels: Record<string, string>, d: SliceDraft): Manifest<EndpointSlice> {
  const metadata = d.base
    ? { ...d.base.metadata, labels }
    : {
        generateName: `${svc.metadata.name}-`,
        namespace: svc.metadata.namespace,
        labels,
        ownerReferences: [
          {
            apiVersion: 'v1',
            kind: 'Service',
            name: svc.metadata.name,
            uid: svc.metadata.uid,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      }
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata,
    addressType: 'IPv4',
    endpoints: d.endpoints,
    ports: d.ports.length > 0 ? d.ports : null,
  }
}
