// Owner: React. The left panel: the lessons, the manifest editor, or the inspector of the object
// selected in the cluster. Selecting an object switches to the inspector; starting a lesson to the
// lessons; every view stays mounted (hidden) so Monaco keeps its state.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApp } from '../state/store'
import { EditorPanel } from './editor/EditorPanel'
import { Inspector } from './inspector/Inspector'
import { LessonPanel } from './lessons/LessonPanel'
import { useLesson } from './lessons/lessonStoreInstance'

type View = 'lessons' | 'manifest' | 'inspector'

export function SidePanel() {
  const selected = useApp((s) => s.selected)
  const lessonId = useLesson((s) => s.run?.lessonId)
  const [view, setView] = useState<View>(lessonId ? 'lessons' : 'manifest')
  const { t } = useTranslation()
  const { t: tl } = useTranslation('lessons')
  // A new selection switches to the inspector (adjusting state while rendering, as React advises).
  const [seen, setSeen] = useState(selected)
  if (selected !== seen) {
    setSeen(selected)
    if (selected) setView('inspector')
  }
  const [seenLesson, setSeenLesson] = useState(lessonId)
  if (lessonId !== seenLesson) {
    setSeenLesson(lessonId)
    if (lessonId) setView('lessons')
  }
  return (
    <>
      <div role="tablist" aria-label={t('side.tabs')} className="side-tabs">
        <button
          type="button"
          role="tab"
          aria-selected={view === 'lessons'}
          onClick={() => setView('lessons')}
          data-testid="lessons-tab"
        >
          {tl('tab')}
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={view === 'manifest'}
          onClick={() => setView('manifest')}
        >
          {t('side.manifest')}
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={view === 'inspector'}
          onClick={() => setView('inspector')}
        >
          {selected ? t('side.inspectorOf', { name: selected.name }) : t('side.inspector')}
        </button>
      </div>
      <div className="side-view" hidden={view !== 'lessons'}>
        <LessonPanel />
      </div>
      <div className="side-view" hidden={view !== 'manifest'}>
        <EditorPanel />
      </div>
      <div className="side-view" hidden={view !== 'inspector'}>
        <Inspector />
      </div>
    </>
  )
}
