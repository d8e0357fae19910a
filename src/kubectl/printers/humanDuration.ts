// apimachinery pkg/util/duration HumanDuration, and the printers' translateTimestampSince.
// Durations are milliseconds; Go's integer truncation (toward zero) is kept exactly.
import { EPOCH_MS } from '../../sim/runtime/time'

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

/** `19s`, `2m5s`, `45m`, `3h20m`, `13h`, `5d2h`, `200d`, `3y20d`, `<invalid>` — HumanDuration(d). */
export function humanDuration(ms: number): string {
  // A deviation of up to 2s (excluded) is tolerated as "now", as the Go code does for clock skew.
  const seconds = Math.trunc(ms / SECOND)
  if (seconds < -1) return '<invalid>'
  if (seconds < 0) return '0s'
  if (seconds < 60 * 2) return `${seconds}s`
  const minutes = Math.trunc(ms / MINUTE)
  if (minutes < 10) {
    const s = seconds % 60
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`
  }
  if (minutes < 60 * 3) return `${minutes}m`
  const hours = Math.trunc(ms / HOUR)
  if (hours < 8) {
    const m = minutes % 60
    return m === 0 ? `${hours}h` : `${hours}h${m}m`
  }
  if (hours < 48) return `${hours}h`
  if (hours < 24 * 8) {
    const h = hours % 24
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365
    const y = Math.trunc(hours / 24 / 365)
    return dy === 0 ? `${y}y` : `${y}y${dy}d`
  }
  return `${Math.trunc(hours / 24 / 365)}y`
}

/** Wall-clock milliseconds of an RFC 3339 timestamp, or undefined for a missing/zero one. */
export function parseTimestamp(ts: string | null | undefined): number | undefined {
  if (!ts) return undefined
  const ms = Date.parse(ts)
  return Number.isNaN(ms) ? undefined : ms
}

/**
 * Age of `ts` at simulated time `nowMs` (printers.go translateTimestampSince): `<unknown>` when the
 * timestamp is missing, as kubectl prints for a zero time. Timestamps are wall time, so the
 * simulation epoch is added to `nowMs`.
 */
export function translateTimestampSince(ts: string | null | undefined, nowMs: number): string {
  const t = parseTimestamp(ts)
  return t === undefined ? '<unknown>' : ageOf(t, nowMs)
}

/** HumanDuration of the time between wall-clock `wallMs` and simulated `nowMs`. */
export function ageOf(wallMs: number, nowMs: number): string {
  return humanDuration(EPOCH_MS + nowMs - wallMs)
}
