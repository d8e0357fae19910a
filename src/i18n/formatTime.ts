// Simulated time as the page shows and speaks it: `mm:ss` (minutes keep counting past an hour).
import { t } from './i18n'

/** `00:00`, `01:05`, `75:30` for simulated milliseconds (truncated to the second). */
export function formatSimTime(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const minutes = Math.floor(total / 60)
  const seconds = total % 60
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`
}

/** How a screen reader should say a simulated time: `1 minute 5 seconds` (in the page's language). */
export function spokenSimTime(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const minutes = Math.floor(total / 60)
  const seconds = total % 60
  const s = t('time.seconds', { count: seconds })
  return minutes
    ? t('time.minutesSeconds', { minutes: t('time.minutes', { count: minutes }), seconds: s })
    : s
}
