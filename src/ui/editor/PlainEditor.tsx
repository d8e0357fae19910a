// Owner: React. The editor before Monaco arrives (and if it cannot load): a plain textarea with
// the same text, so the page is usable at once. Ctrl/Cmd+Enter is handled by the panel.
import { useImperativeHandle, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { YamlEditorProps } from './editorTypes'

export function PlainEditor({ value, onChange, handle }: Omit<YamlEditorProps, 'onApply' | 'diagnostics'>) {
  const area = useRef<HTMLTextAreaElement>(null)
  const { t } = useTranslation()
  useImperativeHandle(handle, () => ({
    reveal(line, column) {
      const el = area.current
      if (!el) return
      const lines = el.value.split('\n')
      const offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1
      el.focus()
      el.setSelectionRange(offset, offset)
    },
  }))
  return (
    <textarea
      ref={area}
      className="ed-plain"
      aria-label={t('editor.yamlLabel')}
      spellCheck={false}
      autoCapitalize="off"
      autoComplete="off"
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  )
}
