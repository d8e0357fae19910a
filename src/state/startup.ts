// Decides what the page opens, from its address (launch.ts) and the browser's storage: the
// learner's saved work, or the session a `#share=` link carries, or an `?example=`. Opening
// someone else's session never costs the visitor their own: it is copied to KEPT_KEY first and
// "Restore my work" brings it back; a link that cannot be opened leaves their work open with a
// notice saying why. The link's fragment is then removed from the address bar, so a reload opens
// the (saved) session again instead of the link over newer work. An embedded page (`?embed=1`)
// keeps its own session under EMBED_KEY, so a lesson in a blog never touches the app's work.
import { t } from '../i18n/i18n'
import { formatSimTime } from '../i18n/formatTime'
import { ClusterSession } from './clusterSession'
import { parseLaunch, withoutShare, type Launch } from './launch'
import {
  loadSession,
  saveSession,
  STORAGE_KEY,
  VERSION,
  type KeyValueStorage,
  type SavedSession,
} from './persistence'
import { browserStorage, keepSaved, openPersistentStore, savedSessionOf } from './persistentStore'
import { sessionOf } from './sessionRegistry'
import type { LessonPosition, SharedSession } from './share/shareLink'
import { createAppStore, type AppStore } from './store'

/** The visitor's own work while a shared session is open. */
export const KEPT_KEY = `${STORAGE_KEY}.kept`
/** Whether `ordinal.session` holds a shared session ('shared') or the visitor's own work. */
export const ORIGIN_KEY = `${STORAGE_KEY}.origin`
/** An embedded page's session (and its set-aside copies, under the same prefix). */
export const EMBED_KEY = 'ordinal.embed.session'

type Storage = KeyValueStorage & { removeItem?(key: string): void }

export interface StartupOptions {
  /** Default: the page's address, parsed once (currentLaunch). */
  launch?: Launch
  /** Default: localStorage, when the browser allows it. */
  storage?: Storage
  /** Wall-clock milliseconds, for the names of kept copies. */
  now?: number
  /** Shows `url` in the address bar without reloading. Default: history.replaceState. */
  replaceUrl?: (url: string) => void
  /** The address the launch came from. Default: location.href. */
  href?: string
  /** The text of the editor's example `id`, if there is one (default: configureStartup's). */
  exampleText?: (id: string) => string | undefined
}

let configured: Pick<StartupOptions, 'exampleText'> = {}

/**
 * What start-up needs from the UI layer: the examples live with the editor (bundled by Vite),
 * which this module does not import. Call before the first getAppStore().
 */
export function configureStartup(options: Pick<StartupOptions, 'exampleText'>): void {
  configured = options
}

interface Outcome {
  launch: Launch
  store: AppStore
  storage?: Storage
  /** The visitor's own work is under KEPT_KEY and may be brought back. */
  restorable: boolean
}

let outcome: Outcome | undefined

/** Opens the page's store as described at the top. getAppStore calls it once. */
export function openStartupStore(initialText: string, options: StartupOptions = {}): AppStore {
  const launch = options.launch ?? currentLaunch()
  const base = options.storage ?? browserStorage()
  const storage = launch.embed && base ? renamedKeys(base, STORAGE_KEY, EMBED_KEY) : base
  const now = options.now ?? Date.now()
  const notices: string[] = []
  let store: AppStore
  let restorable = false
  const exampleText = options.exampleText ?? configured.exampleText
  // Without the examples (configureStartup not called), `?example=` is left in the address.
  const example = exampleText && launch.example

  const openOwn = (): AppStore => {
    const own = openPersistentStore(initialText, storage)
    if (own.getState().notice) notices.push(own.getState().notice!)
    return own
  }
  const linkFailed = (reason: string) =>
    notices.push(
      t('share:startup.linkFailed', { reason }) +
        (launch.embed ? '' : ` ${t('share:startup.linkFailedOwn')}`),
    )

  const rebuilt = launch.share ? rebuild(launch.share) : undefined
  if (launch.share && rebuilt && 'session' in rebuilt) {
    const shared = launch.share
    const sharedStore = createAppStore(rebuilt.session, shared.editorText, { playing: false })
    store = sharedStore
    // An embedding page chose the session: telling its readers a link was opened is noise.
    if (!launch.embed) notices.push(t('share:startup.opened', { time: formatSimTime(shared.now) }))
    if (!storage) {
      notices.push(t('share:startup.notKept'))
    } else if (launch.embed) {
      // The embed's key is scratch space: the link is what the embedding page asked to show.
      if (saveSession(storage, savedOf(shared)) === undefined) keepSaved(sharedStore, storage)
    } else {
      const kept = keepOwnWork(storage, now)
      if (kept === 'failed' || saveSession(storage, savedOf(shared)) !== undefined) {
        // Saving the shared session would overwrite work that could not be set aside.
        notices.push(t('share:startup.notKept'))
      } else {
        markOrigin(storage, 'shared')
        keepSaved(sharedStore, storage)
        restorable = kept === 'kept'
        if (restorable) notices.push(t('share:startup.kept'))
      }
    }
  } else {
    store = openOwn()
    if (launch.shareError) linkFailed(launch.shareError.message)
    else if (rebuilt && 'error' in rebuilt)
      linkFailed(t('share:startup.replayFailed', { error: rebuilt.error }))
    else if (example) {
      const opened = openExample(store, exampleText(example), {
        id: example,
        initialText,
        storage,
        embed: launch.embed,
        now,
      })
      notices.push(opened.notice)
      restorable = opened.kept
    }
  }

  if (launch.problems.length) notices.push(t('share:launch.ignored', { problems: launch.problems.join(' ') }))
  if (notices.length) store.getState().actions.setNotice(notices.join(' '))
  outcome = { launch, store, restorable, ...(storage ? { storage } : {}) }
  if (!launch.embed && (launch.share || launch.shareError || example)) forgetLink(options, Boolean(example))
  return store
}

