// Wires the store to the browser's localStorage: restores the saved session on start (or sets
// unusable data aside with a notice), and saves — at most once a second — as the learner works.
// Notices are written in the language the page opens in.
import { t } from '../i18n/i18n'
import { ClusterSession } from './clusterSession'
import { loadSession, saveSession, VERSION, type KeyValueStorage, type SavedSession } from './persistence'
import { createAppStore, type AppStore } from './store'
import { sessionOf } from './sessionRegistry'

const SAVE_INTERVAL_MS = 1000
const CONSOLE_LINES_KEPT = 200

/** The browser's localStorage, or undefined where it is missing or disabled. */
export function browserStorage(): (KeyValueStorage & { removeItem(key: string): void }) | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage
  } catch {
    return undefined // storage disabled (privacy settings): the page works without it
  }
}

export function openPersistentStore(
  initialText: string,
  storage: KeyValueStorage | undefined = browserStorage(),
): AppStore {
  const loaded = storage ? loadSession(storage, Date.now()) : ({ kind: 'empty' } as const)
  let store: AppStore | undefined
  if (loaded.kind === 'loaded') {
    const saved = loaded.session
    try {
      const session = ClusterSession.replay(saved.seed, saved.actions, saved.end, saved.now)
      store = createAppStore(session, saved.editorText, {
        console: saved.console,
        speed: saved.speed,
        playing: false,
      })
    } catch (e) {
      const key = `ordinal.session.unreplayable.${Date.now()}`
      storage?.setItem(key, JSON.stringify(saved))
      store = createAppStore(new ClusterSession(1), saved.editorText, {
        notice: t('persistence.unreplayable', { error: e instanceof Error ? e.message : String(e), key }),
      })
    }
  } else {
    const notice =
      loaded.kind === 'setAside'
        ? t('persistence.setAside', { reason: loaded.reason, key: loaded.setAsideKey })
        : undefined
    store = createAppStore(new ClusterSession(1), initialText, notice ? { notice } : {})
  }
  if (storage) keepSaved(store, storage)
  return store
}

/** Saves the session behind `store` as the learner works (startup.ts uses it for a shared session too). */
export function keepSaved(store: AppStore, storage: KeyValueStorage): void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const save = () => {
    timer = undefined
    const s = store.getState()
    const session = sessionOf(store)
    if (!session) return
    const error = saveSession(storage, savedSessionOf(store, session, CONSOLE_LINES_KEPT))
    if (error && s.notice !== error) s.actions.setNotice(error)
  }
  store.subscribe((state, prev) => {
    if (
      state.snapshot === prev.snapshot &&
      state.editorText === prev.editorText &&
      state.speed === prev.speed
    )
      return
    timer ??= setTimeout(save, SAVE_INTERVAL_MS)
  })
  // Save when the tab goes away too (typed loosely: this module is also compiled for Node tests).
  const page = globalThis as { addEventListener?: (type: string, listener: () => void) => void }
  page.addEventListener?.('pagehide', save)
}

/** The store's session as it is saved: seed and actions, the clock, the text, the last console lines. */
export function savedSessionOf(store: AppStore, session: ClusterSession, consoleLines: number): SavedSession {
  const s = store.getState()
  return {
    version: VERSION,
    seed: session.seed,
    actions: [...session.actions],
    end: s.snapshot.end,
    now: s.snapshot.now,
    speed: s.speed,
    editorText: s.editorText,
    console: consoleLines > 0 ? s.console.slice(-consoleLines) : [],
  }
}
