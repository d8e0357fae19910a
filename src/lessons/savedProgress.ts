// The lesson being taken, as stored across reloads. Its own module: start-up reads it to know that
// the lessons' chunk is needed, without loading that chunk to find out.
import type { KeyValueStorage } from '../state/persistence'
import type { LessonRun } from './progress'

const PROGRESS_KEY = 'ordinal.lesson'

export interface StoredProgress {
  version: 1
  lessonId: string
  step: number
  completed: string[]
}

type Storage = KeyValueStorage & { removeItem?(key: string): void }

export function saveProgress(storage: Storage | undefined, run: LessonRun | undefined): void {
  try {
    if (!run) storage?.removeItem?.(PROGRESS_KEY)
    else {
      const progress: StoredProgress = {
        version: 1,
        lessonId: run.lessonId,
        step: run.step,
        completed: [...run.completed],
      }
      storage?.setItem(PROGRESS_KEY, JSON.stringify(progress))
    }
  } catch {
    // storage full or disabled: progress lasts for this visit
  }
}

export function loadProgress(storage: Storage | undefined): StoredProgress | undefined {
  try {
    const raw = storage?.getItem(PROGRESS_KEY)
    if (!raw) return undefined
    const p = JSON.parse(raw) as Partial<StoredProgress>
    if (
      p.version !== 1 ||
      typeof p.lessonId !== 'string' ||
      typeof p.step !== 'number' ||
      !Array.isArray(p.completed)
    )
      return undefined
    return {
      version: 1,
      lessonId: p.lessonId,
      step: p.step,
      completed: p.completed.filter((x) => typeof x === 'string'),
    }
  } catch {
    return undefined
  }
}
