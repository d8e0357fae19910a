// The per-kind helper interfaces of kubectl's polymorphichelpers that rollout uses. A kind
// implements the ones it supports in its own file (statefulSet.ts, deployment.ts); the
// registries (statusViewer.ts, history.ts, rollback.ts) map kinds to implementations.
import type { ApiServer } from '../../../../sim/api/apiServer'
import type { KubeObject } from '../../../../sim/model'
import type { DryRunStrategy } from '../dryRun'

/** StatusViewer.Status: the line to print and whether the rollout is done; throws when it cannot tell. */
export interface RolloutStatus {
  message: string
  done: boolean
}
export type StatusViewer = (obj: KubeObject, revision: number) => RolloutStatus

export interface HistoryViewer {
  /** The text after `<kind>/<name> ` (and `with revision #N`); throws kubectl's error. */
  viewHistory(api: ApiServer, obj: KubeObject, revision: number): string
  /** The objects GetHistory returns for `rollout history -o …`, by revision number. */
  getHistory(api: ApiServer, obj: KubeObject): Map<number, KubeObject>
}

export interface Rollbacker {
  /** Restores revision `toRevision` (0: the previous one); returns the name printer's operation. */
  rollback(api: ApiServer, obj: KubeObject, toRevision: number, dryRun: DryRunStrategy): string
}
