// The page's single store (Zustand): the latest cluster snapshot, the clock (playing, speed),
// console lines and the editor text. Components read narrow slices through selectors and call
// actions; only actions touch the engine (through ClusterSession).
import { createStore } from 'zustand/vanilla'
import { useStore } from 'zustand'
import { ClusterSession, type ClusterSnapshot, type CommandResult, type ConsoleLine } from './clusterSession'
import { openStartupStore } from './startup'
import { registerSession } from './sessionRegistry'
import { inspect, type InspectorView, type ObjectRef } from './inspect'

export const SPEEDS = [0.25, 0.5, 1, 2, 5, 10, 25, 50, 100] as const

/** Console lines kept on screen (older ones scroll away). */
const MAX_CONSOLE_LINES = 2000

export interface AppState {
  snapshot: ClusterSnapshot
  /** Changes when replaceSession swaps the cluster (so a shorter timeline is not taken for a fork). */
  sessionId: number
  playing: boolean
  speed: number
  console: readonly ConsoleLine[]
  /** A console command is still running (a watch, a wait); Ctrl+C stops it. */
  commandRunning: boolean
  /** Console panes whose command is still running. */
  runningPanes: readonly number[]
  /** A second console pane is open (like the tutorial's two terminals). */
  split: boolean
  editorText: string
  lastApply?: CommandResult
  /** A message for the learner (stored work set aside, storage full); dismissable. */
  notice?: string
  /** The object the inspector shows. */
  selected?: ObjectRef
  actions: AppActions
}

export interface AppActions {
  play(): void
  pause(): void
  togglePlay(): void
  setSpeed(speed: number): void
  /** Real milliseconds passed since the last frame: advances simulated time when playing. */
  tick(realMs: number): void
  seek(t: number): void
  step(): void
  apply(text?: string): CommandResult
  runCommand(line: string, pane?: number): void
  interrupt(pane?: number): void
  toggleSplit(): void
  /** Empties the console (the terminal's `clear`). */
  clearConsole(): void
  setEditorText(text: string): void
  setNotice(notice: string | undefined): void
  select(ref: ObjectRef | undefined): void
  /** The inspector's view of an object at the current moment. */
  inspect(ref: ObjectRef): InspectorView
  /**
   * Replaces the cluster and the editor text (a lesson starting from an empty cluster, a kept
   * session restored): the console starts empty and the clock paused at the session's moment.
   */
  replaceSession(session: ClusterSession, editorText: string): void
}

/** What a restored session brings besides the cluster (see persistence.ts). */
export interface RestoredState {
  console?: readonly ConsoleLine[]
  speed?: number
  /** Shown once: why stored work could not be restored, and where it was kept. */
  notice?: string
  /** A restored session starts paused at the moment it was left. */
  playing?: boolean
}

export function createAppStore(first: ClusterSession, initialText: string, restored: RestoredState = {}) {
  let session = first
  let stopListening: () => void = () => {}
  const store = createStore<AppState>()((set, get) => {
    const running = () => ({ commandRunning: session.busy, runningPanes: session.busyPanes })
    const publish = () => set({ snapshot: session.snapshot(), ...running() })
    const listen = () => {
      stopListening()
      stopListening = session.onConsole((line) => {
        const lines = get().console
        set({
          console:
            lines.length >= MAX_CONSOLE_LINES
              ? [...lines.slice(-MAX_CONSOLE_LINES + 1), line]
              : [...lines, line],
        })
      })
    }
    listen()
    const actions: AppActions = {
      play: () => set({ playing: true }),
      pause: () => set({ playing: false }),
      togglePlay: () => set({ playing: !get().playing }),
      setSpeed: (speed) => set({ speed }),
      tick: (realMs) => {
        const { playing, speed, snapshot } = get()
        if (!playing || realMs <= 0) return
        session.advanceTo(snapshot.now + Math.min(realMs, 250) * speed)
        publish()
      },
      seek: (t) => {
        session.seek(t)
        publish()
      },
      step: () => {
        set({ playing: false })
        session.step()
        publish()
      },
      apply: (text) => {
        const result = session.apply(text ?? get().editorText)
        set({ lastApply: result })
        publish()
        return result
      },
      runCommand: (line, pane = 0) => {
        session.command(line, pane)
        publish()
      },
      interrupt: (pane = 0) => {
        session.interrupt(pane)
        set(running())
      },
      toggleSplit: () => {
        // Closing the second pane stops what it was running.
        if (get().split) session.interrupt(1)
        set({ split: !get().split, ...running() })
      },
      clearConsole: () => set({ console: [] }),
      setEditorText: (editorText) => set({ editorText }),
      setNotice: (notice) => set({ notice }),
      select: (selected) => set({ selected }),
      inspect: (ref) => inspect(session.sim, ref),
      replaceSession: (next, editorText) => {
        for (const pane of session.busyPanes) session.interrupt(pane)
        session = next
        registerSession(store, session)
        listen()
        set({
          snapshot: session.snapshot(),
          sessionId: get().sessionId + 1,
          ...running(),
          console: [],
          editorText,
          playing: false,
          selected: undefined,
          lastApply: undefined,
        })
      },
    }
    return {
      snapshot: session.snapshot(),
      sessionId: 0,
      playing: true,
      speed: 1,
      console: [],
      commandRunning: session.busy,
      runningPanes: session.busyPanes,
      split: false,
      editorText: initialText,
      ...(restored.console ? { console: restored.console } : {}),
      ...(restored.speed ? { speed: restored.speed } : {}),
      ...(restored.playing !== undefined ? { playing: restored.playing } : {}),
      ...(restored.notice ? { notice: restored.notice } : {}),
      actions,
    }
  })
  registerSession(store, session)
  return store
}

export type AppStore = ReturnType<typeof createAppStore>

let appStore: AppStore | undefined

/** The page's store (created on first use, from the browser's saved session when there is one). */
export function getAppStore(initialText = ''): AppStore {
  appStore ??= openStartupStore(initialText)
  return appStore
}

/** Reads a slice of the page's state; re-renders only when that slice changes. */
export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(getAppStore(), selector)
}

export function useActions(): AppActions {
  return useStore(getAppStore(), (s) => s.actions)
}
