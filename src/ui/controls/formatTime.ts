// Simulated time as the scrubber shows it: `mm:ss` (minutes keep counting past an hour).

/** `00:00`, `01:05`, `75:30` for simulated milliseconds (truncated to the second). */
export function formatSimTime(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const minutes = Math.floor(total / 60)
  const seconds = total % 60
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`
}

/** How a screen reader should say a simulated time: `1 minute 5 seconds`. */
export function spokenSimTime(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const minutes = Math.floor(total / 60)
  const seconds = total % 60
  const s = `${seconds} second${seconds === 1 ? '' : 's'}`
  return minutes ? `${minutes} minute${minutes === 1 ? '' : 's'} ${s}` : s
}
