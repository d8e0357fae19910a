// Every lesson can be completed by doing what its steps say: each step's action, run against a
// fresh cluster, makes its check pass within simulated minutes, and each prediction's outcome is
// the answer Kubernetes gives.
import { describe, expect, test } from 'vitest'
import { ClusterSession, type ConsoleLine } from '../state/clusterSession'
import { readFileSync } from 'node:fs'
import { LESSONS } from './catalog'
import type { Lesson, LessonContext } from './lesson'
import { answerPrediction, beginLesson, evaluate, goToStep, type LessonRun } from './progress'

const EXPECTED_OUTCOMES: Record<string, Record<string, string>> = {
  topology: { apply: 'after-ready', delete: 'new-ip' },
  storage: { apply: 'own', delete: 'same' },
  comparison: { delete: 'new' },
  updates: { rolling: 'web-2' },
  failures: { 'node-fail': 'stuck' },
}

class Learner {
  readonly session = new ClusterSession(1)
  readonly lines: ConsoleLine[] = []
  run: LessonRun
  readonly outcomes: Record<string, string> = {}
  readonly asked: string[] = []

  constructor(readonly lesson: Lesson) {
    this.session.onConsole((l) => this.lines.push(l))
    this.run = beginLesson(lesson, this.ctx())
  }

  ctx(): LessonContext {
    return { snapshot: this.session.snapshot(), console: [...this.lines] }
  }

  evaluate(): void {
    const { run, pause } = evaluate(this.lesson, this.run, this.ctx())
    this.run = run
    const p = run.prediction
    if (pause && p) {
      this.asked.push(p.stepId)
      this.run = answerPrediction(this.run, 'whatever')
    }
    if (p?.outcome) this.outcomes[p.stepId] = p.outcome
  }

  /** Plays simulated time in 100 ms ticks (as the page's frames do) until the step's check passes. */
  playUntilDone(stepId: string, limitMs = 10 * 60_000): boolean {
    const until = this.session.sim.now + limitMs
    while (this.session.sim.now < until) {
      this.evaluate()
      if (this.run.completed.includes(stepId)) return true
      this.session.advanceTo(this.session.sim.now + 100)
    }
    return false
  }
}

describe.each(LESSONS.map((l) => [l.id, l] as const))('lesson %s', (_id, lesson) => {
  test('doing each step completes it, and every prediction is asked and resolved', () => {
    const learner = new Learner(lesson)
    for (const [i, step] of lesson.steps.entries()) {
      const action = step.action
      if (action?.kind === 'apply') {
        // Example ids are their file names (src/ui/editor/examples.ts).
        learner.session.apply(readFileSync(`src/examples/${action.example}.yaml`, 'utf8'))
      } else if (action?.kind === 'commands') {
        // Like a learner: each command once its predecessor finished (a run -i waits for its pod).
        // The page evaluates the lesson after every command, before the clock moves on.
        for (const command of action.commands) {
          learner.session.command(command)
          learner.evaluate()
          for (let t = 0; t < 600 && learner.session.busy; t++) {
            learner.session.advanceTo(learner.session.sim.now + 100)
            learner.evaluate()
          }
        }
      }
      expect(learner.playUntilDone(step.id), `step ${step.id} checked`).toBe(true)
      learner.run = goToStep(lesson, learner.run, i + 1, learner.ctx())
    }
    const predicted = lesson.steps.filter((s) => s.prediction).map((s) => s.id)
    expect(learner.asked).toEqual(predicted)
    expect(learner.outcomes).toEqual(EXPECTED_OUTCOMES[lesson.id])
  })

  test('no step is done before its action', () => {
    const learner = new Learner(lesson)
    learner.session.advanceTo(60_000)
    learner.evaluate()
    expect(learner.run.completed).toEqual([])
  })
})
