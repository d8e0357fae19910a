// Runs a command inside a simulated container: builds the container's filesystem (its own
// writable layer plus its mounted volumes, persisted in engine state so files on a PV outlive
// pods), the host services its programs use (hostname, DNS through the cluster's resolver,
// HTTP to nginx in this or another pod), and hands over to the image's applets.
import type { Container, PersistentVolumeClaim, Pod, Service } from '../model'
import type { SimContext } from '../simContext'
import { CLUSTER_DOMAIN, DNS_SERVICE_IP } from '../bootstrap'
import { DnsResolver, searchPath } from '../dns/resolver'
import { nslookup, type HostsEntry } from '../dns/nslookup'
import { nginxResponse } from '../../shell/userland/nginx'
import type { ContainerHost, HttpRequest, HttpResult } from '../../shell/userland'
import { commandsForImage, execInContainer, imageRootTree, type ImageProfile } from './containerCommands'
import {
  buildTree,
  createMountedFileSystem,
  type Mount,
  type MountedFileSystem,
  type Tree,
} from './filesystem'
import { containerProcess, listeningPorts } from './containerProcess'

export interface ExecResult {
  stdout: string
  stderr: string
  exitCode: number
  /** The runtime could not start the program (stderr holds kubectl's whole error line). */
  startFailed?: boolean
}

/** Argv the kubelet's HTTP prober uses to ask the container's nginx for a path; exit code = HTTP status. */
export const HTTP_GET = '__http_get__'

function trees(ctx: SimContext): Map<string, Tree> {
  return ctx.state.get('kubelet.fs', () => new Map<string, Tree>())
}

/** The key of a volume's files: the PV for claims (data outlives pods), else the pod's own. */
function volumeTreeId(ctx: SimContext, pod: Pod, volumeName: string): string | undefined {
  const volume = pod.spec.volumes?.find((v) => v.name === volumeName)
  if (!volume) return undefined
  if (volume.persistentVolumeClaim) {
    const claim = ctx.store.get<PersistentVolumeClaim>(
      'PersistentVolumeClaim',
      pod.metadata.namespace,
      volume.persistentVolumeClaim.claimName,
    )
    return claim?.spec.volumeName ? `pv:${claim.spec.volumeName}` : undefined
  }
  return `pod:${pod.metadata.uid}/${volumeName}`
}

export function hostname(pod: Pod): string {
  return pod.spec.hostname ?? pod.metadata.name
}

export function fqdn(pod: Pod): string {
  return pod.spec.subdomain
    ? `${hostname(pod)}.${pod.spec.subdomain}.${pod.metadata.namespace}.svc.${CLUSTER_DOMAIN}`
    : hostname(pod)
}

function hostsEntries(pod: Pod): HostsEntry[] {
  const entries: HostsEntry[] = [{ ip: '127.0.0.1', names: ['localhost'] }]
  if (pod.status.podIP)
    entries.push({
      ip: pod.status.podIP,
      names: pod.spec.subdomain ? [fqdn(pod), hostname(pod)] : [hostname(pod)],
    })
  return entries
}

function hostsFile(pod: Pod): string {
  const lines = [
    '# Kubernetes-managed hosts file.',
    '127.0.0.1\tlocalhost',
    '::1\tlocalhost ip6-localhost ip6-loopback',
    'fe00::0\tip6-localnet',
    'fe00::0\tip6-mcastprefix',
    'fe00::1\tip6-allnodes',
    'fe00::2\tip6-allrouters',
  ]
  if (pod.status.podIP)
    lines.push(
      `${pod.status.podIP}\t${pod.spec.subdomain ? `${fqdn(pod)}\t${hostname(pod)}` : hostname(pod)}`,
    )
  return lines.join('\n') + '\n'
}

function resolvConf(pod: Pod): string {
  return `search ${searchPath(pod.metadata.namespace ?? 'default').join(' ')}\nnameserver ${DNS_SERVICE_IP}\noptions ndots:5\n`
}

/** The container's view of files: its writable layer (seeded from the image on first use) and its volume mounts. */
export function containerFileSystem(
  ctx: SimContext,
  pod: Pod,
  container: Container,
): { fs: MountedFileSystem; profile: ImageProfile } {
  const profile = commandsForImage(container.image ?? '')
  const store = trees(ctx)
  const rootId = `container:${pod.metadata.uid}/${container.name}`
  let root = store.get(rootId)
  if (!root) {
    root = imageRootTree(
      profile,
      { hostname: hostname(pod), hosts: hostsFile(pod), resolvConf: resolvConf(pod) },
      ctx.queue.now,
    )
    store.set(rootId, root)
  }
  const mounts: Mount[] = []
  for (const m of container.volumeMounts ?? []) {
    const id = volumeTreeId(ctx, pod, m.name)
    if (!id) continue
    let tree = store.get(id)
    if (!tree) store.set(id, (tree = buildTree({}, ctx.queue.now)))
    mounts.push({ id, path: m.mountPath, tree, ...(m.readOnly ? { readOnly: true } : {}) })
  }
  const fs = createMountedFileSystem({
    root: { id: rootId, tree: root },
    mounts,
    now: () => ctx.queue.now,
    onChange: (id, tree) => store.set(id, tree),
  })
  return { fs, profile }
}

