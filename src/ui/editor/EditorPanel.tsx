// Owner: React owns the editor panel's chrome: the examples menu, the Apply button, the problem
// list, kubectl's output and the preview. The editor itself is Monaco, loaded lazily so the
// cluster view paints first; until it arrives a plain textarea shows the same text.
import { Suspense, lazy, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useActions, useApp } from '../../state/store'
import type { Problem } from '../../editor/markers'
import { ApplyOutput } from './ApplyOutput'
import type { EditorHandle } from './editorTypes'
import { ExampleMenu } from './ExampleMenu'
import { PlainEditor } from './PlainEditor'
import { PreviewList } from './PreviewList'
import { ProblemList } from './ProblemList'
import { useManifestCheck } from './useManifestCheck'
import './editor.css'

const MonacoYamlEditor = lazy(() => import('./MonacoYamlEditor'))

const isApplyKey = (e: KeyboardEvent) => e.key === 'Enter' && (e.ctrlKey || e.metaKey)
const APPLY_KEYS = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘↵' : 'Ctrl+↵'

export function EditorPanel() {
  const text = useApp((s) => s.editorText)
  const { setEditorText, apply } = useActions()
  const { t } = useTranslation()
  const { diagnostics, preview, checking } = useManifestCheck(text)
  // Monaco's markers once it runs (they include the schema's); kubectl's diagnostics until then.
  const [markers, setMarkers] = useState<Problem[] | undefined>(undefined)
  const problems = markers ?? diagnostics.map((d): Problem => ({ ...d, source: 'kubectl' }))
  const handle = useRef<EditorHandle | null>(null)
  const onApply = () => {
    apply()
  }
  // Ctrl/Cmd+Enter anywhere in the panel (Monaco handles its own and stops the event).
  const onKeyDown = (e: KeyboardEvent) => {
    if (!isApplyKey(e) || e.defaultPrevented) return
    e.preventDefault()
    onApply()
  }
  const fallback = <PlainEditor value={text} onChange={setEditorText} handle={handle} />
  return (
    <div className="ed-panel" onKeyDown={onKeyDown}>
      <div className="ed-toolbar">
        <ExampleMenu />
        <button
          type="button"
          className="ed-apply"
          onClick={onApply}
          aria-keyshortcuts="Control+Enter Meta+Enter"
          title="kubectl apply -f (Ctrl/⌘+Enter)"
        >
          {t('editor.apply')}
          <kbd aria-hidden="true">{APPLY_KEYS}</kbd>
        </button>
      </div>
      <div className="ed-editor">
        <Suspense fallback={fallback}>
          <MonacoYamlEditor
            value={text}
            onChange={setEditorText}
            onApply={onApply}
            diagnostics={diagnostics}
            onProblems={setMarkers}
            handle={handle}
          />
        </Suspense>
      </div>
      <div className="ed-details">
        <ProblemList
          problems={problems}
          checking={checking}
          onPick={(p) => handle.current?.reveal(p.line, p.column)}
        />
        <ApplyOutput />
        <PreviewList preview={preview} />
      </div>
    </div>
  )
}
