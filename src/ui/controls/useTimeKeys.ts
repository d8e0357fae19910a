// Keyboard shortcuts for time, as a media player has them: Space plays or pauses, ←/→ move one
// second of simulated time, Home/End jump to the start and to the furthest computed moment.
// They stay out of the way of text fields, the editor and any control that uses the key itself.
import { useEffect } from 'react'
import { getAppStore } from '../../state/store'

const TEXT_ENTRY =
  'input:not([type=range]), textarea, select, [contenteditable]:not([contenteditable=false]), [role=textbox], .monaco-editor'
/** Elements where Space already means "press" and arrows may mean "move within". */
const OWN_SPACE = 'button, a[href], summary, [role=button], [role=tab], [role=checkbox], [role=menuitem]'
const OWN_ARROWS = '[role=tablist], [role=menu], [role=listbox], [role=grid], [role=tree], [role=radiogroup]'

function handledBy(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof Element)) return false
  if (target.closest(TEXT_ENTRY)) return true
  if (key === ' ' && target.closest(OWN_SPACE)) return true
  return key.startsWith('Arrow') && target.closest(OWN_ARROWS) !== null
}

export function useTimeKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return
      if (handledBy(e.target, e.key)) return
      const { snapshot, actions } = getAppStore().getState()
      const moveTo = (t: number) => actions.seek(Math.min(Math.max(0, t), snapshot.end))
      const stride = e.shiftKey ? 10_000 : 1_000
      switch (e.key) {
        case ' ':
          actions.togglePlay()
          break
        case 'ArrowLeft':
          moveTo(snapshot.now - stride)
          break
        case 'ArrowRight':
          moveTo(snapshot.now + stride)
          break
        case 'Home':
          moveTo(0)
          break
        case 'End':
          moveTo(snapshot.end)
          break
        default:
          return
      }
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
