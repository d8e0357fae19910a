// Presenter mode's captions (in the lessons' chunk): the lesson step in large type, the prediction
// the class is asked (answerable with a click), and the keys. Without a lesson, the lesson list.
import { useTranslation } from 'react-i18next'
import { LESSONS, lessonById } from '../../lessons/catalog'
import { localize } from '../../i18n/i18n'
import { useLanguage } from '../useLanguage'
import { RichText } from '../lessons/RichText'
import { PredictionCard } from '../lessons/PredictionCard'
import { useLessonActions, useLessonState } from '../lessons/pageLessonStore'

export function LessonCaptions() {
  const { t } = useTranslation('lessons')
  const lang = useLanguage()
  const run = useLessonState((s) => s.run)
  const built = useLessonState((s) => s.built)
  const { start } = useLessonActions()
  const lesson = run && lessonById(run.lessonId)
  if (!run || !lesson) {
    return (
      <div className="presenter-captions" data-testid="presenter-captions">
        <p className="presenter-title">{t('listTitle')}</p>
        <div className="presenter-choices">
          {LESSONS.map((l) => (
            <button className="control" key={l.id} type="button" onClick={() => start(l.id)}>
              {localize(l.title, lang)}
            </button>
          ))}
        </div>
      </div>
    )
  }
  const step = lesson.steps[run.step]
  const prediction = step?.prediction && run.prediction?.stepId === step.id ? run.prediction : undefined
  return (
    <div className="presenter-captions" data-testid="presenter-captions" aria-live="polite">
      <p className="presenter-meta">
        {localize(lesson.title, lang)}
        {step && ` · ${t('stepOf', { n: run.step + 1, total: lesson.steps.length })}`}
        {step && run.completed.includes(step.id) && <span className="presenter-done"> ✓</span>}
      </p>
      {step ? (
        <>
          <p className="presenter-title">{localize(step.title, lang)}</p>
          <p className="presenter-text">
            <RichText text={localize(step.text, lang)} />
          </p>
          {step.action?.kind === 'commands' && (
            <ol className="presenter-commands" aria-label={t('steps')}>
              {step.action.commands.map((command, i) => (
                <li key={command} data-built={i < built || undefined}>
                  <code>{command}</code>
                </li>
              ))}
            </ol>
          )}
          {step.prediction && prediction && (
            <PredictionCard prediction={step.prediction} state={prediction} />
          )}
        </>
      ) : (
        <p className="presenter-text">
          <RichText text={localize(lesson.summary, lang)} />
        </p>
      )}
      <p className="presenter-keys">{t('presenterKeys')}</p>
    </div>
  )
}
