// Presenter mode's captions, in the side panel's place: the lessons' (LessonCaptions, in their
// chunk), with "Loading lessons…" until it has loaded.
import { LessonsLoading } from '../lessons/Lessons'
import { useLessons } from '../lessons/lessonStoreInstance'

export function PresenterCaptions() {
  const { lessons, failed } = useLessons()
  if (lessons) return <lessons.LessonCaptions />
  return (
    <div className="presenter-captions" data-testid="presenter-captions">
      <LessonsLoading failed={failed} />
    </div>
  )
}
