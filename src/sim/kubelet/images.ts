// What the simulator knows about container images: their size (pull time and the Pulled event),
// what their main process does when no command is given, and which shell flavour they carry.
// Unknown images behave like a generic long-running Debian-based server. A simplification the
// UI states: images are not downloaded or run, only their behaviour is modelled.

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
