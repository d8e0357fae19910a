// A learner's way through a lesson, as pure transitions: which step is current, which steps'
// checks have passed, and the state of the current step's prediction (asked → answered → outcome).
import type { Lesson, LessonContext, StepStart } from './lesson'

export interface PredictionState {
  readonly stepId: string
  /** The moment the cluster paused to ask. */
  readonly asked: StepStart
  readonly answer?: string
  /** The option the engine proved right, once it happened. */
  readonly outcome?: string
}

export interface LessonRun {
  readonly lessonId: string
  /** Index of the current step; `steps.length` once the lesson is finished. */
  readonly step: number
  /** When the current step began: its checks compare against it. */
  readonly start: StepStart
  /** Ids of steps whose checks passed. */
  readonly completed: readonly string[]
  readonly prediction?: PredictionState
}

export function startOf(ctx: LessonContext): StepStart {
  return { snapshot: ctx.snapshot, consoleId: ctx.console.at(-1)?.id ?? 0 }
}

export function beginLesson(lesson: Lesson, ctx: LessonContext, step = 0): LessonRun {
  return { lessonId: lesson.id, step: clampStep(lesson, step), start: startOf(ctx), completed: [] }
}

function clampStep(lesson: Lesson, step: number): number {
  return Math.max(0, Math.min(lesson.steps.length, Math.trunc(step)))
}

/** Moves to another step (Next, Previous, a click on the step list); its checks start from now. */
export function goToStep(lesson: Lesson, run: LessonRun, step: number, ctx: LessonContext): LessonRun {
  const next = clampStep(lesson, step)
  if (next === run.step) return run
  const { prediction: _dropped, ...rest } = run
  return { ...rest, step: next, start: startOf(ctx) }
}

export interface Evaluation {
  readonly run: LessonRun
  /** The cluster should pause now: a prediction is being asked. */
  readonly pause: boolean
}

/**
 * Looks at the cluster after it changed: asks the current step's prediction when its moment
 * comes, records the outcome once the engine shows it, and marks the step done when its check holds.
 */
export function evaluate(lesson: Lesson, run: LessonRun, ctx: LessonContext): Evaluation {
  const step = lesson.steps[run.step]
  if (!step) return { run, pause: false }
  let next = run
  let pause = false
  const prediction = step.prediction
  if (prediction) {
    const state = run.prediction?.stepId === step.id ? run.prediction : undefined
    if (!state && prediction.ask(ctx, run.start)) {
      next = { ...next, prediction: { stepId: step.id, asked: startOf(ctx) } }
      pause = true
    } else if (state?.answer !== undefined && state.outcome === undefined) {
      const outcome = prediction.outcome(ctx, state.asked)
      if (outcome !== undefined) next = { ...next, prediction: { ...state, outcome } }
    }
  }
  if (!next.completed.includes(step.id) && step.done(ctx, run.start))
    next = { ...next, completed: [...next.completed, step.id] }
  return { run: next, pause }
}

/** The learner's answer to the prediction being asked. */
export function answerPrediction(run: LessonRun, optionId: string): LessonRun {
  if (!run.prediction || run.prediction.answer !== undefined) return run
  return { ...run, prediction: { ...run.prediction, answer: optionId } }
}

export function isFinished(lesson: Lesson, run: LessonRun): boolean {
  return run.step >= lesson.steps.length
}

/** A prediction is waiting for the learner's answer (the cluster stays paused until then). */
export function awaitingAnswer(run: LessonRun): boolean {
  return !!run.prediction && run.prediction.answer === undefined
}
