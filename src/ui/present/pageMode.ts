// How the page is shown: the full app, presenter mode (a classroom: large type, editor hidden,
// lesson text as captions, a clicker drives the steps) or embedded (chrome-less, in an iframe).
import { createStore } from 'zustand/vanilla'
import { useStore } from 'zustand'
import { currentLaunch } from '../../state/startup'

export interface PageMode {
  present: boolean
  /** The presenter blanked the screen (`.`), as on a slide projector. */
  blank: boolean
  embed: boolean
  setPresent(present: boolean): void
  toggleBlank(): void
}

/** Marks <html> so the root font size (everything is in rem) grows in presenter mode. */
function markRoot(present: boolean): void {
  if (typeof document !== 'undefined') document.documentElement.toggleAttribute('data-present', present)
}

export const pageMode = createStore<PageMode>()((set, get) => ({
  present: currentLaunch().present,
  blank: false,
  embed: currentLaunch().embed,
  setPresent: (present) => {
    markRoot(present)
    set({ present, blank: false })
  },
  toggleBlank: () => set({ blank: !get().blank }),
}))
markRoot(pageMode.getState().present)

export function usePageMode<T>(selector: (s: PageMode) => T): T {
  return useStore(pageMode, selector)
}
