// describe.go DeploymentDescriber: replicas, strategy, the pod template, conditions, the old and
// new ReplicaSets (kubectl's deploymentutil.GetAllReplicaSetsInChunks: every owned set, the new
// one being the oldest whose template is the deployment's) and events.
import type { Deployment, Event, KubeObject, ReplicaSet } from '../../../sim/model'
import { selectorString } from '../columns/util'
import { equalIgnoreHash } from '../../../sim/controllers/deployment/util'
import { byCreationTimestamp } from '../../../sim/controllers/replicaset/utils'
import { describePodTemplate } from './containers'
import { describeEvents, eventsFor } from './events'
import {
  LEVEL_0,
  LEVEL_1,
  formatRFC1123Z,
  printAnnotationsMultiline,
  printLabelsMultiline,
  tabbedString,
} from './writer'

/** printReplicaSetsByLabels: `web-5d8f9c (3/3 replicas created), …` or `<none>`. */
function replicaSetList(sets: readonly ReplicaSet[]): string {
  const list = sets
    .map(
      (rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec.replicas ?? 1} replicas created)`,
    )
    .join(', ')
  return list || '<none>'
}

/** `related` are ReplicaSets; those the deployment controls (by uid) are listed. */
export function describeDeployment(
  d: Deployment,
  events: readonly Event[],
  related: readonly KubeObject[],
  nowMs: number,
): string {
  const owned = related
    .filter(
      (o): o is ReplicaSet =>
        o.kind === 'ReplicaSet' &&
        o.metadata.ownerReferences?.find((r) => r.controller)?.uid === d.metadata.uid,
    )
    .sort(byCreationTimestamp)
  const newRS = owned.find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template))
  const oldRSs = owned.filter((rs) => rs !== newRS)
  const status = d.status ?? {}
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${d.metadata.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace ?? ''}\n`)
    w.write(LEVEL_0, `CreationTimestamp:\t${formatRFC1123Z(d.metadata.creationTimestamp)}\n`)
    printLabelsMultiline(w, 'Labels', d.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', d.metadata.annotations)
    w.write(LEVEL_0, `Selector:\t${selectorString(d.spec.selector)}\n`)
    w.write(
      LEVEL_0,
      `Replicas:\t${d.spec.replicas ?? 1} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`,
    )
    w.write(LEVEL_0, `StrategyType:\t${d.spec.strategy?.type ?? ''}\n`)
    w.write(LEVEL_0, `MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}\n`)
    const ru = d.spec.strategy?.rollingUpdate
    if (ru)
      w.write(
        LEVEL_0,
        `RollingUpdateStrategy:\t${ru.maxUnavailable ?? 0} max unavailable, ${ru.maxSurge ?? 0} max surge\n`,
      )
    describePodTemplate(w, d.spec.template)
    if (status.conditions?.length) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n')
      w.write(LEVEL_1, '----\t------\t------\n')
      for (const c of status.conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`)
    }
    if (oldRSs.length > 0 || newRS) {
      w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetList(oldRSs)}\n`)
      w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetList(newRS ? [newRS] : [])}\n`)
    }
    describeEvents(w, eventsFor(d, events), nowMs)
  })
}
