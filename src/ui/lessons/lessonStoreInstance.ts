// The lessons, loaded on demand: their content, the page's lesson store and the views that show
// them are one chunk (lessonsChunk.ts), fetched when a view needs it or, earlier, when the page
// opens on a lesson. Until it has loaded no lesson is being taken, which is all the header and the
// side panel's tabs need to know.
import { useEffect } from 'react'
import { useStore } from 'zustand'
import { createStore, type StoreApi } from 'zustand/vanilla'
import { isLessonId } from '../../lessons/ids'
import { loadProgress } from '../../lessons/savedProgress'
import type { LessonState, LessonStore } from '../../state/lessonStore'
import { browserStorage } from '../../state/persistentStore'
import { launchLesson } from '../../state/startup'
import { pageMode } from '../present/pageMode'

type LessonsChunk = typeof import('./lessonsChunk')

interface Loader {
  lessons?: LessonsChunk
  /** The last attempt failed (offline without the service worker's copy); a new view tries again. */
  failed: boolean
}

const loader = createStore<Loader>()(() => ({ failed: false }))
let loading: Promise<void> | undefined

/** Starts loading the lessons' chunk, unless it is loaded or on its way. */
export function loadLessons(): void {
  loading ??= import('./lessonsChunk').then(
    (lessons) => loader.setState({ lessons, failed: false }),
    () => {
      loading = undefined
      loader.setState({ failed: true })
    },
  )
}

/** The lesson the page opens on, if any: a link's, else the one in progress (an embed keeps none). */
export function startupLesson(): string | undefined {
  const saved = pageMode.getState().embed ? undefined : loadProgress(browserStorage())?.lessonId
  return [launchLesson()?.id, saved].find((id) => id !== undefined && isLessonId(id))
}

/** A lesson or presenter mode at start-up: the chunk is needed for the first screen. */
export function lessonsNeededAtStartup(): boolean {
  return startupLesson() !== undefined || pageMode.getState().present
}

/** For a view that shows the lessons: the chunk once loaded (loading starts when the view mounts). */
export function useLessons(): Loader {
  useEffect(loadLessons, [])
  return useStore(loader)
}

export function loadedLessonStore(): LessonStore | undefined {
  return loader.getState().lessons?.lessonStore
}

type LessonView = Pick<LessonState, 'run'>
const NO_LESSON: StoreApi<LessonView> = createStore<LessonView>()(() => ({}))

/** A slice of the lesson being taken; none before the lessons are loaded. */
export function useLesson<T>(selector: (s: LessonView) => T): T {
  const store = useStore(loader, (s) => s.lessons?.lessonStore)
  return useStore(store ?? NO_LESSON, selector)
}
