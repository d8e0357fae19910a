// Port of pkg/controller/endpointslice/endpointslice_controller.go: for every Service with a
// selector, lists the matching pods as endpoints in EndpointSlices (the slice writing itself is
// sliceReconciler.ts, as k8s.io/endpointslice/reconciler.go). Simplified: IPv4 only; no topology
// hints, trafficDistribution or last-change-trigger-time annotation; pods are taken in name order
// where Kubernetes takes them in Go map order.
import type { Endpoint, EndpointSlicePort, Node, Pod, Service } from '../../model'
import type { WatchEvent } from '../../api/store'
import { objectKey } from '../../api/store'
import { Controller } from '../controller'
import {
  MANAGED_BY_LABEL,
  SERVICE_NAME_LABEL,
  endpointKey,
  findPort,
  isHeadless,
  isPodReady,
  podIPv4s,
  portMapKey,
  selectedPods,
  selectsPods,
  servicesToUpdateOnPodChange,
  shouldPodBeInEndpoints,
  shouldSetHostname,
} from './utils'
import { CONTROLLER_NAME, SliceReconciler, type DesiredGroup } from './sliceReconciler'

export const ZONE_LABEL = 'topology.kubernetes.io/zone'
/** client-go workqueue retry policy of the controller: 1 s doubling to 1000 s, 15 retries. */
const MAX_RETRIES = 15
const BASE_BACKOFF_MS = 1000
const MAX_BACKOFF_MS = 1_000_000

export class EndpointSliceController extends Controller {
  readonly name = 'endpointslice-controller'
  private readonly reconciler = new SliceReconciler(this.ctx)

  onWatch(e: WatchEvent): void {
    const obj = e.object
    if (obj.kind === 'Service') {
      this.enqueue(objectKey(obj.metadata.namespace, obj.metadata.name))
    } else if (obj.kind === 'Pod') {
      for (const key of servicesToUpdateOnPodChange(this.ctx.store, e)) this.enqueue(key)
    } else if (obj.kind === 'EndpointSlice' && e.type === 'DELETED') {
      // A managed slice deleted by someone else is recreated on the Service's next sync.
      const labels = obj.metadata.labels ?? {}
      const service = labels[SERVICE_NAME_LABEL]
      if (service && labels[MANAGED_BY_LABEL] === CONTROLLER_NAME) {
        this.enqueue(objectKey(obj.metadata.namespace, service))
      }
    }
  }

  sync(key: string): void {
    const [namespace, name] = key.split('/') as [string, string]
    const svc = this.ctx.store.get<Service>('Service', namespace, name)
    if (!svc) {
      // Kubernetes leaves this to the garbage collector (the slices are owned by the Service);
      // doing it here too keeps a cluster run without one consistent. Slices the collector
      // orphaned (`--cascade=orphan`) no longer name the Service as owner, and are kept.
      for (const slice of this.reconciler.managedSlices(namespace, name)) {
        const owned = slice.metadata.ownerReferences?.some((o) => o.kind === 'Service' && o.name === name)
        if (owned) this.reconciler.deleteSlice(slice)
      }
      this.forget(key)
      return
    }
    if (!selectsPods(svc)) return
    const { groups, skippedPods } = this.desiredEndpoints(svc)
    this.reconciler.reconcile(svc, this.reconciler.managedSlices(namespace, name), groups)
    if (skippedPods)
      this.retry(key, { baseMs: BASE_BACKOFF_MS, maxMs: MAX_BACKOFF_MS, maxRetries: MAX_RETRIES })
    else this.forget(key)
  }

