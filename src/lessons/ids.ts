// The lessons' ids, in order: all the page knows of the lessons before their chunk is loaded
// (enough to tell whether a link or saved progress names a lesson). catalog.ts holds the lessons.
export const LESSON_IDS = ['topology', 'storage', 'comparison', 'updates', 'failures'] as const

export function isLessonId(id: string): boolean {
  return (LESSON_IDS as readonly string[]).includes(id)
}
