// Owner: React owns the bottom dock: the kubectl console and the event log as two tabs (WAI-ARIA
// tabs pattern: ←/→ move between tabs). Both panels stay mounted, so the console keeps its
// command line and scroll position while the events are shown.
import { useRef, useState, type KeyboardEvent } from 'react'
import { useActions, useApp } from '../../state/store'
import { EventLog } from '../events/EventLog'
import { Console } from './Console'

type Tab = 'console' | 'events'
const TABS: readonly Tab[] = ['console', 'events']

function EventsLabel() {
  const count = useApp((s) => s.snapshot.events.length)
  const warnings = useApp((s) => s.snapshot.events.reduce((n, e) => n + (e.type === 'Warning' ? 1 : 0), 0))
  return (
    <>
      Events <span className="dock-count">{count}</span>
      {warnings > 0 && (
        <span className="dock-warn" title={`${warnings} warning${warnings === 1 ? '' : 's'}`}>
          <span aria-hidden="true">⚠</span> {warnings}
          <span className="visually-hidden"> warnings</span>
        </span>
      )}
    </>
  )
}

function ConsoleLabel() {
  const running = useApp((s) => s.commandRunning)
  return (
    <>
      Console
      {running && (
        <span className="dock-live" title="A command is running">
          <span aria-hidden="true">●</span>
          <span className="visually-hidden"> (running)</span>
        </span>
      )}
    </>
  )
}

/** One console, or two side by side — the official tutorial keeps a watch open in a second terminal. */
function Consoles() {
  const split = useApp((s) => s.split)
  if (!split) return <Console />
  return (
    <div className="console-split">
      <Console />
      <Console pane={1} />
    </div>
  )
}

function SplitToggle() {
  const split = useApp((s) => s.split)
  const { toggleSplit } = useActions()
  return (
    <button
      type="button"
      className="dock-collapse"
      aria-pressed={split}
      onClick={toggleSplit}
      title="A second terminal, e.g. to keep `kubectl get pods -w` open while you act in the first"
    >
      {split ? 'Unsplit' : 'Split'}
    </button>
  )
}

export function Dock() {
  const [tab, setTab] = useState<Tab>('console')
  // Collapsed, only the tab row shows (a teacher gives the projector to the cluster).
  const [collapsed, setCollapsed] = useState(false)
  const show = (t: Tab) => {
    setTab(t)
    setCollapsed(false)
  }
  const refs = useRef<Record<Tab, HTMLButtonElement | null>>({ console: null, events: null })
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return
    e.preventDefault()
    const next = TABS[(TABS.indexOf(tab) + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!
    show(next)
    refs.current[next]?.focus()
  }
  return (
    <section className={`dock${collapsed ? ' dock--collapsed' : ''}`} aria-label="Console and events">
      <div className="dock-bar">
        <div className="dock-tabs" role="tablist" aria-label="Dock" onKeyDown={onKeyDown}>
          {TABS.map((t) => (
            <button
              key={t}
              ref={(el) => {
                refs.current[t] = el
              }}
              type="button"
              role="tab"
              id={`dock-tab-${t}`}
              aria-selected={tab === t}
              aria-controls={`dock-panel-${t}`}
              tabIndex={tab === t ? 0 : -1}
              className="dock-tab"
              onClick={() => show(t)}
            >
              {t === 'console' ? <ConsoleLabel /> : <EventsLabel />}
            </button>
          ))}
        </div>
        <SplitToggle />
        <button
          type="button"
          className="dock-collapse"
          aria-expanded={!collapsed}
          aria-controls="dock-panel-console dock-panel-events"
          onClick={() => setCollapsed(!collapsed)}
          title={
            collapsed
              ? 'Show the console and events'
              : 'Hide the console and events to give the cluster more room'
          }
        >
          <span aria-hidden="true">{collapsed ? '▴' : '▾'}</span> {collapsed ? 'Show' : 'Hide'}
        </button>
      </div>
      {TABS.map((t) => (
        <div
          key={t}
          role="tabpanel"
          id={`dock-panel-${t}`}
          aria-labelledby={`dock-tab-${t}`}
          hidden={collapsed || tab !== t}
          className="dock-panel"
        >
          {t === 'console' ? <Consoles /> : tab === 'events' && !collapsed && <EventLog />}
        </div>
      ))}
    </section>
  )
}
