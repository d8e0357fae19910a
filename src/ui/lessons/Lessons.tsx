// Where the page shows the lessons (the side panel's tab; presenter mode's captions use
// LessonsLoading too): a short "Loading lessons…" in their place until their chunk has loaded.
import { useTranslation } from 'react-i18next'
import { useLessons } from './lessonStoreInstance'
// Bundled with the page, not the chunk: the loading state wears the panel's styles.
import './lessons.css'

export function LessonsLoading({ failed }: { failed: boolean }) {
  const { t } = useTranslation('lessons')
  return (
    <p className="lesson-muted" role="status" data-testid="lessons-loading">
      {failed ? t('loadFailed') : t('loading')}
    </p>
  )
}

export function LessonsTab() {
  const { lessons, failed } = useLessons()
  if (lessons) return <lessons.LessonPanel />
  return (
    <div className="lesson-panel">
      <LessonsLoading failed={failed} />
    </div>
  )
}
