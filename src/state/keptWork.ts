// A learner's own cluster and text, kept while something else takes the stage (a lesson starting
// from an empty cluster) and given back afterwards. Kept in memory and in localStorage, so a
// reload in the middle of a lesson does not lose it.
import { ClusterSession } from './clusterSession'
import type { KeyValueStorage } from './persistence'

export const KEPT_WORK_KEY = 'ordinal.keptWork'

export interface KeptWork {
  readonly version: 1
  readonly seed: number
  readonly actions: ClusterSession['actions']
  readonly end: number
  readonly now: number
  readonly editorText: string
}

export function keepWork(
  storage: KeyValueStorage | undefined,
  session: ClusterSession,
  editorText: string,
): KeptWork {
  const work: KeptWork = {
    version: 1,
    seed: session.seed,
    actions: [...session.actions],
    end: session.timeline.end,
    now: session.sim.now,
    editorText,
  }
  try {
    storage?.setItem(KEPT_WORK_KEY, JSON.stringify(work))
  } catch {
    // storage full: the work is still kept in memory for this visit
  }
  return work
}

/** The kept work, if any and readable; it stays stored until `forgetKeptWork`. */
export function readKeptWork(storage: KeyValueStorage | undefined): KeptWork | undefined {
  try {
    const raw = storage?.getItem(KEPT_WORK_KEY)
    if (!raw) return undefined
    const data = JSON.parse(raw) as Partial<KeptWork>
    if (data.version !== 1 || typeof data.seed !== 'number' || !Array.isArray(data.actions)) return undefined
    if (typeof data.editorText !== 'string' || typeof data.end !== 'number' || typeof data.now !== 'number')
      return undefined
    return data as KeptWork
  } catch {
    return undefined
  }
}

export function forgetKeptWork(
  storage: (KeyValueStorage & { removeItem?(key: string): void }) | undefined,
): void {
  try {
    storage?.removeItem?.(KEPT_WORK_KEY)
  } catch {
    // nothing to do: a stale copy is harmless (it is only offered, never applied unasked)
  }
}

export function rebuild(work: KeptWork): ClusterSession {
  return ClusterSession.replay(work.seed, work.actions, work.end, work.now)
}

/** Whether a session holds anything worth keeping (a cluster shaped by actions, or edited text). */
export function hasWork(session: ClusterSession, editorText: string, untouchedText: string): boolean {
  return session.actions.length > 0 || editorText.trim() !== untouchedText.trim()
}
