// Every lesson can be completed by doing what its steps say: each step's action, run against a
// fresh cluster, makes its check pass within simulated minutes, and each prediction's outcome is
// the answer Kubernetes gives.
import { describe, expect, test } from 'vitest'
import { ClusterSession } from '../state/clusterSession'
import { readFileSync } from 'node:fs'
import { LESSONS } from './catalog'
import { LESSON_IDS } from './ids'
import { fastForward, Learner } from './learner'

const EXPECTED_OUTCOMES: Record<string, Record<string, string>> = {
  topology: { apply: 'after-ready', delete: 'new-ip' },
  storage: { apply: 'own', delete: 'same' },
  comparison: { delete: 'new' },
  updates: { rolling: 'web-2' },
  failures: { 'node-fail': 'stuck' },
}

const exampleText = (id: string) => readFileSync(`src/examples/${id}.yaml`, 'utf8')

describe.each(LESSONS.map((l) => [l.id, l] as const))('lesson %s', (_id, lesson) => {
  test('doing each step completes it, and every prediction is asked and resolved', () => {
    const learner = new Learner(lesson, new ClusterSession(1), exampleText)
    for (const step of lesson.steps) expect(learner.takeStep(), `step ${step.id} checked`).toBe(true)
    const predicted = lesson.steps.filter((s) => s.prediction).map((s) => s.id)
    expect(learner.asked).toEqual(predicted)
    expect(learner.outcomes).toEqual(EXPECTED_OUTCOMES[lesson.id])
  })

  test('no step is done before its action', () => {
    const learner = new Learner(lesson, new ClusterSession(1), exampleText)
    learner.session.advanceTo(60_000)
    learner.evaluate()
    expect(learner.run.completed).toEqual([])
  })
})

test('starting a lesson at a later step does the steps before it', () => {
  for (const lesson of LESSONS) {
    const last = lesson.steps.length - 1
    const reached = fastForward(lesson, new ClusterSession(1), last, exampleText)
    expect({ lesson: lesson.id, reached }).toEqual({ lesson: lesson.id, reached: last })
  }
})

test('the ids the page knows before the lessons are loaded are the catalog’s, in order', () => {
  expect(LESSONS.map((l) => l.id)).toEqual([...LESSON_IDS])
})
