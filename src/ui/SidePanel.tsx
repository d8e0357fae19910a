// Owner: React. The left panel: the lessons, the manifest editor, or the inspector of the object
// selected in the cluster. Selecting an object switches to the inspector; starting a lesson to the
// lessons. The editor and the inspector stay mounted (hidden) so Monaco keeps its state; the
// lessons are mounted when shown, which is when their chunk is loaded (or at start-up when the
// page opens on a lesson).
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApp } from '../state/store'
import { EditorPanel } from './editor/EditorPanel'
import { Inspector } from './inspector/Inspector'
import { LessonsTab } from './lessons/Lessons'
import { startupLesson, useLesson } from './lessons/lessonStoreInstance'

type View = 'lessons' | 'manifest' | 'inspector'

export function SidePanel() {
  const selected = useApp((s) => s.selected)
  const lessonId = useLesson((s) => s.run?.lessonId)
  const [view, setView] = useState<View>(() => (startupLesson() ? 'lessons' : 'manifest'))
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
        {view === 'lessons' && <LessonsTab />}
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