/** Whether "Restore my work" has something to bring back. */
export function canRestoreOwnWork(): boolean {
  return outcome?.restorable ?? false
}

/**
 * Brings the visitor's own work back into the page; the session open until now takes its place
 * under KEPT_KEY, so nothing is lost either way. Reports a failure as the page's notice.
 */
export function restoreOwnWork(): boolean {
  if (!outcome?.restorable || !outcome.storage) return false
  const { store, storage } = outcome
  const loaded = loadSession(renamedKeys(storage, STORAGE_KEY, KEPT_KEY), Date.now())
  if (loaded.kind !== 'loaded') {
    outcome.restorable = false
    store.getState().actions.setNotice(
      loaded.kind === 'setAside'
        ? t('share:startup.keptUnreadable', {
            reason: loaded.reason,
            key: renamed(loaded.setAsideKey, STORAGE_KEY, KEPT_KEY),
          })
        : t('share:startup.keptMissing'),
    )
    return false
  }
  const own = loaded.session
  let session: ClusterSession
  try {
    session = ClusterSession.replay(own.seed, own.actions, own.end, own.now)
  } catch (e) {
    store.getState().actions.setNotice(t('share:startup.replayFailed', { error: errorText(e) }))
    return false
  }
  const current = sessionOf(store)
  try {
    if (current) storage.setItem(KEPT_KEY, JSON.stringify(savedSessionOf(store, current, 0)))
    storage.setItem(STORAGE_KEY, JSON.stringify(own))
  } catch (e) {
    store
      .getState()
      .actions.setNotice(t('share:startup.restoreFailed', { error: errorText(e), key: KEPT_KEY }))
    return false
  }
  markOrigin(storage, 'own')
  outcome.restorable = false
  store.getState().actions.replaceSession(session, own.editorText)
  store.getState().actions.setNotice(t('share:startup.restored'))
  return true
}

/** The page's launch parameters, read once (the address bar changes after start-up). */
export function currentLaunch(): Launch {
  if (outcome) return outcome.launch
  cachedLaunch ??= readLaunch()
  return cachedLaunch
}
let cachedLaunch: Launch | undefined

/**
 * The lesson position the page was opened with: a shared session's, else `?lesson=&step=`.
 * `step` is the step's index (from 0, as LessonRun.step); an address's `step` counts from 1.
 */
export function launchLesson(): LessonPosition | undefined {
  const launch = currentLaunch()
  if (launch.share?.lesson) return { ...launch.share.lesson }
  return launch.lesson ? { id: launch.lesson, step: Math.max(0, (launch.step ?? 1) - 1) } : undefined
}

/** The page's address, parsed (`?lang=` was already applied by i18n.ts, before anything was worded). */
function readLaunch(): Launch {
  return parseLaunch((globalThis as { location?: { href: string } }).location?.href ?? '')
}

function rebuild(shared: SharedSession): { session: ClusterSession } | { error: string } {
  try {
    return { session: ClusterSession.replay(shared.seed, shared.actions, shared.end, shared.now) }
  } catch (e) {
    return { error: errorText(e) }
  }
}