  /**
   * The endpoints the Service should list, grouped by the ports they resolve to. Rebuilt from the
   * pods of the Service's namespace on every sync: O(pods), once per batch of changes.
   */
  private desiredEndpoints(svc: Service): { groups: Map<string, DesiredGroup>; skippedPods: boolean } {
    const groups = new Map<string, DesiredGroup>()
    let skippedPods = false
    // Without named target ports every pod resolves the ports alike: work them out once.
    const named = svc.spec.ports?.some((p) => typeof p.targetPort === 'string')
    const nodes = new Map<string, Node | undefined>()
    let shared: { ports: EndpointSlicePort[]; key: string } | undefined
    for (const pod of selectedPods(this.ctx.store, svc.metadata.namespace, svc.spec.selector ?? {})) {
      if (!shouldPodBeInEndpoints(pod, true)) continue
      let resolved = named ? undefined : shared
      if (!resolved) {
        const ports = endpointPorts(svc, pod)
        resolved = { ports, key: portMapKey(ports) }
        if (!named) shared = resolved
      }
      let group = groups.get(resolved.key)
      if (!group) groups.set(resolved.key, (group = { ports: resolved.ports, endpoints: new Map() }))
      const nodeName = pod.spec.nodeName ?? ''
      if (!nodes.has(nodeName)) nodes.set(nodeName, this.ctx.store.get<Node>('Node', undefined, nodeName))
      const node = nodes.get(nodeName)
      // A pod on a Node that does not exist is left out (and the Service retried), unless the
      // Service publishes not-ready addresses.
      if (!node && !svc.spec.publishNotReadyAddresses) {
        skippedPods = true
        continue
      }
      const endpoint = memoizedEndpoint(pod, node, svc)
      if (endpoint.addresses.length > 0) group.endpoints.set(endpointKey(endpoint), endpoint)
    }
    return { groups, skippedPods }
  }
}

/**
 * podToEndpoint results by pod object. Pods, Nodes and Services are immutable, so an entry holds
 * while the same three objects come back (and survives checkpoint restores unharmed); it spares
 * a sync from rebuilding thousands of unchanged endpoints.
 */
const endpointMemo = new WeakMap<Pod, { svc: Service; node: Node | undefined; endpoint: Endpoint }>()

function memoizedEndpoint(pod: Pod, node: Node | undefined, svc: Service): Endpoint {
  const hit = endpointMemo.get(pod)
  if (hit && hit.svc === svc && hit.node === node) return hit.endpoint
  const endpoint = podToEndpoint(pod, node, svc)
  endpointMemo.set(pod, { svc, node, endpoint })
  return endpoint
}

/** podToEndpoint: conditions as F53 (ready = publishNotReadyAddresses || (serving && !terminating)). */
export function podToEndpoint(pod: Pod, node: Node | undefined, svc: Service): Endpoint {
  const serving = isPodReady(pod)
  const terminating = !!pod.metadata.deletionTimestamp
  const ready = !!svc.spec.publishNotReadyAddresses || (serving && !terminating)
  const endpoint: Endpoint = {
    addresses: podIPv4s(pod),
    conditions: { ready, serving, terminating },
    targetRef: {
      kind: 'Pod',
      namespace: pod.metadata.namespace,
      name: pod.metadata.name,
      uid: pod.metadata.uid,
    },
  }
  if (shouldSetHostname(pod, svc)) endpoint.hostname = pod.spec.hostname
  if (pod.spec.nodeName) endpoint.nodeName = pod.spec.nodeName
  const zone = node?.metadata.labels?.[ZONE_LABEL]
  if (zone) endpoint.zone = zone
  return endpoint
}

/** getEndpointPorts: the Service's ports as this pod serves them; unresolvable named ports are left out. */
export function endpointPorts(svc: Service, pod: Pod): EndpointSlicePort[] {
  const ports: EndpointSlicePort[] = []
  if (!svc.spec.ports?.length && isHeadless(svc)) return ports
  for (const svcPort of svc.spec.ports ?? []) {
    const port = findPort(pod, svcPort)
    if (port === undefined) continue
    ports.push({ name: svcPort.name ?? '', port, protocol: svcPort.protocol ?? 'TCP' })
  }
  return ports
}
