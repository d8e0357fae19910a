// What the simulator knows about container images: their size (pull time and the Pulled event),
// what their main process does when no command is given, which shell flavour they carry, and
// whether a registry has them (imagePullError). Unknown images behave like a generic long-running
// Debian-based server. A simplification the UI states: images are not downloaded or run, only
// their behaviour is modelled.

export type ImageFlavour = 'busybox' | 'debian'

export interface ImageInfo {
  /** Bytes, as the Pulled event reports. */
  size: number
  flavour: ImageFlavour
  /** The default process: serves until stopped, or exits at once (busybox's `sh` with no stdin). */
  defaultProcess: 'server' | 'exit'
  /** TCP ports the default process listens on. */
  listens: number[]
  /** Seconds the default process takes to exit on SIGTERM; undefined = ignores it (PID 1 without a handler). */
  stopSeconds?: number
}

const NGINX: ImageInfo = {
  size: 17_964_010,
  flavour: 'debian',
  defaultProcess: 'server',
  listens: [80],
  stopSeconds: 0.3,
}

const CATALOGUE: Record<string, ImageInfo> = {
  'registry.k8s.io/nginx-slim': { ...NGINX, size: 5_646_456 },
  nginx: { ...NGINX, size: 72_099_501 },
  busybox: { size: 755_882, flavour: 'busybox', defaultProcess: 'exit', listens: [] },
}

const GENERIC: ImageInfo = {
  size: 50_000_000,
  flavour: 'debian',
  defaultProcess: 'server',
  listens: [],
  stopSeconds: 0.5,
}

/** The repository part of an image reference: `registry.k8s.io/nginx-slim:0.7` → `registry.k8s.io/nginx-slim`. */
export function imageRepository(image: string): string {
  const withoutDigest = image.split('@')[0]!
  const lastSlash = withoutDigest.lastIndexOf('/')
  const colon = withoutDigest.lastIndexOf(':')
  const repo = colon > lastSlash ? withoutDigest.slice(0, colon) : withoutDigest
  return repo.replace(/^docker\.io\/(library\/)?/, '')
}

export function imageInfo(image: string): ImageInfo {
  const repo = imageRepository(image)
  if (CATALOGUE[repo]) return CATALOGUE[repo]
  if (repo.endsWith('/nginx') || repo.includes('nginx')) return NGINX
  if (repo.endsWith('busybox')) return CATALOGUE.busybox!
  return GENERIC
}

const normalized = new Map<string, string>()

/** A fully-qualified reference as container statuses show it (`docker.io/library/busybox:1.28`). */
export function normalizedImage(image: string): string {
  let n = normalized.get(image)
  if (n === undefined) normalized.set(image, (n = normalize(image)))
  return n
}

function normalize(image: string): string {
  const repo = image.split('@')[0]!
  const lastSlash = repo.lastIndexOf('/')
  const hasTag = repo.lastIndexOf(':') > lastSlash
  const tagged = hasTag ? repo : `${repo}:latest`
  const firstPart = tagged.split('/')[0]!
  if (
    tagged.includes('/') &&
    (firstPart.includes('.') || firstPart.includes(':') || firstPart === 'localhost')
  )
    return tagged
  return tagged.includes('/') ? `docker.io/${tagged}` : `docker.io/library/${tagged}`
}

/** Tags the catalogue repositories publish; any other tag of theirs does not exist. */
const PUBLISHED_TAGS: Record<string, (tag: string) => boolean> = {
  // registry.k8s.io/nginx-slim: 0.1 … 0.27 (the tutorials use 0.7, 0.8, 0.21, 0.24).
  'registry.k8s.io/nginx-slim': (t) => inRange(/^0\.(\d+)$/.exec(t)?.[1], 1, 27),
  // Docker Hub nginx: named tags, and 1.N[.P] up to 1.29 with the official variants.
  nginx: (t) =>
    ['latest', 'stable', 'mainline', 'alpine', 'alpine-slim', 'perl', 'bookworm', 'otel'].includes(t) ||
    inRange(
      /^1\.(\d+)(\.\d+)?(-(alpine|alpine-slim|alpine-perl|perl|bookworm|bookworm-perl|otel))?$/.exec(t)?.[1],
      0,
      29,
    ),
  // Docker Hub busybox: named tags, and 1.N[.P] up to 1.37 with the libc variants.
  busybox: (t) =>
    ['latest', 'stable', 'musl', 'glibc', 'uclibc'].includes(t) ||
    inRange(/^1\.(\d+)(\.\d+)?(-(musl|glibc|uclibc))?$/.exec(t)?.[1], 0, 37),
}

/** Words that mark an image as one no registry has (`nginx:does-not-exist`, `example/nonexistent`). */
const MISSING_MARKERS = [
  'doesnotexist',
  'does-not-exist',
  'nonexistent',
  'non-existent',
  'notfound',
  'not-found',
]

function inRange(n: string | undefined, min: number, max: number): boolean {
  return n !== undefined && Number(n) >= min && Number(n) <= max
}

/**
 * Why pulling `image` fails, as containerd reports it through the CRI (the kubelet's `Failed to
 * pull image` text), or undefined when the registry has it. The simulator's rule: a catalogue
 * repository (nginx, busybox, registry.k8s.io/nginx-slim) has only its published tags; any image
 * whose repository or tag contains a marker word such as `does-not-exist` or `nonexistent` is
 * missing; every other image pulls. References by digest always pull.
 */
export function imagePullError(image: string): string | undefined {
  if (image.includes('@')) return undefined
  const repo = imageRepository(image)
  const lastSlash = image.lastIndexOf('/')
  const colon = image.lastIndexOf(':')
  const tag = colon > lastSlash ? image.slice(colon + 1) : 'latest'
  const ref = normalizedImage(image)
  const prefix = `failed to pull and unpack image "${ref}": failed to resolve reference "${ref}"`
  const marked = (text: string) => MISSING_MARKERS.some((m) => text.toLowerCase().includes(m))
  if (marked(repo))
    return `rpc error: code = Unknown desc = ${prefix}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`
  const published = PUBLISHED_TAGS[repo]
  if (marked(tag) || (published && !published(tag)))
    return `rpc error: code = NotFound desc = ${prefix}: ${ref}: not found`
  return undefined
}
