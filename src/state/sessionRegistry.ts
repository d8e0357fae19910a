// Which ClusterSession is behind a store: persistence and lessons need the session itself (its seed
// and recorded actions), which the store's state does not expose.
import type { ClusterSession } from './clusterSession'

const sessions = new WeakMap<object, ClusterSession>()

/** Registers (or replaces) the session behind a store (createAppStore does it). */
export function registerSession(store: object, session: ClusterSession): void {
  sessions.set(store, session)
}

export function sessionOf(store: object): ClusterSession | undefined {
  return sessions.get(store)
}
