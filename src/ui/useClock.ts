// The page's only real-time loop: each animation frame hands the real milliseconds since the last
// one to the store, which advances simulated time by that × speed while playing (within a per-frame
// engine budget: see AppActions.frame). A hidden tab gets no frames and, on return, does not jump
// ahead by the time it was away.
import { useEffect } from 'react'
import { getAppStore } from '../state/store'

export function useClock(): void {
  useEffect(() => {
    const { actions } = getAppStore().getState()
    let frame = 0
    let last: number | undefined
    const loop = (time: number) => {
      if (last !== undefined) actions.frame(time - last)
      last = time
      frame = requestAnimationFrame(loop)
    }
    const start = () => {
      cancelAnimationFrame(frame)
      last = undefined
      frame = requestAnimationFrame(loop)
    }
    const onVisibility = () => {
      if (document.hidden) cancelAnimationFrame(frame)
      else start()
    }
    if (!document.hidden) start()
    document.addEventListener('visibilitychange', onVisibility)
    return () => {
      cancelAnimationFrame(frame)
      document.removeEventListener('visibilitychange', onVisibility)
    }
  }, [])
}