export function runInContainer(
  ctx: SimContext,
  pod: Pod,
  container: Container,
  argv: string[],
  stdin: string,
): ExecResult {
  const { fs, profile } = containerFileSystem(ctx, pod, container)
  if (argv[0] === HTTP_GET) {
    const r = nginxResponse(fs, argv[1] ?? '/', profile.nginxVersion ?? '1.27.3')
    return { stdout: r.body, stderr: '', exitCode: r.status }
  }
  const host = containerHost(ctx, pod, container)
  const result = execInContainer(argv, host, fs, profile, { stdin, execId: execId(ctx) })
  return {
    stdout: result.stdout,
    stderr: result.stderr,
    exitCode: result.exitCode,
    startFailed: result.startFailed,
  }
}

function execId(ctx: SimContext): string {
  let id = ''
  for (let i = 0; i < 8; i++) id += ctx.rng.next().toString(16).padStart(8, '0')
  return id
}

function containerHost(ctx: SimContext, pod: Pod, container: Container): ContainerHost {
  const resolver = new DnsResolver(ctx.store)
  const env: Record<string, string> = {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    HOSTNAME: hostname(pod),
    ...serviceEnv(ctx, pod.metadata.namespace ?? 'default'),
    ...Object.fromEntries((container.env ?? []).map((e) => [e.name, e.value ?? ''])),
    HOME: '/root',
  }
  return {
    hostname: hostname(pod),
    fqdn: fqdn(pod),
    ...(pod.status.podIP ? { podIP: pod.status.podIP } : {}),
    env,
    now: ctx.queue.now,
    resolver: {
      nslookup: (args) =>
        nslookup(args, resolver, pod.metadata.namespace ?? 'default', { hosts: hostsEntries(pod) }),
    },
    http: (request) => httpRequest(ctx, resolver, pod, request),
  }
}

/** The Docker-link-style variables of the Services in the namespace (enableServiceLinks). */
function serviceEnv(ctx: SimContext, namespace: string): Record<string, string> {
  const env: Record<string, string> = {}
  for (const svc of ctx.store.list<Service>('Service', namespace)) {
    const ip = svc.spec.clusterIP
    const port = svc.spec.ports?.[0]
    if (!ip || ip === 'None' || !port) continue
    const name = svc.metadata.name.toUpperCase().replace(/-/g, '_')
    env[`${name}_SERVICE_HOST`] = ip
    env[`${name}_SERVICE_PORT`] = String(port.port)
  }
  return env
}

/** An HTTP GET from `from`: localhost, a pod IP, or a name resolved through cluster DNS. */
function httpRequest(ctx: SimContext, resolver: DnsResolver, from: Pod, request: HttpRequest): HttpResult {
  let address: string
  if (request.host === 'localhost' || request.host === '127.0.0.1') address = from.status.podIP ?? '127.0.0.1'
  else {
    const r = resolver.resolve(request.host, searchPath(from.metadata.namespace ?? 'default'))
    if (!r.addresses.length) return { kind: 'unresolved' }
    address = r.addresses[0]!
  }
  const target =
    request.host === 'localhost' || request.host === '127.0.0.1'
      ? from
      : podServing(ctx, address, request.port)
  if (!target) return { kind: 'refused', address }
  const container = target.spec.containers.find((c) =>
    listeningPorts(containerProcess(c)).includes(request.port),
  )
  if (!container || !target.status.containerStatuses?.find((s) => s.name === container.name)?.state.running)
    return { kind: 'refused', address }
  const { fs, profile } = containerFileSystem(ctx, target, container)
  const r = nginxResponse(fs, request.path, profile.nginxVersion ?? '1.27.3', request.host)
  return {
    kind: 'response',
    status: r.status,
    reason: r.reason,
    body: r.body,
    address,
    ...(r.location ? { location: r.location } : {}),
  }
}

/** The pod behind an address: a pod IP, or a ClusterIP Service's first ready endpoint. */
function podServing(ctx: SimContext, address: string, port: number): Pod | undefined {
  for (const pod of ctx.store.scan<Pod>('Pod')) if (pod.status.podIP === address) return pod
  const svc = ctx.store.list<Service>('Service').find((s) => s.spec.clusterIP === address)
  if (!svc) return undefined
  const servicePort = svc.spec.ports?.find((p) => p.port === port)
  if (!servicePort) return undefined
  return ctx.store
    .list<Pod>('Pod', svc.metadata.namespace)
    .find(
      (p) =>
        Object.entries(svc.spec.selector ?? {}).every(([k, v]) => p.metadata.labels?.[k] === v) &&
        p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'),
    )
}
