// polymorphichelpers/history.go HistoryViewerFor: the kind's HistoryViewer, or kubectl's error.
import type { KindInfo } from '../../../../sim/model/kinds'
import { deploymentHistoryViewer } from './deployment'
import { groupKindElement, groupKindString, hasVisitor } from './groupKind'
import { statefulSetHistoryViewer } from './statefulSet'
import type { HistoryViewer } from './types'

const VIEWERS: Readonly<Record<string, HistoryViewer>> = {
  StatefulSet: statefulSetHistoryViewer,
  Deployment: deploymentHistoryViewer,
}

export function historyViewerFor(info: KindInfo): HistoryViewer {
  if (!hasVisitor(info))
    throw new Error(
      `error retrieving history for "${groupKindString(info)}", no visitor method exists for ${groupKindElement(info)}`,
    )
  const viewer = VIEWERS[info.kind]
  if (!viewer) throw new Error(`no history viewer has been implemented for "${groupKindString(info)}"`)
  return viewer
}
