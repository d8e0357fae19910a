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

/**
 * Real milliseconds of engine work one animation frame may spend (the rest of the ~16.7 ms frame
 * is for drawing): `frame` plays simulated time in slices until this is spent and carries the rest.
 */
const FRAME_ENGINE_MS = 6
/** Simulated time still owed is capped at this much real time of play: beyond it the clock lags. */
const MAX_OWED_REAL_MS = 500

export interface AppState {
  snapshot: ClusterSnapshot
  /** Changes when replaceSession swaps the cluster (so a shorter timeline is not taken for a fork). */
  sessionId: number
  playing: boolean
  speed: number
  /**
   * The engine cannot keep up with the chosen speed (many pods changing at once at a high speed):
   * simulated time runs slower than speed × real time. Every simulated moment is still computed.
   */
  lagging: boolean
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
  /**
   * The clock's per-frame step: like tick, but spends at most FRAME_ENGINE_MS of engine time and
   * carries the simulated time not yet played to the next frames (so one frame never computes
   * seconds of churn); sets `lagging` while the engine falls behind the chosen speed.
   */
  frame(realMs: number): void
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
    // Console lines wait here and join the store in one update with the snapshot: `kubectl delete`
    // of 3,000 pods prints 3,000 lines, and one store update per line re-ran every selector each time.
    let pending: ConsoleLine[] = []
    const consoleUpdate = (): Partial<AppState> => {
      if (pending.length === 0) return {}
      const lines = [...get().console, ...pending]
      pending = []
      return { console: lines.length > MAX_CONSOLE_LINES ? lines.slice(-MAX_CONSOLE_LINES) : lines }
    }
    const flushConsole = () => {
      if (pending.length > 0) set(consoleUpdate())
    }
    const publish = () => set({ snapshot: session.snapshot(), ...running(), ...consoleUpdate() })
    const listen = () => {
      stopListening()
      stopListening = session.onConsole((line) => {
        // Actions publish synchronously; the microtask only catches a line written outside one.
        if (pending.length === 0) queueMicrotask(flushConsole)
        pending.push(line)
      })
    }
    /** Simulated milliseconds the clock still has to play (see `frame`). */
    let owed = 0
    /** Simulated milliseconds `frame` plays per engine call, adapted to what the last ones cost. */
    let slice = Infinity
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
      frame: (realMs) => {
        const { playing, speed, snapshot, lagging } = get()
        if (!playing || realMs <= 0) {
          owed = 0
          if (lagging) set({ lagging: false })
          return
        }
        const cap = MAX_OWED_REAL_MS * speed
        owed += Math.min(realMs, 250) * speed
        const dropped = owed > cap
        owed = Math.min(owed, cap)
        // Slices of at most 2 real ms of play (at least 25 simulated ms), narrowed while they cost
        // more than a third of the budget (hundreds of pods changing within one slice) and widened
        // again when they are cheap: fine enough to stop near the budget.
        const widest = Math.max(25, 2 * speed)
        const started = performance.now()
        let now = snapshot.now
        do {
          const step = Math.min(owed, Math.min(slice, widest))
          now += step
          owed -= step
          const before = performance.now()
          session.advanceTo(now)
          const cost = performance.now() - before
          if (cost > FRAME_ENGINE_MS / 3) slice = Math.max(1, step / 4)
          else if (cost < FRAME_ENGINE_MS / 12) slice = Math.min(widest, Math.max(slice, step) * 2)
        } while (owed > 0 && performance.now() - started < FRAME_ENGINE_MS)
        const behind = dropped || (lagging && owed > 0)
        set({ snapshot: session.snapshot(), ...running(), ...consoleUpdate(), lagging: behind })
      },
      seek: (t) => {
        owed = 0
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
        set({ ...running(), ...consoleUpdate() })
      },
      toggleSplit: () => {
        // Closing the second pane stops what it was running.
        if (get().split) session.interrupt(1)
        set({ split: !get().split, ...running(), ...consoleUpdate() })
      },
      clearConsole: () => {
        pending = []
        set({ console: [] })
      },
      setEditorText: (editorText) => set({ editorText }),
      setNotice: (notice) => set({ notice }),
      select: (selected) => set({ selected }),
      inspect: (ref) => inspect(session.sim, ref),
      replaceSession: (next, editorText) => {
        for (const pane of session.busyPanes) session.interrupt(pane)
        session = next
        owed = 0
        pending = []
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
      lagging: false,
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
