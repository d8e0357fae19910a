// Owner: Monaco owns everything inside its container; React only passes the text in and hears
// changes, and this component writes kubectl's diagnostics as markers on the model. Loaded with
// React.lazy: importing it pulls in Monaco, its workers and the Kubernetes schema.
import { useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { Editor, type OnMount } from '@monaco-editor/react'
import { MODEL_PATH, monaco } from '../../editor/monacoSetup'
import { KUBECTL_OWNER, toMarkers, toProblems } from '../../editor/markers'
import type { YamlEditorProps } from './editorTypes'
import { PlainEditor } from './PlainEditor'

type CodeEditor = Parameters<OnMount>[0]

const OPTIONS = {
  automaticLayout: true,
  fixedOverflowWidgets: true,
  fontSize: 13,
  lineNumbersMinChars: 3,
  minimap: { enabled: false },
  // The final empty line's number is drawn like the others: Monaco's dimmed grey fails contrast (axe).
  renderFinalNewline: 'on',
  renderLineHighlight: 'line',
  scrollBeyondLastLine: false,
  // Off: its asynchronous render throws "Illegal value for lineNumber" when an example replaces
  // the text with a shorter one (Monaco 0.52), and the narrow panel needs the lines anyway.
  stickyScroll: { enabled: false },
  tabSize: 2,
  insertSpaces: true,
  // The side panel is narrow: long comments and values wrap (wrapped rows get no line number).
  wordWrap: 'on',
  wrappingIndent: 'indent',
  quickSuggestions: { other: true, comments: false, strings: true },
} as const

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)')
function useDarkScheme(): boolean {
  return useSyncExternalStore(
    (notify) => {
      const q = darkQuery()
      q.addEventListener('change', notify)
      return () => q.removeEventListener('change', notify)
    },
    () => darkQuery().matches,
  )
}

export default function MonacoYamlEditor(props: YamlEditorProps) {
  const { value, onChange, onApply, diagnostics, onProblems, handle } = props
  const editorRef = useRef<CodeEditor | null>(null)
  const callbacks = useRef({ onApply, onProblems })
  useLayoutEffect(() => {
    callbacks.current = { onApply, onProblems }
  })
  const dark = useDarkScheme()
  const { t } = useTranslation()
  // A new options object only when the language changes: the wrapper then calls updateOptions.
  const ariaLabel = t('editor.yamlLabel')
  const options = useMemo(() => ({ ...OPTIONS, ariaLabel }), [ariaLabel])
  // The few frames Monaco takes to start show the plain editor, which must not take the handle.
  const loadingHandle = useRef(null)

  useImperativeHandle(handle, () => ({
    reveal(line, column) {
      const editor = editorRef.current
      if (!editor) return
      editor.setPosition({ lineNumber: line, column })
      editor.revealLineInCenterIfOutsideViewport(line)
      editor.focus()
    },
  }))

  // kubectl's diagnostics → markers on the model (monaco-yaml keeps its own under `yaml`).
  useEffect(() => {
    const model = monaco.editor.getModel(monaco.Uri.parse(MODEL_PATH))
    if (model) monaco.editor.setModelMarkers(model, KUBECTL_OWNER, toMarkers(diagnostics))
  }, [diagnostics])

  // Every marker on the model (ours and the schema's) → the panel's problem list.
  useEffect(() => {
    const uri = monaco.Uri.parse(MODEL_PATH)
    const report = () =>
      callbacks.current.onProblems?.(toProblems(monaco.editor.getModelMarkers({ resource: uri })))
    const sub = monaco.editor.onDidChangeMarkers((uris) => {
      if (uris.some((u) => u.toString() === uri.toString())) report()
    })
    report()
    return () => sub.dispose()
  }, [])

  const onMount: OnMount = (editor) => {
    editorRef.current = editor
    editor.addAction({
      id: 'ordinal.apply',
      // Named once, in the language of the moment the editor mounts (Monaco has no relabelling).
      label: t('editor.applyAction'),
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      contextMenuGroupId: 'navigation',
      run: () => callbacks.current.onApply(),
    })
    const model = editor.getModel()
    if (model) monaco.editor.setModelMarkers(model, KUBECTL_OWNER, toMarkers(diagnostics))
  }

  return (
    <Editor
      path={MODEL_PATH}
      defaultLanguage="yaml"
      value={value}
      onChange={(text) => onChange(text ?? '')}
      onMount={onMount}
      theme={dark ? 'vs-dark' : 'light'}
      options={options}
      loading={<PlainEditor value={value} onChange={onChange} handle={loadingHandle} />}
    />
  )
}
