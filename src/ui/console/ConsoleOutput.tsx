// Owner: React owns the console's output: the store's console lines, echoed input with a `$ `
// prompt, stdout and stderr styled apart. It keeps to the bottom unless the user scrolled up.
import { memo, useLayoutEffect, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConsoleLine } from '../../state/clusterSession'
import { useApp } from '../../state/store'

// Lines restored from a saved session may repeat the ids of new ones: key each line object once.
const keys = new WeakMap<ConsoleLine, number>()
let nextKey = 0
function keyOf(line: ConsoleLine): number {
  let key = keys.get(line)
  if (key === undefined) keys.set(line, (key = ++nextKey))
  return key
}

const Line = memo(function Line({ line }: { line: ConsoleLine }) {
  if (line.stream === 'in')
    return (
      <span className="con-in">
        <span className="con-prompt" aria-hidden="true">
          ${' '}
        </span>
        {line.text}
        {'\n'}
      </span>
    )
  return <span className={line.stream === 'err' ? 'con-err' : 'con-out'}>{line.text}</span>
})

export function ConsoleOutput({ empty, pane = 0 }: { empty: React.ReactNode; pane?: number }) {
  const all = useApp((s) => s.console)
  const lines = useMemo(() => all.filter((l) => (l.pane ?? 0) === pane), [all, pane])
  const box = useRef<HTMLDivElement>(null)
  const pinned = useRef(true)
  const { t } = useTranslation()
  // Runs after every render, and this component renders only when lines arrive. Nothing to pin
  // while the console is empty: reading scrollHeight forces a layout of the whole page, and on
  // the first render that came before the cluster's first paint.
  useLayoutEffect(() => {
    const el = box.current
    if (el && pinned.current && lines.length > 0) el.scrollTop = el.scrollHeight
  })
  return (
    <div
      ref={box}
      className="con-output"
      role="log"
      aria-live="polite"
      aria-label={pane ? t('console.secondOutput') : t('console.output')}
      tabIndex={0}
      onScroll={(e) => {
        const el = e.currentTarget
        pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24
      }}
    >
      {lines.length === 0 ? (
        empty
      ) : (
        <pre>
          {lines.map((line) => (
            <Line key={keyOf(line)} line={line} />
          ))}
        </pre>
      )}
    </div>
  )
}
