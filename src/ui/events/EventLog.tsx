// Owner: React owns the event log: the cluster's events as `kubectl get events` shows them,
// newest first, each with why it happened; clicking one moves the clock to it.
import { memo, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import { useActions, useApp } from '../../state/store'
import { formatSimTime } from '../../i18n/formatTime'
import { eventRows, type EventRow } from './eventRows'

/** Rows drawn at most (the newest); older ones are counted, not drawn. */
const LIMIT = 200

interface RowProps {
  row: EventRow
  current: boolean
  onJump: (row: EventRow) => void
}

/** Rows are rebuilt every simulated second; only those whose text changed re-render. */
const sameRow = (a: RowProps, b: RowProps) =>
  a.current === b.current &&
  a.onJump === b.onJump &&
  a.row.uid === b.row.uid &&
  a.row.lastSeen === b.row.lastSeen &&
  a.row.count === b.row.count &&
  a.row.at === b.row.at &&
  a.row.why === b.row.why

const Row = memo(function Row({ row, current, onJump }: RowProps) {
  const warning = row.type === 'Warning'
  const { t } = useTranslation()
  // One tbody per event: the kubectl columns on the first row, the "why" under them on the second.
  return (
    <tbody
      className={`ev-row${warning ? ' ev-warning' : ''}${current ? ' ev-current' : ''}`}
      onClick={() => onJump(row)}
      data-reason={row.reason}
    >
      <tr>
        <td className="ev-seen" rowSpan={2}>
          <button
            type="button"
            className="ev-jump"
            aria-label={t('events.jump', {
              time: formatSimTime(row.at),
              reason: row.reason,
              object: row.object,
            })}
            title={t('events.jumpTitle', { time: formatSimTime(row.at) })}
          >
            {row.lastSeen}
          </button>
        </td>
        <td className="ev-type">
          <span className="ev-badge">
            <span aria-hidden="true">{warning ? '⚠' : 'ℹ'}</span> {row.type}
          </span>
        </td>
        <td className="ev-reason">{row.reason}</td>
        <td className="ev-object">
          {/* kind/name may break after the slash: claim names are long. */}
          {row.object.includes('/') ? (
            <>
              {row.object.slice(0, row.object.indexOf('/') + 1)}
              <wbr />
              {row.object.slice(row.object.indexOf('/') + 1)}
            </>
          ) : (
            row.object
          )}
        </td>
        <td className="ev-message">
          {row.message}
          {row.count > 1 && <span className="ev-count"> ×{row.count}</span>}
        </td>
      </tr>
      <tr>
        <td className="ev-why" colSpan={4}>
          <span className="visually-hidden">{t('events.why')}</span>
          {row.why}
        </td>
      </tr>
    </tbody>
  )
}, sameRow)

export function EventLog() {
  const events = useApp(useShallow((s) => s.snapshot.events))
  const statefulSets = useApp(useShallow((s) => s.snapshot.statefulSets))
  // LAST SEEN changes with the clock at one-second resolution (timestamps have whole seconds).
  const second = useApp((s) => Math.floor(s.snapshot.now / 1000))
  const { seek } = useActions()
  const [warningsOnly, setWarningsOnly] = useState(false)
  const { t, i18n } = useTranslation()
  const [current, setCurrent] = useState<string | undefined>()
  // The store's seek stops at the end of the timeline, so rows need not know where it is.
  const rows = useMemo(
    () => eventRows(events, statefulSets, { now: second * 1000, end: Infinity, warningsOnly, limit: LIMIT }),
    // oxlint-disable-next-line react-hooks/exhaustive-deps -- each row's "why" is written in the page's language
    [events, statefulSets, warningsOnly, second, i18n.language],
  )
  const onJump = useMemo(
    () => (row: EventRow) => {
      setCurrent(row.uid)
      seek(row.at)
    },
    [seek],
  )
  const hidden =
    (warningsOnly ? events.filter((e) => e.type === 'Warning').length : events.length) - rows.length
  return (
    <section className="events" aria-label={t('events.label')}>
      <div className="ev-toolbar">
        <p className="ev-summary">
          {events.length === 0 ? t('events.none') : t('events.count', { count: events.length })}
        </p>
        <label className="ev-filter">
          <input type="checkbox" checked={warningsOnly} onChange={(e) => setWarningsOnly(e.target.checked)} />
          {t('events.warningsOnly')}
        </label>
      </div>
      <div className="ev-scroll" tabIndex={-1}>
        <table className="ev-table">
          <thead>
            <tr>
              <th scope="col">LAST SEEN</th>
              <th scope="col">TYPE</th>
              <th scope="col">REASON</th>
              <th scope="col">OBJECT</th>
              <th scope="col">MESSAGE</th>
            </tr>
          </thead>
          {rows.map((row) => (
            <Row key={row.uid} row={row} current={row.uid === current} onJump={onJump} />
          ))}
        </table>
        {hidden > 0 && <p className="ev-more">{t('events.older', { count: hidden })}</p>}
      </div>
    </section>
  )
}
