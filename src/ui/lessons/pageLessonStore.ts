// The page's lesson store, created beside the page's app store when the lessons' chunk loads; the
// lesson the page was opened with starts then.
import { useStore } from 'zustand'
import webYaml from '../../examples/web.yaml?raw'
import { createLessonStore, type LessonState, type LessonStore } from '../../state/lessonStore'
import { getAppStore } from '../../state/store'
import { browserStorage } from '../../state/persistentStore'
import { EXAMPLES } from '../editor/examples'
import { lessonById } from '../../lessons/catalog'
import { pageMode } from '../present/pageMode'
import { currentLaunch, launchLesson } from '../../state/startup'

export const lessonStore = createLessonStore(getAppStore(), {
  // An embedded lesson is a fresh visit every time and must not touch the app's own progress.
  storage: pageMode.getState().embed ? undefined : browserStorage(),
  exampleText: (id) => EXAMPLES.find((e) => e.id === id)?.text ?? '',
  untouchedText: webYaml,
})
startLaunchedLesson(lessonStore)

/**
 * The lesson the page was opened with: a shared link's lesson resumes at its step on the shared
 * cluster; `?lesson=storage&step=3` starts that lesson (unless it is already the one being taken).
 */
function startLaunchedLesson(store: LessonStore): void {
  const position = launchLesson()
  if (!position || !lessonById(position.id)) return
  const { actions, run } = store.getState()
  if (currentLaunch().share?.lesson) actions.resume(position.id, position.step)
  else if (run?.lessonId !== position.id) actions.start(position.id, position.step)
}

export function useLessonState<T>(selector: (s: LessonState) => T): T {
  return useStore(lessonStore, selector)
}

export function useLessonActions() {
  return useStore(lessonStore, (s) => s.actions)
}
