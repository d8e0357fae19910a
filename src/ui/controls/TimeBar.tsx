// Owner: React owns the time-control bar. Play/Pause, Step, Speed and the Time scrubber over the
// store's clock; every control reads only the slice it shows.
import { useTranslation } from 'react-i18next'
import { SPEEDS, useActions, useApp } from '../../state/store'
import { PauseIcon, PlayIcon, StepIcon } from './icons'
import { Scrubber } from './Scrubber'
import { useTimeKeys } from './useTimeKeys'

function PlayButton() {
  const playing = useApp((s) => s.playing)
  const { togglePlay } = useActions()
  const { t } = useTranslation()
  return (
    <button
      type="button"
      className="tb-button tb-play"
      onClick={togglePlay}
      aria-keyshortcuts="Space"
      title={playing ? t('time.pauseTitle') : t('time.playTitle')}
    >
      {playing ? <PauseIcon /> : <PlayIcon />}
      <span>{playing ? t('time.pause') : t('time.play')}</span>
    </button>
  )
}

function StepButton() {
  const { step } = useActions()
  const { t } = useTranslation()
  return (
    <button type="button" className="tb-button" onClick={step} title={t('time.stepTitle')}>
      <StepIcon />
      <span>{t('time.step')}</span>
    </button>
  )
}

function speedLabel(speed: number): string {
  return `${speed}×`
}

function SpeedControl() {
  const speed = useApp((s) => s.speed)
  const { setSpeed } = useActions()
  const { t } = useTranslation()
  return (
    <label className="tb-speed" title={t('time.speedTitle')}>
      <span>{t('time.speed')}</span>
      <select aria-label={t('time.speed')} value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {speedLabel(s)}
          </option>
        ))}
      </select>
    </label>
  )
}

/** Shown while the engine runs behind the chosen speed (see AppActions.frame): the clock is slower, not wrong. */
function LagNote() {
  const lagging = useApp((s) => s.lagging && s.playing)
  const { t } = useTranslation()
  return (
    <span className="tb-lag" role="status" title={lagging ? t('time.laggingTitle') : undefined}>
      {lagging ? t('time.lagging') : ''}
    </span>
  )
}

export function TimeBar() {
  useTimeKeys()
  const { t } = useTranslation()
  return (
    <section className="timebar" aria-label={t('time.control')}>
      <div className="tb-group">
        <PlayButton />
        <StepButton />
        <SpeedControl />
        <LagNote />
      </div>
      <Scrubber />
    </section>
  )
}
