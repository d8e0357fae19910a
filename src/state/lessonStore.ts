// The lesson being taken, wired to the page's store: the lesson starts from an empty cluster (the
// learner's own work is kept and comes back when they leave), every cluster change is evaluated
// against the current step's check, a prediction pauses the clock until it is answered, and the
// position is remembered across reloads.
import { createStore } from 'zustand/vanilla'
import { lessonById } from '../lessons/catalog'
import type { Lesson, LessonContext, StepAction } from '../lessons/lesson'
import {
  answerPrediction,
  awaitingAnswer,
  beginLesson,
  evaluate,
  goToStep,
  type LessonRun,
} from '../lessons/progress'
import { ClusterSession } from './clusterSession'
import { fastForward } from '../lessons/learner'
import { forgetKeptWork, keepWork, readKeptWork, rebuild, hasWork, type KeptWork } from './keptWork'
import type { AppStore } from './store'
import { sessionOf } from './sessionRegistry'
import type { KeyValueStorage } from './persistence'
import { loadProgress, saveProgress } from '../lessons/savedProgress'

export interface LessonState {
  run?: LessonRun
  /** How many pieces of the current step's action `build` has performed (presenter mode). */
  built: number
  actions: LessonActions
}

export interface LessonActions {
  /** Starts a lesson from an empty cluster with its example in the editor (at `step`: the steps before done). */
  start(id: string, step?: number): void
  /** Takes up a lesson at a step on the cluster as it is (a shared link's lesson). */
  resume(id: string, step: number): void
  /** Leaves the lesson; the learner's own work comes back if it was kept. */
  leave(): void
  next(): void
  previous(): void
  goTo(step: number): void
  answer(optionId: string): void
  /** Runs a step's action the way a learner would: the example applied, or a command typed. */
  applyExample(text: string): void
  runCommand(line: string): void
  /**
   * The presenter's clicker: performs the next piece of the current step's action (the apply, then
   * each command in turn), and once all are done moves to the next step — slides that build.
   * Waits while a prediction is being asked (the class answers first).
   */
  build(): void
}

type Storage = KeyValueStorage & { removeItem?(key: string): void }

export interface LessonStoreOptions {
  storage?: Storage
  /** The text of an example by id (the editor's examples menu). */
  exampleText(id: string): string
  /** The editor's text on a first visit: work equal to it is not worth keeping. */
  untouchedText: string
}

export function createLessonStore(app: AppStore, options: LessonStoreOptions) {
  const { storage } = options
  const context = (): LessonContext => {
    const s = app.getState()
    return { snapshot: s.snapshot, console: s.console }
  }
  const lessonOf = (run: LessonRun | undefined): Lesson | undefined =>
    run ? lessonById(run.lessonId) : undefined
  // The copy in memory serves a browser whose storage is disabled or full; the stored one a reload.
  let keptInMemory: KeptWork | undefined

  const store = createStore<LessonState>()((set, get) => {
    const update = (run: LessonRun | undefined) => {
      if (run?.step !== get().run?.step || run?.lessonId !== get().run?.lessonId) set({ built: 0 })
      set({ run })
      saveProgress(storage, run)
    }
    const move = (step: (run: LessonRun) => number) => {
      const run = get().run
      const lesson = lessonOf(run)
      if (run && lesson) update(goToStep(lesson, run, step(run), context()))
    }
    return {
      built: 0,
      actions: {
        start: (id, step = 0) => {
          const lesson = lessonById(id)
          if (!lesson) return
          const appState = app.getState()
          const current = sessionOf(app)
          if (!get().run && current && hasWork(current, appState.editorText, options.untouchedText))
            keptInMemory = keepWork(storage, current, appState.editorText)
          // Starting at a later step (a link, an embed) does the steps before it for the learner.
          const session = new ClusterSession(1)
          const reached = step > 0 ? fastForward(lesson, session, step, options.exampleText) : 0
          appState.actions.replaceSession(session, options.exampleText(lesson.example))
          update(beginLesson(lesson, context(), reached))
        },
        resume: (id, step) => {
          const lesson = lessonById(id)
          if (lesson) update(beginLesson(lesson, context(), step))
        },
        leave: () => {
          const kept = keptInMemory ?? readKeptWork(storage)
          keptInMemory = undefined
          update(undefined)
          if (!kept) return
          try {
            app.getState().actions.replaceSession(rebuild(kept), kept.editorText)
            forgetKeptWork(storage)
          } catch {
            // unreplayable kept work stays stored under its key; the lesson's cluster stays on screen
          }
        },
        next: () => move((run) => run.step + 1),
        previous: () => move((run) => run.step - 1),
        goTo: (step) => move(() => step),
        answer: (optionId) => {
          const run = get().run
          if (!run) return
          update(answerPrediction(run, optionId))
          app.getState().actions.play()
        },
        applyExample: (text) => {
          const actions = app.getState().actions
          // Play first: a prediction the action triggers pauses the clock again, and must win.
          actions.play()
          actions.setEditorText(text)
          actions.apply(text)
        },
        runCommand: (line) => {
          const actions = app.getState().actions
          actions.play()
          actions.runCommand(line)
        },
        build: () => {
          const { run, built, actions } = get()
          const lesson = lessonOf(run)
          const step = lesson?.steps[run!.step]
          if (!run || !step) return
          if (awaitingAnswer(run)) return
          const pieces = piecesOf(step.action)
          if (built < pieces.length) {
            const piece = pieces[built]!
            set({ built: built + 1 })
            if (piece.kind === 'apply') actions.applyExample(options.exampleText(piece.example))
            else actions.runCommand(piece.command)
          } else actions.next()
        },
      },
    }
  })

  // Every change of the cluster or the console is a chance for the current step's check to pass.
  app.subscribe((state, prev) => {
    if (state.snapshot === prev.snapshot && state.console === prev.console) return
    const run = store.getState().run
    const lesson = lessonOf(run)
    if (!run || !lesson) return
    const result = evaluate(lesson, run, { snapshot: state.snapshot, console: state.console })
    if (result.run !== run) {
      store.setState({ run: result.run })
      saveProgress(storage, result.run)
    }
    if (result.pause) state.actions.pause()
  })

  const saved = loadProgress(storage)
  const lesson = saved && lessonById(saved.lessonId)
  if (saved && lesson) {
    const run = beginLesson(lesson, context(), saved.step)
    store.setState({
      run: { ...run, completed: saved.completed.filter((id) => lesson.steps.some((s) => s.id === id)) },
    })
  }
  return store
}

type Piece = { kind: 'apply'; example: string } | { kind: 'command'; command: string }

function piecesOf(action: StepAction | undefined): Piece[] {
  if (!action) return []
  if (action.kind === 'apply') return [{ kind: 'apply', example: action.example }]
  return action.commands.map((command) => ({ kind: 'command', command }))
}

export type LessonStore = ReturnType<typeof createLessonStore>
