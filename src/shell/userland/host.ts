// What the programs in a container need from outside the container: who it is (hostname,
// environment), the cluster's DNS (nslookup) and network (curl, wget). The kubelet implements
// this; the applets never reach into the simulation themselves.

/** busybox images (busybox, alpine) or Debian/Ubuntu images with coreutils and dash. */
export type Flavour = 'busybox' | 'debian'

export interface ProcessOutput {
  readonly stdout: string
  readonly stderr: string
  readonly exitCode: number
}

export interface HttpRequest {
  readonly scheme: 'http' | 'https'
  readonly host: string
  readonly port: number
  /** Path and query as sent, starting with `/`. */
  readonly path: string
}

export type HttpResult =
  | {
      readonly kind: 'response'
      readonly status: number
      /** The reason phrase (`Forbidden`), as curl -f and wget quote it. */
      readonly reason: string
      readonly body: string
      /** The IP address connected to. */
      readonly address: string
      /** The Location header of a redirect, which curl -L follows. */
      readonly location?: string
    }
  /** The name did not resolve (curl exit 6). */
  | { readonly kind: 'unresolved' }
  /** Nothing listens there (curl exit 7). */
  | { readonly kind: 'refused'; readonly address: string }
  /** Packets go nowhere, e.g. a Service IP with no endpoints behind a dropping rule. */
  | { readonly kind: 'timeout'; readonly address: string }

export interface ContainerHost {
  /** The pod's hostname (`web-0`). */
  readonly hostname: string
  /** What `hostname -f` prints: the name /etc/hosts maps the pod IP to (`web-0.nginx.default.svc.cluster.local`). */
  readonly fqdn: string
  /** For `hostname -i`. */
  readonly podIP?: string
  /** The container's environment, in the order `env` prints it. */
  readonly env: Readonly<Record<string, string>>
  readonly resolver: { nslookup(args: readonly string[]): ProcessOutput }
  http(request: HttpRequest): HttpResult
  /** `kubectl exec -t`: programs see a terminal (curl hides its progress meter, ls prints columns). */
  readonly tty?: boolean
  /** Simulated time in ms, for `ls -l` dates. */
  readonly now?: number
}
