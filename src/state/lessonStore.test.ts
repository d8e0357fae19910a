// The lesson store wired to a page store: a lesson starts from an empty cluster and gives the
// learner's work back on leaving; a prediction pauses the clock until it is answered; the
// presenter's clicker builds a step piece by piece; the position survives a reload.
import { describe, expect, test } from 'vitest'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { ClusterSession } from './clusterSession'
import { createAppStore } from './store'
import { createLessonStore } from './lessonStore'

const example = (id: string) =>
  fs.readFileSync(path.join(import.meta.dirname, `../examples/${id}.yaml`), 'utf8')

function memoryStorage() {
  const data = new Map<string, string>()
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  }
}

function page(storage = memoryStorage()) {
  const app = createAppStore(new ClusterSession(1), example('web'))
  const lessons = createLessonStore(app, { storage, exampleText: example, untouchedText: example('web') })
  const play = (ms: number) => {
    for (let t = 0; t < ms; t += 100) app.getState().actions.tick(100)
  }
  return { app, lessons, storage, play }
}

describe('lesson store', () => {
  test('starting keeps the learner’s work; leaving gives it back', () => {
    const { app, lessons, storage } = page()
    app.getState().actions.apply()
    app.getState().actions.setEditorText('# mine\n')
    lessons.getState().actions.start('topology')
    expect(app.getState().snapshot.statefulSets).toHaveLength(0)
    expect(app.getState().editorText).toBe(example('topology'))
    expect(storage.data.has('ordinal.keptWork')).toBe(true)
    lessons.getState().actions.leave()
    expect(lessons.getState().run).toBeUndefined()
    expect(app.getState().editorText).toBe('# mine\n')
    expect(app.getState().snapshot.statefulSets.map((s) => s.metadata.name)).toEqual(['web'])
    expect(storage.data.has('ordinal.keptWork')).toBe(false)
  })

  test('a prediction pauses the clock until answered, then resolves against the engine', () => {
    const { app, lessons, play } = page()
    const actions = lessons.getState().actions
    actions.start('topology')
    actions.applyExample(example('topology'))
    // The apply creates web-0 right away: the question is asked and the clock stopped.
    play(2_000)
    expect(lessons.getState().run?.prediction?.answer).toBeUndefined()
    expect(app.getState().playing).toBe(false)
    actions.answer('at-once')
    expect(app.getState().playing).toBe(true)
    play(60_000)
    const prediction = lessons.getState().run?.prediction
    expect(prediction).toMatchObject({ answer: 'at-once', outcome: 'after-ready' })
    expect(lessons.getState().run?.completed).toEqual(['apply'])
  })

  test('the clicker runs a step’s commands one by one, then moves on', () => {
    const { app, lessons, play } = page()
    const actions = lessons.getState().actions
    actions.start('topology', 2) // "The hostname is the pod's name": two commands
    app.getState().actions.apply(example('topology'))
    app.getState().actions.play()
    play(60_000)
    actions.build()
    actions.build()
    const typed = app
      .getState()
      .console.filter((l) => l.stream === 'in')
      .map((l) => l.text)
    expect(typed).toEqual(['kubectl exec web-0 -- hostname', 'kubectl exec web-1 -- hostname'])
    expect(lessons.getState().run?.completed).toContain('hostname')
    actions.build()
    expect(lessons.getState().run?.step).toBe(3)
    expect(lessons.getState().built).toBe(0)
  })

  test('the lesson and step survive a reload; unknown stored progress is ignored', () => {
    const storage = memoryStorage()
    const first = page(storage)
    first.lessons.getState().actions.start('storage')
    first.lessons.getState().actions.next()
    expect(page(storage).lessons.getState().run).toMatchObject({ lessonId: 'storage', step: 1 })
    storage.setItem('ordinal.lesson', '{"version":1,"lessonId":"nope","step":0,"completed":[]}')
    expect(page(storage).lessons.getState().run).toBeUndefined()
    storage.setItem('ordinal.lesson', 'not json')
    expect(page(storage).lessons.getState().run).toBeUndefined()
  })
})

test('starting at a later step does the steps before it', () => {
  const { app, lessons } = page()
  lessons.getState().actions.start('storage', 3)
  expect(lessons.getState().run?.step).toBe(3)
  const s = app.getState().snapshot
  expect(s.pods.map((p) => p.metadata.name).sort()).toEqual(['web-0', 'web-1'])
  expect(s.claims.map((c) => c.metadata.name).sort()).toEqual(['www-web-0', 'www-web-1'])
})
