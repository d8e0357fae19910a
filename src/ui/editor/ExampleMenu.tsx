// Owner: React. The examples menu: picking one replaces the editor's text (Monaco keeps the
// previous text on its undo stack). It shows which example the text is until it is edited.
import { useId } from 'react'
import { useActions, useApp } from '../../state/store'
import { EXAMPLES, exampleOf } from './examples'

export function ExampleMenu() {
  const id = useId()
  const current = useApp((s) => exampleOf(s.editorText)?.id ?? '')
  const { setEditorText } = useActions()
  const pick = (value: string) => {
    const example = EXAMPLES.find((e) => e.id === value)
    if (example) setEditorText(example.text)
  }
  return (
    <div className="ed-examples">
      <label htmlFor={id}>Example</label>
      <select id={id} value={current} onChange={(e) => pick(e.target.value)}>
        <option value="" disabled>
          {current ? 'Choose an example…' : 'Edited text'}
        </option>
        <optgroup label="Lessons">
          {EXAMPLES.filter((e) => !e.broken).map((e) => (
            <option key={e.id} value={e.id}>
              {e.label}
            </option>
          ))}
        </optgroup>
        <optgroup label="Broken on purpose">
          {EXAMPLES.filter((e) => e.broken).map((e) => (
            <option key={e.id} value={e.id}>
              {e.label}
            </option>
          ))}
        </optgroup>
      </select>
    </div>
  )
}
