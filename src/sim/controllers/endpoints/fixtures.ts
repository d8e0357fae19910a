// Test fixtures for the endpoint controllers and DNS (imported by tests only): a cluster running
// just the two endpoint controllers, and pods created and progressed by hand as a kubelet would.
import type { Endpoints, EndpointSlice, Pod, Service, ServicePort } from '../../model'
import type { ApiServer } from '../../api/apiServer'
import { Simulation } from '../../simulation'
import { controllerComponent } from '../../components'
import { EndpointSliceController } from './endpointSliceController'
import { EndpointsController } from './endpointsController'

export function endpointsCluster(): Simulation {
  return new Simulation({
    components: (ctx) => [
      controllerComponent(new EndpointSliceController(ctx)),
      controllerComponent(new EndpointsController(ctx)),
    ],
  })
}

export interface ServiceOptions {
  namespace?: string
  headless?: boolean
  selector?: Record<string, string> | null
  ports?: ServicePort[]
  publishNotReadyAddresses?: boolean
  labels?: Record<string, string>
}

/** web.yaml's Service `nginx` by default: headless, port 80 named web, selector app=nginx. */
export function createService(api: ApiServer, name = 'nginx', o: ServiceOptions = {}): Service {
  const selector = o.selector === null ? undefined : (o.selector ?? { app: 'nginx' })
  return api.create<Service>({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: o.namespace ?? 'default', labels: o.labels ?? { app: 'nginx' } },
    spec: {
      ...(o.headless === false ? {} : { clusterIP: 'None' }),
      ...(selector ? { selector } : {}),
      ports: o.ports ?? [{ name: 'web', port: 80, protocol: 'TCP' }],
      ...(o.publishNotReadyAddresses ? { publishNotReadyAddresses: true } : {}),
    },
  })
}

export interface PodOptions {
  namespace?: string
  labels?: Record<string, string>
  /** Defaults to the pod name (as the StatefulSet controller sets it); null for none. */
  hostname?: string | null
  subdomain?: string | null
  nodeName?: string
  containerPorts?: { name?: string; containerPort: number }[]
}

/** A StatefulSet-style pod `web-N` of web.yaml: hostname = name, subdomain nginx, on node-1. */
export function createPod(api: ApiServer, name: string, o: PodOptions = {}): Pod {
  const hostname = o.hostname === null ? undefined : (o.hostname ?? name)
  const subdomain = o.subdomain === null ? undefined : (o.subdomain ?? 'nginx')
  return api.create<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: o.namespace ?? 'default', labels: o.labels ?? { app: 'nginx' } },
    spec: {
      containers: [
        {
          name: 'nginx',
          image: 'registry.k8s.io/nginx-slim:0.7',
          ports: o.containerPorts ?? [{ name: 'web', containerPort: 80 }],
        },
      ],
      ...(hostname ? { hostname } : {}),
      ...(subdomain ? { subdomain } : {}),
      nodeName: o.nodeName ?? 'node-1',
    },
    status: { phase: 'Pending' },
  })
}

/** What a kubelet reports: an IP once the sandbox is up, Ready once the probe passes. */
export function setPodStatus(
  api: ApiServer,
  name: string,
  s: { ip?: string; ready?: boolean; namespace?: string },
): Pod {
  const pod = api.get<Pod>('Pod', s.namespace ?? 'default', name)
  return api.updateStatus<Pod>({
    ...pod,
    status: {
      phase: s.ip ? 'Running' : 'Pending',
      ...(s.ip ? { podIP: s.ip, podIPs: [{ ip: s.ip }] } : {}),
      conditions: [{ type: 'Ready', status: s.ready ? 'True' : 'False' }],
    },
  })
}

/** Creates `web-N` and brings it to Running with `ip`, Ready unless told otherwise. */
export function runPod(
  api: ApiServer,
  name: string,
  ip: string,
  o: PodOptions & { ready?: boolean } = {},
): Pod {
  createPod(api, name, o)
  return setPodStatus(api, name, { ip, ready: o.ready ?? true, namespace: o.namespace })
}

/** Removes a pod object for good (what the kubelet's final delete does after the grace period). */
export function removePod(api: ApiServer, name: string, namespace = 'default'): void {
  api.delete('Pod', namespace, name, { gracePeriodSeconds: 0 })
}

export function slicesOf(sim: Simulation, service = 'nginx', namespace = 'default'): EndpointSlice[] {
  return sim.ctx.store
    .list<EndpointSlice>('EndpointSlice', namespace)
    .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === service)
}

export function endpointsOf(
  sim: Simulation,
  service = 'nginx',
  namespace = 'default',
): Endpoints | undefined {
  return sim.ctx.store.get<Endpoints>('Endpoints', namespace, service)
}
