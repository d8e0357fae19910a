// Owner: React owns the bottom dock: the kubectl console and the event log as two tabs (WAI-ARIA
// tabs pattern: ←/→ move between tabs). Both panels stay mounted, so the console keeps its
// command line and scroll position while the events are shown.
import { useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Event } from '../../sim/model'
import { useActions, useApp } from '../../state/store'
import { EventLog } from '../events/EventLog'
import { Console } from './Console'

type Tab = 'console' | 'events'
const TABS: readonly Tab[] = ['console', 'events']

/** Per events list (a snapshot's): the selector runs on every store update, the list changes less often. */
const warningsIn = new WeakMap<readonly Event[], number>()
function warningCount(events: readonly Event[]): number {
  let n = warningsIn.get(events)
  if (n === undefined)
    warningsIn.set(events, (n = events.reduce((c, e) => c + (e.type === 'Warning' ? 1 : 0), 0)))
  return n
}

function EventsLabel() {
  const count = useApp((s) => s.snapshot.events.length)
  const warnings = useApp((s) => warningCount(s.snapshot.events))
  const { t } = useTranslation()
  return (
    <>
      {t('dock.events')} <span className="dock-count">{count}</span>
      {warnings > 0 && (
        <span className="dock-warn" title={t('dock.warnings', { count: warnings })}>
          <span aria-hidden="true">⚠</span> {warnings}
          <span className="visually-hidden">{t('dock.warningsHidden', { count: warnings })}</span>
        </span>
      )}
    </>
  )
}

function ConsoleLabel() {
  const running = useApp((s) => s.commandRunning)
  const { t } = useTranslation()
  return (
    <>
      {t('dock.console')}
      {running && (
        <span className="dock-live" title={t('dock.running')}>
          <span aria-hidden="true">●</span>
          <span className="visually-hidden">{t('dock.runningHidden')}</span>
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
  const { t } = useTranslation()
  return (
    <button
      type="button"
      className="dock-collapse"
      aria-pressed={split}
      onClick={toggleSplit}
      title={t('dock.splitTitle')}
    >
      {split ? t('dock.unsplit') : t('dock.split')}
    </button>
  )
}

export function Dock() {
  const [tab, setTab] = useState<Tab>('console')
  // Collapsed, only the tab row shows (a teacher gives the projector to the cluster).
  const [collapsed, setCollapsed] = useState(false)
  const { t } = useTranslation()
  const show = (next: Tab) => {
    setTab(next)
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
    <section className={`dock${collapsed ? ' dock--collapsed' : ''}`} aria-label={t('dock.label')}>
      <div className="dock-bar">
        <div className="dock-tabs" role="tablist" aria-label={t('dock.tabs')} onKeyDown={onKeyDown}>
          {TABS.map((name) => (
            <button
              key={name}
              ref={(el) => {
                refs.current[name] = el
              }}
              type="button"
              role="tab"
              id={`dock-tab-${name}`}
              aria-selected={tab === name}
              aria-controls={`dock-panel-${name}`}
              tabIndex={tab === name ? 0 : -1}
              className="dock-tab"
              onClick={() => show(name)}
            >
              {name === 'console' ? <ConsoleLabel /> : <EventsLabel />}
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
          title={collapsed ? t('dock.showTitle') : t('dock.hideTitle')}
        >
          <span aria-hidden="true">{collapsed ? '▴' : '▾'}</span>{' '}
          {collapsed ? t('dock.show') : t('dock.hide')}
        </button>
      </div>
      {TABS.map((name) => (
        <div
          key={name}
          role="tabpanel"
          id={`dock-panel-${name}`}
          aria-labelledby={`dock-tab-${name}`}
          hidden={collapsed || tab !== name}
          className="dock-panel"
        >
          {name === 'console' ? <Consoles /> : tab === 'events' && !collapsed && <EventLog />}
        </div>
      ))}
    </section>
  )
}
