// Simulated wall time. The simulation starts at a fixed instant so transcripts are stable;
// Kubernetes timestamps have one-second resolution (RFC 3339, no fraction).

export const EPOCH_MS = Date.UTC(2026, 0, 1, 9, 0, 0)

let lastSecond = NaN
let lastText = ''

export function timestamp(simMs: number): string {
  const second = Math.floor(simMs / 1000)
  if (second !== lastSecond) {
    lastSecond = second
    lastText = new Date(EPOCH_MS + second * 1000).toISOString().replace('.000Z', 'Z')
  }
  return lastText
}

let lastParsedText = ''
let lastParsedMs = NaN

/** Simulated milliseconds of an RFC 3339 timestamp written by `timestamp`. */
export function simTimeOf(ts: string): number {
  // Most reads are of the timestamp just written (one-second resolution): parse each text once.
  if (ts !== lastParsedText) {
    lastParsedText = ts
    lastParsedMs = Date.parse(ts) - EPOCH_MS
  }
  return lastParsedMs
}
