// describe.go describeStatefulSet: replicas, update strategy, pod counts by phase, the pod
// template, the volume claim templates and events.
import { selectorMatches } from '../../../sim/api/labels'
import type { Event, KubeObject, Pod, StatefulSet } from '../../../sim/model'
import { quantityString, selectorString, storageClassOf } from '../columns/util'
import { describePodTemplate } from './containers'
import { describeEvents, eventsFor } from './events'
import {
  LEVEL_0,
  LEVEL_1,
  formatRFC1123Z,
  goStringSlice,
  printAnnotationsMultiline,
  printLabelsMultiline,
  tabbedString,
} from './writer'

/** `related` are pods; those the set controls (selector and controller uid) are counted. */
export function describeStatefulSet(
  sts: StatefulSet,
  events: readonly Event[],
  related: readonly KubeObject[],
  nowMs: number,
): string {
  const counts = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 }
  for (const p of related) {
    if (p.kind !== 'Pod' || !selectorMatches(sts.spec.selector, p.metadata.labels)) continue
    if (p.metadata.ownerReferences?.find((r) => r.controller)?.uid !== sts.metadata.uid) continue
    const phase = (p as Pod).status?.phase
    if (phase && phase in counts) counts[phase as keyof typeof counts]++
  }
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${sts.metadata.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${sts.metadata.namespace ?? ''}\n`)
    w.write(LEVEL_0, `CreationTimestamp:\t${formatRFC1123Z(sts.metadata.creationTimestamp)}\n`)
    w.write(LEVEL_0, `Selector:\t${selectorString(sts.spec.selector)}\n`)
    printLabelsMultiline(w, 'Labels', sts.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', sts.metadata.annotations)
    w.write(LEVEL_0, `Replicas:\t${sts.spec.replicas ?? 1} desired | ${sts.status?.replicas ?? 0} total\n`)
    w.write(LEVEL_0, `Update Strategy:\t${sts.spec.updateStrategy?.type ?? 'RollingUpdate'}\n`)
    const ru = sts.spec.updateStrategy?.rollingUpdate
    if (ru && ru.partition !== undefined) {
      w.write(LEVEL_1, `Partition:\t${ru.partition}\n`)
      if (ru.maxUnavailable !== undefined) w.write(LEVEL_1, `MaxUnavailable:\t${ru.maxUnavailable}\n`)
    }
    w.write(
      LEVEL_0,
      `Pods Status:\t${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed\n`,
    )
    describePodTemplate(w, sts.spec.template)
    const templates = sts.spec.volumeClaimTemplates ?? []
    if (templates.length === 0) {
      w.write(LEVEL_0, 'Volume Claims:\t<none>\n')
    } else {
      w.write(LEVEL_0, 'Volume Claims:\n')
      for (const t of templates) {
        w.write(LEVEL_1, `Name:\t${t.metadata.name}\n`)
        w.write(
          LEVEL_1,
          `StorageClass:\t${storageClassOf(t.metadata.annotations, t.spec.storageClassName)}\n`,
        )
        printLabelsMultiline(w, 'Labels', t.metadata.labels, '  ')
        printLabelsMultiline(w, 'Annotations', t.metadata.annotations, '  ')
        const storage = t.spec.resources?.requests?.storage
        w.write(LEVEL_1, `Capacity:\t${storage !== undefined ? quantityString(storage) : '<default>'}\n`)
        w.write(LEVEL_1, `Access Modes:\t${goStringSlice(t.spec.accessModes)}\n`)
      }
    }
    describeEvents(w, eventsFor(sts, events), nowMs)
  })
}
