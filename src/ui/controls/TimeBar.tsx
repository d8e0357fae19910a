// Owner: React owns the time-control bar. Play/Pause, Step, Speed and the Time scrubber over the
// store's clock; every control reads only the slice it shows.
import { SPEEDS, useActions, useApp } from '../../state/store'
import { PauseIcon, PlayIcon, StepIcon } from './icons'
import { Scrubber } from './Scrubber'
import { useTimeKeys } from './useTimeKeys'

function PlayButton() {
  const playing = useApp((s) => s.playing)
  const { togglePlay } = useActions()
  return (
    <button
      type="button"
      className="tb-button tb-play"
      onClick={togglePlay}
      aria-keyshortcuts="Space"
      title={playing ? 'Pause simulated time (Space)' : 'Play simulated time (Space)'}
    >
      {playing ? <PauseIcon /> : <PlayIcon />}
      <span>{playing ? 'Pause' : 'Play'}</span>
    </button>
  )
}

function StepButton() {
  const { step } = useActions()
  return (
    <button
      type="button"
      className="tb-button"
      onClick={step}
      title="Pause and jump to the next change in the cluster"
    >
      <StepIcon />
      <span>Step</span>
    </button>
  )
}

function speedLabel(speed: number): string {
  return `${speed}×`
}

function SpeedControl() {
  const speed = useApp((s) => s.speed)
  const { setSpeed } = useActions()
  return (
    <label className="tb-speed" title="How fast simulated time runs (1× is Kubernetes-realistic)">
      <span>Speed</span>
      <select aria-label="Speed" value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {speedLabel(s)}
          </option>
        ))}
      </select>
    </label>
  )
}

export function TimeBar() {
  useTimeKeys()
  return (
    <section className="timebar" aria-label="Time control">
      <div className="tb-group">
        <PlayButton />
        <StepButton />
        <SpeedControl />
      </div>
      <Scrubber />
    </section>
  )
}
