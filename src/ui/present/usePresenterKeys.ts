// A presentation clicker's keys in presenter mode: PageDown builds the next piece of the lesson
// (runs the step's action, then moves on), PageUp goes back a step, `.` or `b` blanks the screen,
// Escape leaves presenter mode. Keys typed into a field (the console) are left alone.
import { useEffect } from 'react'
import { loadedLessonStore } from '../lessons/lessonStoreInstance'
import { pageMode } from './pageMode'

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName))
}

export function usePresenterKeys(active: boolean): void {
  useEffect(() => {
    if (!active) return
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || typing(e.target)) return
      // Until the lessons have loaded (presenter mode starts loading them) there is no step to move.
      const lessons = loadedLessonStore()?.getState().actions
      const mode = pageMode.getState()
      if (e.key === 'PageDown') lessons?.build()
      else if (e.key === 'PageUp') lessons?.previous()
      else if (e.key === '.' || e.key === 'b' || e.key === 'B') mode.toggleBlank()
      else if (e.key === 'Escape') {
        if (mode.blank) mode.toggleBlank()
        else mode.setPresent(false)
      } else return
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [active])
}
