// Owner: React owns the scrubber: a native range input (so it is a slider labelled "Time" for
// every assistive technology) from 0 to the furthest computed moment, plus the clock readout.
import { useRef, type CSSProperties } from 'react'
import { useTranslation } from 'react-i18next'
import { getAppStore, useActions, useApp } from '../../state/store'
import { ForkNote } from './ForkNote'
import { formatSimTime, spokenSimTime } from '../../i18n/formatTime'

export function Scrubber() {
  const now = useApp((s) => s.snapshot.now)
  const end = useApp((s) => s.snapshot.end)
  const { seek, pause, play } = useActions()
  const { t } = useTranslation()
  // Dragging pauses the clock like a video player does, and resumes it on release.
  const resume = useRef(false)
  const max = Math.max(end, 1)
  const fill = `${Math.min(100, (now / max) * 100).toFixed(2)}%`
  return (
    <div className="tb-scrubber">
      <span className="tb-clock" aria-hidden="true">
        <span className="tb-now">{formatSimTime(now)}</span>
        <span className="tb-sep">/</span>
        <span className="tb-end" title={t('time.endTitle')}>
          {formatSimTime(end)}
        </span>
      </span>
      <ForkNote />
      <input
        type="range"
        className="tb-range"
        aria-label={t('time.scrubber')}
        aria-valuetext={t('time.valueText', { now: spokenSimTime(now), end: spokenSimTime(end) })}
        aria-keyshortcuts="ArrowLeft ArrowRight Home End"
        min={0}
        max={max}
        step="any"
        value={now}
        style={{ '--fill': fill } as CSSProperties}
        onChange={(e) => seek(Number(e.target.value))}
        onPointerDown={() => {
          resume.current = getAppStore().getState().playing
          if (resume.current) pause()
        }}
        onPointerUp={() => {
          if (resume.current) play()
          resume.current = false
        }}
      />
    </div>
  )
}
