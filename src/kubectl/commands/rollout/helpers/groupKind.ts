// kubectl pkg/apps GroupKindElement.Accept: which kinds the rollout helpers' visitors know, and
// the two ways kubectl prints a kind in their errors (GroupKind.String and the bare struct).
import type { KindInfo } from '../../../../sim/model/kinds'

/** The kinds with a visitor method (apps.KindVisitor), whether or not a helper handles them. */
const VISITABLE: ReadonlySet<string> = new Set([
  'apps/DaemonSet',
  'apps/Deployment',
  'batch/Job',
  '/Pod',
  'apps/ReplicaSet',
  '/ReplicationController',
  'apps/StatefulSet',
  'batch/CronJob',
])

export function hasVisitor(info: KindInfo): boolean {
  return VISITABLE.has(`${info.group}/${info.kind}`)
}

/** schema.GroupKind.String(): `Pod`, `StatefulSet.apps`. */
export function groupKindString(info: KindInfo): string {
  return info.group ? `${info.kind}.${info.group}` : info.kind
}

/** `%v` of a GroupKindElement (no String method): `{ Service}`, `{apps ControllerRevision}`. */
export function groupKindElement(info: KindInfo): string {
  return `{${info.group} ${info.kind}}`
}
