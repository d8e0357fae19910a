// Owner: React owns this note. When an action in the past forks the timeline, the scrubber's end
// jumps back; this says so for a few seconds, so the discarded future is not a mystery.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { getAppStore } from '../../state/store'
import { ForkIcon } from './icons'
import { formatSimTime } from '../../i18n/formatTime'

const SHOW_MS = 5000

export function ForkNote() {
  const [forkedAt, setForkedAt] = useState<number | undefined>()
  const { t } = useTranslation()
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const unsubscribe = getAppStore().subscribe((state, prev) => {
      if (state.snapshot.end >= prev.snapshot.end || state.sessionId !== prev.sessionId) return
      setForkedAt(state.snapshot.end)
      clearTimeout(timer)
      timer = setTimeout(() => setForkedAt(undefined), SHOW_MS)
    })
    return () => {
      unsubscribe()
      clearTimeout(timer)
    }
  }, [])
  if (forkedAt === undefined) return null
  return (
    <span className="tb-fork" role="status" title={t('time.forkTitle')}>
      <ForkIcon />
      {t('time.forkedAt', { time: formatSimTime(forkedAt) })}
      <span className="visually-hidden">{t('time.forkDiscarded')}</span>
    </span>
  )
}
