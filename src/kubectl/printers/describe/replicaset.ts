// describe.go ReplicaSetDescriber: selector, owner, replica and pod counts (pods it controls, by
// phase), the pod template, the ReplicaFailure condition and events.
import type { Event, KubeObject, Pod, ReplicaSet } from '../../../sim/model'
import { selectorMatches } from '../../../sim/api/labels'
import { selectorString } from '../columns/util'
import { describePodTemplate } from './containers'
import { describeEvents, eventsFor } from './events'
import { LEVEL_0, LEVEL_1, printAnnotationsMultiline, printLabelsMultiline, tabbedString } from './writer'

/** `related` are pods; those matching the selector and controlled by the set (uid) are counted. */
export function describeReplicaSet(
  rs: ReplicaSet,
  events: readonly Event[],
  related: readonly KubeObject[],
  nowMs: number,
): string {
  const counts = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 }
  for (const p of related) {
    if (p.kind !== 'Pod' || !selectorMatches(rs.spec.selector, p.metadata.labels)) continue
    if (p.metadata.ownerReferences?.find((r) => r.controller)?.uid !== rs.metadata.uid) continue
    const phase = (p as Pod).status?.phase
    if (phase && phase in counts) counts[phase as keyof typeof counts]++
  }
  const owner = rs.metadata.ownerReferences?.find((r) => r.controller)
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rs.metadata.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`)
    // metav1.FormatLabelSelector: <none> for an empty selector.
    w.write(LEVEL_0, `Selector:\t${selectorString(rs.spec.selector) || '<none>'}\n`)
    printLabelsMultiline(w, 'Labels', rs.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations)
    if (owner) w.write(LEVEL_0, `Controlled By:\t${owner.kind}/${owner.name}\n`)
    w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec.replicas ?? 1} desired\n`)
    w.write(
      LEVEL_0,
      `Pods Status:\t${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed\n`,
    )
    describePodTemplate(w, rs.spec.template)
    const conditions = rs.status?.conditions ?? []
    if (conditions.length) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n')
      w.write(LEVEL_1, '----\t------\t------\n')
      for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`)
    }
    describeEvents(w, eventsFor(rs, events), nowMs)
  })
}
