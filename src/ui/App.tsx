// Owner: React owns the page shell: header, the editor's side panel, the cluster canvas, the time
// bar and the dock (console, events). Each region reads its own slice of the store.
import webYaml from '../examples/web.yaml?raw'
import { getAppStore, useActions, useApp } from '../state/store'
import { useState } from 'react'
import { ClusterCanvas } from './canvas/ClusterCanvas'
import { ClusterTable } from './canvas/ClusterTable'
import { Dock } from './console/Dock'
import { DockResizer } from './console/DockResizer'
import { InfoIcon } from './controls/icons'
import { TimeBar } from './controls/TimeBar'
import { Narrator } from './events/Narrator'
import { PanelBoundary } from './PanelBoundary'
import { SidePanel } from './SidePanel'
import { useClock } from './useClock'

// The first visit opens with the lesson's example; a saved session brings back its own text.
getAppStore(webYaml)

function Notice() {
  const notice = useApp((s) => s.notice)
  const { setNotice } = useActions()
  if (!notice) return null
  return (
    <div className="app-notice" role="alert">
      <InfoIcon />
      <p>{notice}</p>
      <button type="button" onClick={() => setNotice(undefined)}>
        Dismiss
      </button>
    </div>
  )
}

/** The cluster as a table: always there for screen readers, shown on demand for everyone. */
function TableToggle() {
  const [visible, setVisible] = useState(false)
  return (
    <>
      <button
        type="button"
        className="table-toggle"
        aria-pressed={visible}
        onClick={() => setVisible(!visible)}
      >
        {visible ? 'Hide table' : 'Table view'}
      </button>
      <ClusterTable visible={visible} />
    </>
  )
}

function Brand() {
  return (
    <div className="brand">
      <span className="brand-mark" aria-hidden="true">
        <span>0</span>
        <span>1</span>
        <span>2</span>
      </span>
      <h1>Ordinal</h1>
      <p className="brand-tagline">Learn Kubernetes StatefulSets by simulation</p>
    </div>
  )
}

export function App() {
  useClock()
  return (
    <div className="app" data-testid="app">
      <header className="app-header">
        <Brand />
        <p className="app-honesty">
          A simulated cluster: what happens, and in what order, follows Kubernetes; timings are simplified.
        </p>
        <p className="app-keys" aria-hidden="true">
          <kbd>Space</kbd> play/pause <kbd>←</kbd>
          <kbd>→</kbd> ±1 s <kbd>Home</kbd>
          <kbd>End</kbd>
        </p>
      </header>
      <Notice />
      <div className="app-body">
        <aside className="app-side" aria-label="Manifest editor and inspector">
          <PanelBoundary name="Manifest and Inspector">
            <SidePanel />
          </PanelBoundary>
        </aside>
        <div className="app-stage">
          <main className="app-canvas" aria-label="Cluster">
            <PanelBoundary name="Cluster">
              <ClusterCanvas />
              <TableToggle />
            </PanelBoundary>
          </main>
          <DockResizer />
          <PanelBoundary name="Time">
            <TimeBar />
          </PanelBoundary>
          <PanelBoundary name="Console and Events">
            <Dock />
          </PanelBoundary>
        </div>
      </div>
      <PanelBoundary name="Narration">
        <Narrator />
      </PanelBoundary>
    </div>
  )
}
