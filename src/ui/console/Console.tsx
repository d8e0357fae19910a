// Owner: React owns the kubectl console panel: output (a log region), the command line and a
// Stop button while a command (a watch, a wait) keeps running as simulated time plays.
import { useRef, type MouseEvent } from 'react'
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

function Suggestions() {
  const { runCommand } = useActions()
  return (
    <div className="con-empty">
      <p>
        Type a kubectl command below (the <code>kubectl</code> is optional), or try one:
      </p>
      <ul>
        {SUGGESTIONS.map((s) => (
          <li key={s}>
            <button type="button" className="con-chip" onClick={() => runCommand(withKubectl(s))}>
              {s}
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}

function StopButton() {
  const running = useApp((s) => s.commandRunning)
  const { interrupt } = useActions()
  if (!running) return null
  return (
    <button type="button" className="con-stop" onClick={interrupt} title="Stop the running command (Ctrl+C)">
      <span aria-hidden="true">■</span> Stop <kbd>Ctrl+C</kbd>
    </button>
  )
}

export function Console() {
  const inputRef = useRef<HTMLInputElement>(null)
  // A click in the terminal focuses the command line, unless the user is selecting text.
  const focusInput = (e: MouseEvent) => {
    if ((e.target as Element).closest('button, a, input')) return
    if (window.getSelection()?.isCollapsed ?? true) inputRef.current?.focus()
  }
  return (
    <section className="console" aria-label="kubectl console" onClick={focusInput}>
      <StopButton />
      <ConsoleOutput empty={<Suggestions />} />
      <ConsoleInput inputRef={inputRef} />
    </section>
  )
}
