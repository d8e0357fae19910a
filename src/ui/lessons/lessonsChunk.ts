// The lessons' chunk, loaded by lessonStoreInstance.ts: the lessons (steps, texts in both
// languages, checks), the page's lesson store and the views that show them.
export { lessonStore } from './pageLessonStore'
export { LessonPanel } from './LessonPanel'
export { LessonCaptions } from '../present/LessonCaptions'
