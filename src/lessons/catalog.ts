// The lessons, in the order a newcomer takes them.
import type { Lesson } from './lesson'
import { topologyLesson } from './topology'
import { storageLesson } from './storage'
import { comparisonLesson } from './comparison'
import { updatesLesson } from './updates'
import { failuresLesson } from './failures'

export const LESSONS: readonly Lesson[] = [
  topologyLesson,
  storageLesson,
  comparisonLesson,
  updatesLesson,
  failuresLesson,
]

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id)
}
