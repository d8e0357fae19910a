// Keeps a learner's work across reloads: the editor text, and the cluster as its seed plus the
// actions that shaped it (the engine replays them deterministically), the moment on the
// timeline and the last console lines. Stored data carries a version; anything unreadable is
// set aside under another key, with a notice, never a blank page.
import { t } from '../i18n/i18n'
import type { ConsoleLine, RecordedAction } from './clusterSession'

export const STORAGE_KEY = 'ordinal.session'
export const VERSION = 1

export interface SavedSession {
  version: typeof VERSION
  seed: number
  actions: RecordedAction[]
  end: number
  now: number
  speed: number
  editorText: string
  console: ConsoleLine[]
}

export interface KeyValueStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

export type LoadResult =
  | { kind: 'empty' }
  | { kind: 'loaded'; session: SavedSession }
  /** Stored data could not be used; it was kept under `setAsideKey`. */
  | { kind: 'setAside'; setAsideKey: string; reason: string }

export function loadSession(storage: KeyValueStorage, now = 0): LoadResult {
  const raw = storage.getItem(STORAGE_KEY)
  if (raw === null) return { kind: 'empty' }
  let reason: string | undefined
  try {
    const data = JSON.parse(raw) as unknown
    reason = problemWith(data)
    if (!reason) return { kind: 'loaded', session: data as SavedSession }
  } catch {
    reason = t('persistence.notJson')
  }
  const setAsideKey = `${STORAGE_KEY}.unreadable.${now}`
  try {
    storage.setItem(setAsideKey, raw)
  } catch {
    // Storage full: the old text stays where it is, and the page still starts.
  }
  return { kind: 'setAside', setAsideKey, reason }
}

/** Saves; returns an error message when storage refuses (full, disabled), never throws. */
export function saveSession(storage: KeyValueStorage, session: SavedSession): string | undefined {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(session))
    return undefined
  } catch (e) {
    return t('persistence.saveFailed', { error: e instanceof Error ? e.message : String(e) })
  }
}

function problemWith(data: unknown): string | undefined {
  if (!data || typeof data !== 'object') return t('persistence.notSession')
  const d = data as Partial<SavedSession>
  if (d.version !== VERSION) return t('persistence.otherVersion', { version: String(d.version) })
  if (typeof d.seed !== 'number' || typeof d.end !== 'number' || typeof d.now !== 'number')
    return t('persistence.noClock')
  if (typeof d.editorText !== 'string') return t('persistence.noEditorText')
  if (!Array.isArray(d.actions) || !d.actions.every(isAction)) return t('persistence.badActions')
  if (!Array.isArray(d.console)) return t('persistence.badConsole')
  return undefined
}

function isAction(a: unknown): a is RecordedAction {
  const x = a as Partial<RecordedAction>
  return (
    !!x &&
    typeof x.at === 'number' &&
    (x.kind === 'apply' || x.kind === 'command') &&
    typeof x.text === 'string'
  )
}
