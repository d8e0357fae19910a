// Owner: React. The examples menu: picking one replaces the editor's text (Monaco keeps the
// previous text on its undo stack). It shows which example the text is until it is edited.
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useActions, useApp } from '../../state/store'
import { EXAMPLES, exampleOf } from './examples'

export function ExampleMenu() {
  const id = useId()
  const { t } = useTranslation()
  const current = useApp((s) => exampleOf(s.editorText)?.id ?? '')
  const { setEditorText } = useActions()
  const pick = (value: string) => {
    const example = EXAMPLES.find((e) => e.id === value)
    if (example) setEditorText(example.text)
  }
  return (
    <div className="ed-examples">
      <label htmlFor={id}>{t('editor.examples.label')}</label>
      <select id={id} value={current} onChange={(e) => pick(e.target.value)}>
        <option value="" disabled>
          {current ? t('editor.examples.choose') : t('editor.examples.edited')}
        </option>
        <optgroup label={t('editor.examples.lessons')}>
          {EXAMPLES.filter((e) => !e.broken).map((e) => (
            <option key={e.id} value={e.id}>
              {t(e.label)}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('editor.examples.broken')}>
          {EXAMPLES.filter((e) => e.broken).map((e) => (
            <option key={e.id} value={e.id}>
              {t(e.label)}
            </option>
          ))}
        </optgroup>
      </select>
    </div>
  )
}
