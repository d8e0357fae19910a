// Owner: React owns the page shell: header, the side panel (lessons, editor, inspector), the
// cluster canvas, the time bar and the dock (console, events). Each region reads its own slice of
// the store. Presenter mode replaces the side panel with the lesson as large captions;
// embed mode drops the header for a slim bar that opens the full app.
import webYaml from '../examples/web.yaml?raw'
import { getAppStore, useActions, useApp } from '../state/store'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ClusterCanvas } from './canvas/ClusterCanvas'
import { ClusterTable } from './canvas/ClusterTable'
import { Dock } from './console/Dock'
import { DockResizer } from './console/DockResizer'
import { InfoIcon } from './controls/icons'
import { LanguageSwitch } from './LanguageSwitch'
import { TimeBar } from './controls/TimeBar'
import { Narrator } from './events/Narrator'
import { PanelBoundary } from './PanelBoundary'
import { SidePanel } from './SidePanel'
import { useClock } from './useClock'
import { BlankScreen, PresenterToggle } from './present/PresenterToggle'
import { PresenterCaptions } from './present/PresenterCaptions'
import { usePageMode } from './present/pageMode'
import { usePresenterKeys } from './present/usePresenterKeys'
import { EmbedBar } from './present/EmbedBar'
import './present/present.css'
import { useLesson } from './lessons/lessonStoreInstance'
import { awaitingAnswer } from '../lessons/progress'
import { configureStartup } from '../state/startup'
import { EXAMPLES } from './editor/examples'
import { ShareMenu } from './share/ShareMenu'

// The first visit opens with the lesson's example; a saved session brings back its own text.
// `?example=parallel` opens that example (startup.ts cannot import the bundled texts itself).
configureStartup({ exampleText: (id) => EXAMPLES.find((e) => e.id === id)?.text })
getAppStore(webYaml)

function Notice() {
  const notice = useApp((s) => s.notice)
  const { setNotice } = useActions()
  const { t } = useTranslation()
  if (!notice) return null
  return (
    <div className="app-notice" role="alert">
      <InfoIcon />
      <p>{notice}</p>
      <button type="button" className="control" onClick={() => setNotice(undefined)}>
        {t('app.dismiss')}
      </button>
    </div>
  )
}

/** The cluster as a table: always there for screen readers, shown on demand for everyone. */
function TableToggle() {
  const [visible, setVisible] = useState(false)
  const { t } = useTranslation()
  return (
    <>
      <button
        type="button"
        className="table-toggle"
        aria-pressed={visible}
        onClick={() => setVisible(!visible)}
      >
        {visible ? t('app.table.hide') : t('app.table.show')}
      </button>
      <ClusterTable visible={visible} />
    </>
  )
}

function Brand() {
  const { t } = useTranslation()
  return (
    <div className="brand">
      <span className="brand-mark" aria-hidden="true">
        <span>0</span>
        <span>1</span>
        <span>2</span>
      </span>
      <h1>Ordinal</h1>
      <p className="brand-tagline">{t('app.tagline')}</p>
    </div>
  )
}

/** Share links carry the lesson position too, so a shared lesson resumes at its step. */
function LessonShareMenu() {
  const lessonId = useLesson((s) => s.run?.lessonId)
  const step = useLesson((s) => s.run?.step)
  return <ShareMenu lesson={lessonId === undefined ? undefined : { id: lessonId, step: step ?? 0 }} />
}

export function App() {
  useClock()
  const { t } = useTranslation()
  const present = usePageMode((s) => s.present)
  const embed = usePageMode((s) => s.embed)
  usePresenterKeys(present)
  const predicting = useLesson((s) => !!s.run && awaitingAnswer(s.run))
  return (
    <div
      className="app"
      data-testid="app"
      data-present={present || undefined}
      data-embed={embed || undefined}
      data-predicting={predicting || undefined}
    >
      {embed && <EmbedBar />}
      <header className="app-header" hidden={embed}>
        <Brand />
        <p className="app-honesty">{t('app.honesty')}</p>
        <p className="app-keys" aria-hidden="true">
          <kbd>Space</kbd> {t('app.keys.playPause')} <kbd>←</kbd>
          <kbd>→</kbd> {t('app.keys.step')} <kbd>Home</kbd>
          <kbd>End</kbd>
        </p>
        <LessonShareMenu />
        <PresenterToggle />
        <LanguageSwitch />
      </header>
      <Notice />
      <div className="app-body">
        {present && <PresenterCaptions />}
        <aside className="app-side" aria-label={t('app.regions.side')} hidden={present}>
          <PanelBoundary name={t('app.panels.side')}>
            <SidePanel />
          </PanelBoundary>
        </aside>
        <div className="app-stage">
          <main className="app-canvas" aria-label={t('app.regions.cluster')}>
            <PanelBoundary name={t('app.panels.cluster')}>
              <ClusterCanvas />
              <TableToggle />
            </PanelBoundary>
          </main>
          <DockResizer />
          <PanelBoundary name={t('app.panels.time')}>
            <TimeBar />
          </PanelBoundary>
          <PanelBoundary name={t('app.panels.dock')}>
            <Dock />
          </PanelBoundary>
        </div>
      </div>
      <PanelBoundary name={t('app.panels.narration')}>
        <Narrator />
      </PanelBoundary>
      <BlankScreen />
    </div>
  )
}
