// history.go's printing: the REVISION / CHANGE-CAUSE table (tabwriter minwidth 0, tabwidth 8,
// padding 2) and printTemplate, describe's pod template section written without a tabwriter.
import type { PodTemplateSpec } from '../../../../sim/model'
import { describePodTemplate } from '../../../printers/describe/containers'
import { plainString } from '../../../printers/describe/writer'
import { KUBECTL_DESCRIBE, TabWriter } from '../../../printers/tabwriter'

export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause'

export interface HistoryEntry {
  /** kubernetes.io/change-cause of the revision's object, if any. */
  changeCause?: string | undefined
  template(): PodTemplateSpec
}

/** printHistory: the revision table, or the pod template of `revision` when it is > 0. */
export function printHistory(history: ReadonlyMap<number, HistoryEntry>, revision: number): string {
  if (history.size === 0) return 'No rollout history found.'
  if (revision > 0) {
    const entry = history.get(revision)
    if (!entry) throw new Error('unable to find the specified revision')
    return printTemplate(entry.template())
  }
  const rows = [...history.keys()]
    .sort((a, b) => a - b)
    .map((n) => `${n}\t${history.get(n)!.changeCause || '<none>'}\n`)
  return tabbedString('REVISION\tCHANGE-CAUSE\n' + rows.join(''))
}

export function printTemplate(template: PodTemplateSpec): string {
  return plainString((w) => describePodTemplate(w, template))
}

function tabbedString(text: string): string {
  const w = new TabWriter(KUBECTL_DESCRIBE)
  w.write(text)
  return w.flush()
}
