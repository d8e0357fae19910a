// Owner: React. The Lessons view of the side panel: the list of lessons, or the lesson being taken
// — its current step (text, action, what to watch, whether the check passed), the prediction
// being asked, the step list, and at the end a summary with links to the Kubernetes docs. In the
// lessons' chunk (its styles come with the page: Lessons.tsx).
import { useTranslation } from 'react-i18next'
import { LESSONS, lessonById } from '../../lessons/catalog'
import type { Lesson } from '../../lessons/lesson'
import { isFinished, type LessonRun } from '../../lessons/progress'
import { localize } from '../../i18n/i18n'
import { useLanguage } from '../useLanguage'
import { PredictionCard } from './PredictionCard'
import { RichText } from './RichText'
import { StepAction } from './StepAction'
import { docsUrl } from './docsUrl'
import { useLessonActions, useLessonState } from './pageLessonStore'

export function LessonPanel() {
  const run = useLessonState((s) => s.run)
  const lesson = run && lessonById(run.lessonId)
  return (
    <div className="lesson-panel" data-testid="lesson-panel">
      {run && lesson ? <LessonView lesson={lesson} run={run} /> : <LessonList />}
    </div>
  )
}

function LessonList() {
  const { t } = useTranslation('lessons')
  const lang = useLanguage()
  const { start } = useLessonActions()
  return (
    <section aria-labelledby="lesson-list-title">
      <h3 id="lesson-list-title">{t('listTitle')}</h3>
      <p className="lesson-muted">{t('listIntro')}</p>
      <ol className="lesson-list">
        {LESSONS.map((lesson, i) => (
          <li key={lesson.id} data-lesson={lesson.id}>
            <span className="lesson-number" aria-hidden="true">
              {i + 1}
            </span>
            <div>
              <h4>{localize(lesson.title, lang)}</h4>
              <p>{localize(lesson.goal, lang)}</p>
            </div>
            <button
              type="button"
              className="control lesson-primary"
              onClick={() => start(lesson.id)}
              aria-label={`${t('start')}: ${localize(lesson.title, lang)}`}
            >
              {t('start')}
            </button>
          </li>
        ))}
      </ol>
    </section>
  )
}

function LessonView({ lesson, run }: { lesson: Lesson; run: LessonRun }) {
  const { t } = useTranslation('lessons')
  const lang = useLanguage()
  const { leave, next, previous } = useLessonActions()
  const finished = isFinished(lesson, run)
  const total = lesson.steps.length
  return (
    <section
      className="lesson-view"
      data-lesson={lesson.id}
      data-step={run.step}
      aria-labelledby="lesson-title"
    >
      <header className="lesson-head">
        <h3 id="lesson-title">{localize(lesson.title, lang)}</h3>
        <button type="button" className="lesson-link" onClick={leave}>
          {t('leave')}
        </button>
      </header>
      <StepList lesson={lesson} run={run} />
      {finished ? <LessonSummary lesson={lesson} /> : <CurrentStep lesson={lesson} run={run} />}
      <nav className="lesson-nav" aria-label={t('steps')}>
        <button className="control" type="button" onClick={previous} disabled={run.step === 0}>
          ← {t('previous')}
        </button>
        {!finished && (
          <button
            type="button"
            className={
              run.completed.includes(lesson.steps[run.step]!.id) ? 'control lesson-primary' : 'control'
            }
            onClick={next}
            data-testid="lesson-next"
          >
            {run.step === total - 1 ? t('finish') : t('next')} →
          </button>
        )}
      </nav>
    </section>
  )
}

function StepList({ lesson, run }: { lesson: Lesson; run: LessonRun }) {
  const { t } = useTranslation('lessons')
  const lang = useLanguage()
  const { goTo } = useLessonActions()
  return (
    <ol className="lesson-steps" aria-label={t('steps')}>
      {lesson.steps.map((step, i) => {
        const done = run.completed.includes(step.id)
        const current = i === run.step
        return (
          <li key={step.id} data-done={done} aria-current={current ? 'step' : undefined}>
            <button
              className="control"
              type="button"
              onClick={() => goTo(i)}
              title={localize(step.title, lang)}
            >
              <span aria-hidden="true">{done ? '✓' : i + 1}</span>
              <span className="visually-hidden">
                {localize(step.title, lang)}
                {done ? ` (${t('done')})` : ''}
                {current ? ` (${t('current')})` : ''}
              </span>
            </button>
          </li>
        )
      })}
    </ol>
  )
}

function CurrentStep({ lesson, run }: { lesson: Lesson; run: LessonRun }) {
  const { t } = useTranslation('lessons')
  const lang = useLanguage()
  const step = lesson.steps[run.step]!
  const done = run.completed.includes(step.id)
  const prediction = step.prediction && run.prediction?.stepId === step.id ? run.prediction : undefined
  return (
    <article className="lesson-step" data-step-id={step.id} data-done={done}>
      <p className="lesson-muted">{t('stepOf', { n: run.step + 1, total: lesson.steps.length })}</p>
      <h4>{localize(step.title, lang)}</h4>
      <p>
        <RichText text={localize(step.text, lang)} />
      </p>
      {step.action && <StepAction action={step.action} />}
      {step.watch && (
        <p className="lesson-watch">
          <strong>{t('watch')}</strong> <RichText text={localize(step.watch, lang)} />
        </p>
      )}
      {step.prediction && prediction && <PredictionCard prediction={step.prediction} state={prediction} />}
      <p className="lesson-check" role="status" data-testid="lesson-check" data-done={done}>
        <span aria-hidden="true">{done ? '✓' : '○'}</span> {done ? t('doneCheck') : t('waiting')}
      </p>
    </article>
  )
}

function LessonSummary({ lesson }: { lesson: Lesson }) {
  const { t } = useTranslation('lessons')
  const lang = useLanguage()
  const { start, leave } = useLessonActions()
  const following = LESSONS[LESSONS.indexOf(lesson) + 1]
  return (
    <article className="lesson-summary" data-testid="lesson-summary">
      <h4>{t('summaryTitle')}</h4>
      <p>
        <RichText text={localize(lesson.summary, lang)} />
      </p>
      <h5>{t('docsTitle')}</h5>
      <ul>
        {lesson.docs.map((doc) => (
          <li key={doc.url}>
            <a href={docsUrl(doc.url, lang)} target="_blank" rel="noopener noreferrer">
              {localize(doc.label, lang)}
            </a>
          </li>
        ))}
      </ul>
      <div className="lesson-action">
        {following && (
          <button type="button" className="control lesson-primary" onClick={() => start(following.id)}>
            {t('nextLesson', { title: localize(following.title, lang) })}
          </button>
        )}
        <button className="control" type="button" onClick={leave}>
          {t('allLessons')}
        </button>
      </div>
    </article>
  )
}
