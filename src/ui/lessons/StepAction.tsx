// What the learner does in a step: a button that applies the lesson's example, or the commands to
// run — each with a Run button, and typed in the console just as well.
import { useTranslation } from 'react-i18next'
import type { StepAction as Action } from '../../lessons/lesson'
import { EXAMPLES } from '../editor/examples'
import { useLessonActions } from './pageLessonStore'

export function StepAction({ action }: { action: Action }) {
  const { t } = useTranslation('lessons')
  const { applyExample, runCommand } = useLessonActions()
  if (action.kind === 'apply') {
    const example = EXAMPLES.find((e) => e.id === action.example)
    if (!example) return null
    return (
      <div className="lesson-action">
        <button type="button" className="control lesson-primary" onClick={() => applyExample(example.text)}>
          {t('apply', { example: `${example.id}.yaml` })}
        </button>
      </div>
    )
  }
  return (
    <div className="lesson-action">
      <ul className="lesson-commands">
        {action.commands.map((command) => (
          <li key={command}>
            <code>{command}</code>
            <button
              className="control"
              type="button"
              onClick={() => runCommand(command)}
              aria-label={`${t('run')}: ${command}`}
            >
              {t('run')}
            </button>
          </li>
        ))}
      </ul>
      <p className="lesson-muted">{t('runHint')}</p>
    </div>
  )
}
