// Owner: React owns the kubectl console panel: output (a log region), the command line and a
// Stop button while a command (a watch, a wait) keeps running as simulated time plays.
import { useRef, type MouseEvent } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { useActions, useApp } from '../../state/store'
import { withKubectl } from './consoleModel'
import { ConsoleInput } from './ConsoleInput'
import { ConsoleOutput } from './ConsoleOutput'

const SUGGESTIONS = [
  'get pods -w',
  'get pods,pvc -o wide',
  'describe statefulset web',
  'delete pod web-0',
  'scale sts web --replicas=4',
]

function Suggestions({ pane }: { pane: number }) {
  const { runCommand } = useActions()
  return (
    <div className="con-empty">
      <p>
        <Trans i18nKey="console.intro" components={{ code: <code /> }} />
      </p>
      <ul>
        {SUGGESTIONS.map((s) => (
          <li key={s}>
            <button type="button" className="con-chip" onClick={() => runCommand(withKubectl(s), pane)}>
              {s}
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}

function StopButton({ pane }: { pane: number }) {
  const running = useApp((s) => s.runningPanes.includes(pane))
  const { interrupt } = useActions()
  const { t } = useTranslation()
  if (!running) return null
  return (
    <button type="button" className="con-stop" onClick={() => interrupt(pane)} title={t('console.stopTitle')}>
      <span aria-hidden="true">■</span> {t('console.stop')} <kbd>Ctrl+C</kbd>
    </button>
  )
}

/** Pane 0 is the console; pane 1 the second terminal of a split (its own command, its own output). */
export function Console({ pane = 0 }: { pane?: number }) {
  const inputRef = useRef<HTMLInputElement>(null)
  const { t } = useTranslation()
  // A click in the terminal focuses the command line, unless the user is selecting text.
  const focusInput = (e: MouseEvent) => {
    if ((e.target as Element).closest('button, a, input')) return
    if (window.getSelection()?.isCollapsed ?? true) inputRef.current?.focus()
  }
  return (
    <section
      className="console"
      aria-label={pane ? t('console.secondLabel') : t('console.label')}
      onClick={focusInput}
    >
      <StopButton pane={pane} />
      <ConsoleOutput pane={pane} empty={<Suggestions pane={pane} />} />
      <ConsoleInput pane={pane} inputRef={inputRef} />
    </section>
  )
}
