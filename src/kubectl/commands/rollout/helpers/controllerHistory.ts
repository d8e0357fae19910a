// The objects that record a controller's revisions — ControllerRevisions for a StatefulSet,
// ReplicaSets for a Deployment — found as kubectl finds them: in the owner's namespace, matched
// by its selector and controlled by it (controlledHistoryV1, deploymentutil.ListReplicaSets).
import { selectorMatches } from '../../../../sim/api/labels'
import type { ApiServer } from '../../../../sim/api/apiServer'
import type { ControllerRevision, KubeObject, LabelSelector } from '../../../../sim/model'
import { strategicMergePatch } from '../../../merge'

type Owner = KubeObject & { spec: { selector: LabelSelector } }

export function controlledBy<T extends KubeObject>(api: ApiServer, kind: string, owner: Owner): T[] {
  return api
    .list<T>(kind, owner.metadata.namespace)
    .filter(
      (o) =>
        selectorMatches(owner.spec.selector, o.metadata.labels) &&
        o.metadata.ownerReferences?.some((r) => r.controller && r.uid === owner.metadata.uid),
    )
}

export function controlledHistory(api: ApiServer, owner: Owner): ControllerRevision[] {
  return controlledBy<ControllerRevision>(api, 'ControllerRevision', owner)
}

/**
 * applyStatefulSetHistory / applyRevision: `obj` with the revision's data applied as the
 * strategic merge patch it is (`{"spec":{"template":{…,"$patch":"replace"}}}`).
 */
export function applyRevision<T extends KubeObject>(obj: T, revision: ControllerRevision): T {
  return strategicMergePatch(obj, revision.data) as T
}

/** getStatefulSetPatch: the patch that would restore `obj`'s current template. */
export function templatePatch(obj: KubeObject & { spec: { template: unknown } }): unknown {
  return { spec: { template: { ...(obj.spec.template as object), $patch: 'replace' } } }
}

/** findHistory: revision `toRevision`, or for 0 the second-highest revision. */
export function findHistory(
  toRevision: number,
  history: readonly ControllerRevision[],
): ControllerRevision | undefined {
  if (toRevision === 0) {
    if (history.length <= 1) return undefined
    return [...history].sort((a, b) => a.revision - b.revision)[history.length - 2]
  }
  return history.find((h) => h.revision === toRevision)
}

export function revisionNotFound(revision: number): Error {
  return new Error(`unable to find specified revision ${revision} in history`)
}
