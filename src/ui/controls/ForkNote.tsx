// Owner: React owns this note. When an action in the past forks the timeline, the scrubber's end
// jumps back; this says so for a few seconds, so the discarded future is not a mystery.
import { useEffect, useState } from 'react'
import { getAppStore } from '../../state/store'
import { ForkIcon } from './icons'
import { formatSimTime } from './formatTime'

const SHOW_MS = 5000

export function ForkNote() {
  const [forkedAt, setForkedAt] = useState<number | undefined>()
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const unsubscribe = getAppStore().subscribe((state, prev) => {
      if (state.snapshot.end >= prev.snapshot.end) return
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
    <span
      className="tb-fork"
      role="status"
      title="You acted in the past: the timeline continues from here and the old future was discarded."
    >
      <ForkIcon />
      Forked at {formatSimTime(forkedAt)}
      <span className="visually-hidden">: the old future was discarded</span>
    </span>
  )
}
