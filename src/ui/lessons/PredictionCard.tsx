// Predict, then see: the question a step asks at its moment (the cluster is paused), the learner's
// answer, and — once the engine has done it — whether the answer matched what happened, and why.
import { useTranslation } from 'react-i18next'
import type { Prediction } from '../../lessons/lesson'
import type { PredictionState } from '../../lessons/progress'
import { localize } from '../../i18n/i18n'
import { useLanguage } from '../useLanguage'
import { RichText } from './RichText'
import { useLessonActions } from './pageLessonStore'

export function PredictionCard({ prediction, state }: { prediction: Prediction; state: PredictionState }) {
  const { t } = useTranslation('lessons')
  const lang = useLanguage()
  const { answer } = useLessonActions()
  const label = (id: string | undefined) => {
    const option = prediction.options.find((o) => o.id === id)
    return option ? localize(option.label, lang) : ''
  }
  const resolved = state.outcome !== undefined
  const right = resolved && state.outcome === state.answer
  return (
    <section
      className="lesson-predict"
      data-testid="prediction"
      data-state={state.answer === undefined ? 'asking' : resolved ? (right ? 'right' : 'wrong') : 'watching'}
      aria-labelledby="lesson-predict-q"
    >
      <h4>
        <span aria-hidden="true">?</span> {t('predictTitle')}
      </h4>
      <p id="lesson-predict-q" className="lesson-predict-q">
        {localize(prediction.question, lang)}
      </p>
      {state.answer === undefined ? (
        <>
          <p className="lesson-muted">{t('predictPaused')}</p>
          <div className="lesson-options" role="group" aria-labelledby="lesson-predict-q">
            {prediction.options.map((o) => (
              <button
                className="control"
                key={o.id}
                type="button"
                data-option={o.id}
                onClick={() => answer(o.id)}
              >
                {localize(o.label, lang)}
              </button>
            ))}
          </div>
        </>
      ) : (
        <div role="status" aria-live="polite">
          <p>{t('yourAnswer', { answer: label(state.answer) })}</p>
          {!resolved && <p className="lesson-muted">{t('predictWatching')}</p>}
          {resolved && (
            <>
              <p className={right ? 'lesson-right' : 'lesson-wrong'}>
                <strong>{right ? t('predictRight') : t('predictWrong')}</strong>{' '}
                {t('whatHappened', { answer: label(state.outcome) })}
              </p>
              <p>
                <RichText text={localize(prediction.explain, lang)} />
              </p>
            </>
          )}
        </div>
      )}
    </section>
  )
}
