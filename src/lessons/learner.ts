// A learner who does exactly what a lesson says, against a ClusterSession: each step's action (the
// example applied, each command once the previous one finished), then the clock played in 100 ms
// ticks — as the page's frames do — until the step's check passes. Used to start a lesson at a
// later step (the steps before are done for the learner) and by the tests that prove every
// lesson can be completed.
import type { ClusterSession, ConsoleLine } from '../state/clusterSession'
import type { Lesson, LessonContext } from './lesson'
import { answerPrediction, beginLesson, evaluate, goToStep, type LessonRun } from './progress'

const TICK_MS = 100
/** The longest a step may take, in simulated time, before the learner gives up. */
const STEP_LIMIT_MS = 10 * 60_000

export class Learner {
  readonly lines: ConsoleLine[] = []
  run: LessonRun
  /** Each prediction's outcome by step id, once the engine has shown it. */
  readonly outcomes: Record<string, string> = {}
  /** Steps whose prediction was asked, in order. */
  readonly asked: string[] = []
  private readonly stopListening: () => void

  constructor(
    readonly lesson: Lesson,
    readonly session: ClusterSession,
    private readonly exampleText: (id: string) => string,
  ) {
    this.stopListening = session.onConsole((l) => this.lines.push(l))
    this.run = beginLesson(lesson, this.context())
  }

  context(): LessonContext {
    return { snapshot: this.session.snapshot(), console: [...this.lines] }
  }

  /** Evaluates the lesson as the page does after every change; a question asked is answered at once. */
  evaluate(): void {
    const { run, pause } = evaluate(this.lesson, this.run, this.context())
    this.run = run
    const p = run.prediction
    if (pause && p) {
      this.asked.push(p.stepId)
      this.run = answerPrediction(this.run, 'unanswered')
    }
    if (p?.outcome) this.outcomes[p.stepId] = p.outcome
  }

  /** Does the current step's action and plays until its check passes; false if it never does. */
  takeStep(): boolean {
    const step = this.lesson.steps[this.run.step]
    if (!step) return false
    const action = step.action
    if (action?.kind === 'apply') {
      this.session.apply(this.exampleText(action.example))
    } else if (action?.kind === 'commands') {
      for (const command of action.commands) {
        this.session.command(command)
        this.evaluate()
        for (let t = 0; t < STEP_LIMIT_MS / TICK_MS && this.session.busy; t++) this.tick()
      }
    }
    const until = this.session.sim.now + STEP_LIMIT_MS
    while (this.session.sim.now < until) {
      this.evaluate()
      if (this.run.completed.includes(step.id)) {
        this.run = goToStep(this.lesson, this.run, this.run.step + 1, this.context())
        return true
      }
      this.session.advanceTo(this.session.sim.now + TICK_MS)
    }
    return false
  }

  private tick(): void {
    this.session.advanceTo(this.session.sim.now + TICK_MS)
    this.evaluate()
  }

  /** Stops listening to the session's console. */
  done(): void {
    this.stopListening()
  }
}

/**
 * Brings a fresh session to the start of step `step`, doing every step before it. Returns the
 * step actually reached (smaller when a step's check never passed).
 */
export function fastForward(
  lesson: Lesson,
  session: ClusterSession,
  step: number,
  exampleText: (id: string) => string,
): number {
  const learner = new Learner(lesson, session, exampleText)
  while (learner.run.step < step && learner.takeStep());
  learner.done()
  return learner.run.step
}