/**
 * Copies the visitor's own work to KEPT_KEY. An older copy there is moved to a dated key first,
 * and so is a shared session being replaced by another link (it may hold the visitor's changes).
 */
function keepOwnWork(storage: Storage, now: number): 'kept' | 'nothing' | 'failed' {
  try {
    const current = storage.getItem(STORAGE_KEY)
    if (current === null) return 'nothing'
    const previous = storage.getItem(KEPT_KEY)
    if (storage.getItem(ORIGIN_KEY) === 'shared') {
      storage.setItem(`${KEPT_KEY}.${now}`, current)
      return previous === null ? 'nothing' : 'kept'
    }
    if (previous !== null && previous !== current) storage.setItem(`${KEPT_KEY}.${now}`, previous)
    storage.setItem(KEPT_KEY, current)
    return 'kept'
  } catch {
    return 'failed'
  }
}

function markOrigin(storage: Storage, origin: 'shared' | 'own'): void {
  try {
    if (origin === 'shared') storage.setItem(ORIGIN_KEY, origin)
    else if (storage.removeItem) storage.removeItem(ORIGIN_KEY)
    else storage.setItem(ORIGIN_KEY, origin)
  } catch {
    // A missing mark only means a later link keeps this work as the visitor's own: nothing is lost.
  }
}

/**
 * `?example=ID` puts that example in the editor (the cluster stays). The text it replaces is
 * kept first, as for a shared link: it may be the visitor's work.
 */
function openExample(
  store: AppStore,
  exampleText: string | undefined,
  where: { id: string; initialText: string; storage: Storage | undefined; embed: boolean; now: number },
): { notice: string; kept: boolean } {
  const { id, initialText, storage, embed, now } = where
  if (exampleText === undefined) return { notice: t('share:launch.unknownExample', { id }), kept: false }
  const text = store.getState().editorText
  let kept = false
  if (text !== exampleText && text !== initialText && text.trim() !== '' && !embed) {
    const session = sessionOf(store)
    if (storage && session) {
      // The saved copy may be up to a second old: keep what is on screen now.
      const own = JSON.stringify(savedSessionOf(store, session, 0))
      const result = keepOwnWork(renamedCurrent(storage, own), now)
      if (result === 'failed') return { notice: t('share:startup.exampleNotKept', { id }), kept: false }
      kept = result === 'kept'
    }
  }
  store.getState().actions.setEditorText(exampleText)
  return {
    notice: [t('share:startup.exampleOpened', { id }), ...(kept ? [t('share:startup.kept')] : [])].join(' '),
    kept,
  }
}

/** The storage as keepOwnWork should see it, with `current` as the saved session. */
function renamedCurrent(storage: Storage, current: string): Storage {
  return {
    getItem: (key) => (key === STORAGE_KEY ? current : storage.getItem(key)),
    setItem: (key, value) => storage.setItem(key, value),
  }
}

function savedOf(shared: SharedSession): SavedSession {
  return {
    version: VERSION,
    seed: shared.seed,
    actions: shared.actions,
    end: shared.end,
    now: shared.now,
    speed: 1,
    editorText: shared.editorText,
    console: [],
  }
}

function renamed(key: string, from: string, to: string): string {
  return key === from || key.startsWith(`${from}.`) ? to + key.slice(from.length) : key
}

/** A view of `storage` in which keys under `from` live under `to` (set-aside copies included). */
function renamedKeys(storage: Storage, from: string, to: string): Storage {
  const rename = (key: string) => renamed(key, from, to)
  return {
    getItem: (key) => storage.getItem(rename(key)),
    setItem: (key, value) => storage.setItem(rename(key), value),
    ...(storage.removeItem ? { removeItem: (key: string) => storage.removeItem!(rename(key)) } : {}),
  }
}

/** Removes the consumed parts of the address (the share fragment, `example`), keeping the rest. */
function forgetLink(options: StartupOptions, exampleOpened: boolean): void {
  const page = globalThis as {
    location?: { href: string }
    history?: { state: unknown; replaceState(state: unknown, unused: string, url: string): void }
  }
  const href = options.href ?? page.location?.href
  if (!href) return
  let url: string
  try {
    const parsed = new URL(withoutShare(href))
    if (exampleOpened) parsed.searchParams.delete('example')
    url = parsed.href
  } catch {
    return
  }
  if (url === href) return
  const replace = options.replaceUrl ?? ((u: string) => page.history?.replaceState(page.history.state, '', u))
  try {
    replace(url)
  } catch {
    // A sandboxed page may refuse; the link then reopens on reload, which loses nothing.
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
