// Texts and ids the kubelet writes into statuses and events: Go's time.Duration strings (the
// Pulled event, the CrashLoopBackOff message) and a stable fake image digest per image.

/** Go's time.Duration String for a whole number of milliseconds (`845ms`, `1.532s`, `1m2.5s`). */
export function goDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`
  const minutes = Math.floor(ms / 60000)
  const seconds = ((ms % 60000) / 1000).toFixed(3).replace(/\.?0+$/, '')
  return minutes > 0 ? `${minutes}m${seconds}s` : `${seconds}s`
}

export function formatBackoff(seconds: number): string {
  return seconds >= 60
    ? `${Math.floor(seconds / 60)}m${seconds % 60 ? `${seconds % 60}s` : '0s'}`
    : `${seconds}s`
}

const digests = new Map<string, string>()

/** A stable fake digest per image name (remembered: every container start needs one). */
export function imageDigest(image: string): string {
  let digest = digests.get(image)
  if (digest === undefined) digests.set(image, (digest = computeDigest(image)))
  return digest
}

function computeDigest(image: string): string {
  let h = 0x811c9dc5
  let out = ''
  for (let round = 0; round < 8; round++) {
    for (let i = 0; i < image.length; i++) h = Math.imul(h ^ image.charCodeAt(i), 0x01000193) >>> 0
    h = Math.imul(h ^ round, 0x01000193) >>> 0
    out += h.toString(16).padStart(8, '0')
  }
  return out
}
