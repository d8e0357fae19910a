// Owner: React owns the console's command line: Enter runs it (adding `kubectl ` when missing),
// ↑/↓ walk the history, Tab completes verbs, kinds and names, Ctrl+C stops a running command
// (or copies, when text is selected), Ctrl+L or `clear` empties the console.
import { useRef, useState, type KeyboardEvent, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { KUBECTL_VERBS } from '../../kubectl/kubectl'
import { getAppStore, useActions } from '../../state/store'
import { complete } from './complete'
import { commandHistory, namesOf, withKubectl } from './consoleModel'

export function ConsoleInput({
  inputRef,
  pane = 0,
}: {
  inputRef?: RefObject<HTMLInputElement | null>
  pane?: number
}) {
  const actions = useActions()
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const [candidates, setCandidates] = useState<readonly string[]>([])
  // Position in the history while ↑/↓ browse it, and the line being typed before browsing.
  const browse = useRef<{ at: number; draft: string } | undefined>(undefined)

  const run = () => {
    const line = text.trim()
    setText('')
    setCandidates([])
    browse.current = undefined
    if (line === '') return
    if (line === 'clear') return actions.clearConsole()
    actions.runCommand(withKubectl(line), pane)
  }

  const recall = (delta: number) => {
    const history = commandHistory(
      getAppStore()
        .getState()
        .console.filter((l) => (l.pane ?? 0) === pane),
    )
    if (history.length === 0) return
    const state = browse.current ?? { at: history.length, draft: text }
    const at = Math.min(history.length, Math.max(0, state.at + delta))
    browse.current = { ...state, at }
    setText(at === history.length ? state.draft : history[at]!)
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const input = e.currentTarget
    if (e.key === 'Enter') {
      e.preventDefault()
      run()
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault()
      recall(e.key === 'ArrowUp' ? -1 : 1)
    } else if (e.key === 'Tab' && !e.shiftKey && text.trim() !== '') {
      // Tab completes while there is something to complete; on an empty line it moves focus on.
      e.preventDefault()
      const { snapshot } = getAppStore().getState()
      const result = complete(text, { verbs: KUBECTL_VERBS, names: (kind) => namesOf(snapshot, kind) })
      setText(result.line)
      setCandidates(result.candidates)
    } else if (e.ctrlKey && e.key.toLowerCase() === 'c' && input.selectionStart === input.selectionEnd) {
      e.preventDefault()
      actions.interrupt(pane)
      setText('')
      setCandidates([])
    } else if (e.ctrlKey && e.key.toLowerCase() === 'l') {
      e.preventDefault()
      actions.clearConsole()
    }
  }

  return (
    <div className="con-inputbox">
      {candidates.length > 0 && (
        <p className="con-candidates" aria-live="polite">
          {candidates.join('   ')}
        </p>
      )}
      <div className="con-inputline">
        <span className="con-prompt" aria-hidden="true">
          $
        </span>
        <input
          ref={inputRef}
          type="text"
          aria-label={pane ? t('console.secondInput') : t('console.input')}
          aria-keyshortcuts="Enter Tab ArrowUp ArrowDown Control+C"
          className="con-input"
          value={text}
          placeholder={t('console.placeholder')}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          autoCorrect="off"
          onChange={(e) => {
            setText(e.target.value)
            setCandidates([])
            browse.current = undefined
          }}
          onKeyDown={onKeyDown}
        />
      </div>
    </div>
  )
}
